// Delete (administrators): confirmation naming the customer and host; Restore from the toast.
import { dialogFeature } from '../dialog-action';

export const deleteFeature = dialogFeature('delete', 'delete', 'delete');

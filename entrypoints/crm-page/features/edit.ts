// Edit: the edit dialog (fields, validation, outcome, conflict, change records).
import { dialogFeature } from '../dialog-action';

export const editFeature = dialogFeature('edit', 'edit', 'edit');

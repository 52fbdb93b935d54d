// Share: departments, roles and people with search; adds only.
import { dialogFeature } from '../dialog-action';

export const shareFeature = dialogFeature('share', 'share', 'share');

// Return to the pool: a reason is required; the row leaves the list at once (./gone-rows.ts).
import { dialogFeature } from '../dialog-action';

export const returnToPoolFeature = dialogFeature('return-to-pool', 'returnToPool', 'returnToPool');

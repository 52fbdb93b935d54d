// Log: the customer's timeline, filtered by operation and time range, offline from the cache.
import { dialogFeature } from '../dialog-action';

export const logFeature = dialogFeature('log', 'log', 'log');

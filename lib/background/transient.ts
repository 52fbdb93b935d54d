// What counts as "try again later" for the outbox, the jobs and the services that wait for the CRM.
import { CrmError } from '../crm-client/errors';
import { isRetryable } from '../crm-client/retry';

/** True when the CRM gave no usable answer (unreachable, 5xx, 429) or there is no connection yet: try later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof CrmError && error.code === 'not_connected') return true;
  return isRetryable(error);
}

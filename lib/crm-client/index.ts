export {
  CrmClient, type CrmClientOptions, type CustomerQuery, type LogQuery, type MutationOptions, type SendOptions,
  type Method, type MutationMethod,
} from './client';
export { CrmError, type CrmErrorCode, type CrmErrorInit } from './errors';
export { DEFAULT_RETRY, isRetryable, parseRetryAfter, type RetryPolicy } from './retry';
export type {
  Me, CustomerPage, LogPage, BatchResults, PhoneResults, SyncCustomersPage, SyncLogsPage,
} from './schemas';

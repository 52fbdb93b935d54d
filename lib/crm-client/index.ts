export type {
  BatchOp, BatchOpName, CrmCapabilities, CrmConnector, CustomerOp, CustomerOpName, CustomerQuery, LogQuery,
  MutationOptions, PhoneOpRow,
} from './connector';
export { CrmClient, REFERENCE_CAPABILITIES, type CrmClientOptions } from './client';
export { CrmError, type CrmErrorCode, type CrmErrorInit } from './errors';
export { batchShowsEffect, perform, performBatch, showsEffect, type ReadBack } from './operations';
export { DEFAULT_RETRY, isRetryable, parseRetryAfter, type RetryPolicy } from './retry';
export type {
  Me, CustomerPage, LogPage, BatchResults, SyncCustomersPage, SyncLogsPage,
} from './schemas';

export { CrmClient, type CrmClientOptions, type CustomerQuery, type MutationOptions } from './client';
export { CrmError, type CrmErrorCode, type CrmErrorInit } from './errors';
export type { Me, CustomerPage } from './schemas';

// Batch delete (administrators): the confirmation lists the customers and names the count and the
// CRM's host; above a hundred customers the count must be typed. Logged "Delete customer" for each.
import type { BatchAction } from '../../../components/batch/batch-action';
import { batchActionFeature } from '../batch-actions';

/** Above this many customers a delete asks the user to type the count. */
export const TYPE_COUNT_ABOVE = 100;

export const batchDeleteAction: BatchAction = {
  id: 'delete',
  label: 'batch.action.delete',
  adminOnly: true,
  title: 'batch.kind.delete',
  verb: 'batch.verb.delete',
  destructive: { typeCountAbove: TYPE_COUNT_ABOVE },
  danger: {},
  request: (customerIds) => ({ kind: 'delete', customerIds }),
};

export const batchDeleteFeature = batchActionFeature('batch-delete', { actions: [batchDeleteAction] });

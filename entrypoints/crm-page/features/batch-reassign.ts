// Batch reassignment: the account executive or the customer service representative of the selected
// customers set to one person. The pre-check follows the field chosen (lib/rules: an AE changes the CSR, the
// AE's manager or an edit group both, a CSR neither); the confirmation names the count and the CRM; each
// change is logged "Edit customer" with the person before and after, and the job can be undone.
import type { BatchAction } from '../../../components/batch/batch-action';
import { batchActionFeature } from '../batch-actions';

export const batchReassignAction: BatchAction = {
  id: 'reassign',
  label: 'batch.action.reassign',
  title: 'batch.kind.reassign',
  verb: 'batch.verb.reassign',
  asks: { assignee: true },
  note: 'reassign.note',
  confirmHost: 'reassign.confirmHost',
  request: (customerIds, { assignee }) => ({ kind: 'reassign', customerIds, field: assignee.field, userId: assignee.userId }),
};

export const batchReassignFeature = batchActionFeature('batch-reassign', { actions: [batchReassignAction] });

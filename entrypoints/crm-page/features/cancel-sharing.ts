// Cancel sharing in batch, on the customers the user may edit: "All" (the default) clears every share,
// or only the chosen departments, roles and people are removed. Logged "Batch Cancel Share customer".
import type { BatchAction } from '../../../components/batch/batch-action';
import { batchActionFeature } from '../batch-actions';

export const cancelSharingAction: BatchAction = {
  id: 'cancelShare',
  label: 'batch.action.cancelShare',
  title: 'batch.kind.cancelShare',
  verb: 'batch.verb.cancelShare',
  asks: { targets: { orAll: true } },
  // Those who lose a share may lose the customer; "Cancel" beside "Cancel sharing" would read as the action.
  danger: { takes: ({ all }) => (all ? 'batch.takes.cancelAll' : 'batch.takes.cancelChosen') },
  dismiss: 'batch.keepSharing',
  request: (customerIds, { all, targets }) => (all ? { kind: 'cancelShare', customerIds, all: true } : { kind: 'cancelShare', customerIds, all: false, targets }),
};

export const cancelSharingFeature = batchActionFeature('cancel-sharing', { actions: [cancelSharingAction] });

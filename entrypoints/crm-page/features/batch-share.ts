// Batch share: the selected customers are shared with the chosen departments, roles and people, added
// to their shares (never clearing them). Logged "Batch Share customer".
import type { BatchAction } from '../../../components/batch/batch-action';
import { batchActionFeature } from '../batch-actions';

export const batchShareAction: BatchAction = {
  id: 'share',
  label: 'batch.action.share',
  title: 'batch.kind.share',
  verb: 'batch.verb.share',
  asks: { targets: {} },
  note: 'batch.shareAdds',
  request: (customerIds, { targets }) => ({ kind: 'share', customerIds, targets }),
};

export const batchShareFeature = batchActionFeature('batch-share', { actions: [batchShareAction] });

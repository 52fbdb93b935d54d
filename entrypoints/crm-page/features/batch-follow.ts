// Follow and unfollow in batch (the stars of one customer are features/follow.ts): the selected
// customers join or leave the user's Followed list.
import type { BatchAction } from '../../../components/batch/batch-action';
import { batchActionFeature } from '../batch-actions';

export const batchFollowAction: BatchAction = {
  id: 'follow',
  label: 'batch.action.follow',
  title: 'batch.kind.follow',
  verb: 'batch.verb.follow',
  request: (customerIds) => ({ kind: 'follow', customerIds }),
};

export const batchUnfollowAction: BatchAction = {
  id: 'unfollow',
  label: 'batch.action.unfollow',
  title: 'batch.kind.unfollow',
  verb: 'batch.verb.unfollow',
  request: (customerIds) => ({ kind: 'unfollow', customerIds }),
};

export const batchFollowFeature = batchActionFeature('batch-follow', { actions: [batchFollowAction, batchUnfollowAction] });

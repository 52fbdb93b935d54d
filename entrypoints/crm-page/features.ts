// The features of the customer page, one file each (lib/features/). Add a feature with one line here.
import type { Feature } from '../../lib/features/feature';
import { rowSlotFeature } from '../../lib/features/row-slot';
import { rowStatesFeature } from '../../lib/features/row-states';
import { rowMenuFeature } from '../../lib/features/row-menu';
import { followStarFeature } from '../../lib/features/follow-star';
import { detailsFeature } from '../../lib/features/details-on-click';
import { editFeature } from '../../lib/features/edit';
import { deleteFeature } from '../../lib/features/delete';
import { returnToPoolFeature } from '../../lib/features/return-to-pool';
import { shareFeature } from '../../lib/features/share';
import { logFeature } from '../../lib/features/log';
import { rowVisibilityFeature } from '../../lib/features/row-visibility';
import { noRowsNoticeFeature } from '../../lib/features/no-rows-notice';
import { selectionFeature } from '../../lib/features/selection';
import { batchFeature } from '../../lib/features/batch';
import { followedViewFeature } from '../../lib/features/followed-view';
import { poolFeature } from '../../lib/features/pool';

export const FEATURES: Feature[] = [
  rowSlotFeature,
  rowStatesFeature,
  rowMenuFeature,
  followStarFeature,
  detailsFeature,
  editFeature,
  deleteFeature,
  returnToPoolFeature,
  shareFeature,
  logFeature,
  rowVisibilityFeature,
  noRowsNoticeFeature,
  selectionFeature,
  batchFeature,
  followedViewFeature,
  poolFeature,
];

// The features of the customer page, one file per seed feature (./features/). Add a feature with one line here.
import type { Feature } from './feature';
import { rowSlotFeature } from './row-slot';
import { rowStatesFeature } from './features/row-states';
import { rowMenuFeature } from './features/row-menu';
import { followStarFeature } from './features/follow';
import { detailsFeature, detailsOnClickFeature } from './features/details';
import { editFeature } from './features/edit';
import { deleteFeature } from './features/delete';
import { returnToPoolFeature } from './features/return-to-pool';
import { shareFeature } from './features/share';
import { logFeature } from './features/log';
import { rowVisibilityFeature } from './features/row-visibility';
import { noRowsNoticeFeature } from './features/no-rows-notice';
import { controlsNoticeFeature } from './features/controls-notice';
import { selectionFeature } from './features/selection';
import { batchBarFeature } from './features/batch-bar';
import { batchShareFeature } from './features/batch-share';
import { cancelSharingFeature } from './features/cancel-sharing';
import { labelsFeature } from './features/labels';
import { batchFollowFeature } from './features/batch-follow';
import { batchDeleteFeature } from './features/batch-delete';
import { batchReassignFeature } from './features/batch-reassign';
import { deleteFromFileFeature } from './features/delete-from-file';
import { followedViewFeature } from './features/followed-view';
import { poolFeature } from './features/pool';
import { recordPageFeature } from './features/record-page';
import { outboxSentFeature } from './features/outbox-sent';
import { rowValuesFeature } from './features/row-values';
import { shortcutsFeature } from './features/shortcuts';
import type { FeatureSwitch } from '../../lib/feature-switches';

/** The feature, run only while the options page's `switches` are all on. */
const when = (switches: FeatureSwitch[], feature: Feature): Feature => ({ ...feature, switches });

/** One customer's controls ([···], star) with their states, and the features behind the menu's items. */
const CUSTOMER_FEATURES: Feature[] = [
  rowStatesFeature,
  when(['rowMenu'], rowMenuFeature),
  when(['followStars'], followStarFeature),
  detailsFeature,
  when(['detailsOnClick'], detailsOnClickFeature),
  editFeature,
  deleteFeature,
  returnToPoolFeature,
  shareFeature,
  when(['logTimeline'], logFeature),
];

export const FEATURES: Feature[] = [
  rowSlotFeature,
  ...CUSTOMER_FEATURES,
  rowVisibilityFeature,
  rowValuesFeature,
  noRowsNoticeFeature,
  // The row boxes are there to choose what the batch bar acts on: off with it.
  when(['batchBar'], selectionFeature),
  // After the row controls: it hit-tests them once drawn.
  controlsNoticeFeature,
  when(['batchBar'], batchBarFeature),
  // The batch bar shows their buttons in this order.
  when(['batchBar'], batchShareFeature),
  when(['batchBar'], cancelSharingFeature),
  when(['batchBar'], labelsFeature),
  when(['batchBar'], batchFollowFeature),
  when(['batchBar'], batchReassignFeature),
  when(['batchBar'], batchDeleteFeature),
  when(['batchBar', 'deleteFromFile'], deleteFromFileFeature),
  followedViewFeature,
  poolFeature,
  outboxSentFeature,
  shortcutsFeature,
];

/**
 * On one customer's own page (a detail view the adapter knows): our holder beside its title, and the
 * customer's controls drawn into it. A feature that adds a menu item goes in CUSTOMER_FEATURES.
 */
export const RECORD_PAGE_FEATURES: Feature[] = [recordPageFeature, ...CUSTOMER_FEATURES, outboxSentFeature, shortcutsFeature];

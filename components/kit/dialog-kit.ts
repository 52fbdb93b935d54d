// What the dialogs' script brings: the CRM page loads it on first use (entrypoints/crm-dialogs.ts), the
// extension pages bundle it (components/bundled-dialogs.ts). A new lazily loaded view is one line here.
export { Dialogs } from '../Dialogs';
export { BatchBar } from '../batch/BatchBar';
export { BatchDialog } from '../batch/BatchDialog';
export { DetailsPanel } from '../DetailsPanel';
export { DeleteFromFileDialog } from '../batch/DeleteFromFileDialog';
export { FollowedView } from '../FollowedView';
export { JobProgress } from '../batch/JobProgress';
export { PoolView } from '../PoolView';
export { RowMenu } from '../RowMenu';
// The styles of what the kit draws: they fill their place in the CRM page's roots once it is loaded (../overlay-css.ts).
export { KIT_CSS } from '../kit-css';

// The dialogs bundled with an extension page (the side panel); the CRM page loads them on first use.
import type { DialogSource } from './kit/lazy-dialogs';
import { DeleteFromFileDialog } from './batch/DeleteFromFileDialog';
import { BatchDialog } from './batch/BatchDialog';
import { Dialogs } from './Dialogs';
import { FollowedView } from './FollowedView';
import { JobProgress } from './batch/JobProgress';
import { PoolView } from './PoolView';

const kit = { Dialogs, BatchDialog, DeleteFromFileDialog, FollowedView, PoolView, JobProgress };

export const bundledDialogs: DialogSource = { loaded: () => kit, load: async () => kit };

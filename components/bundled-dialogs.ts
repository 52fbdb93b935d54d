// The dialogs bundled with an extension page (the side panel); the CRM page loads them on first use.
import type { DialogSource } from '../lib/features/lazy-dialogs';
import { DeleteFromFileDialog } from './batch/DeleteFromFileDialog';
import { BatchDialog } from './batch/BatchDialog';
import { Dialogs } from './Dialogs';
import { FollowedView } from './FollowedView';
import { PoolView } from './PoolView';

const kit = { Dialogs, BatchDialog, DeleteFromFileDialog, FollowedView, PoolView };

export const bundledDialogs: DialogSource = { loaded: () => kit, load: async () => kit };

// The dialogs of the CRM page, injected by the background into the tab's isolated world on first use
// (components/kit/lazy-dialogs.ts). Built against the content script's Preact, i18n and state
// (build/lazy-dialogs.ts), so it must only run after the content script shared them.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DeleteFromFileDialog } from '../components/batch/DeleteFromFileDialog';
import { BatchDialog } from '../components/batch/BatchDialog';
import { Dialogs } from '../components/Dialogs';
import { FollowedView } from '../components/FollowedView';
import { JobProgress } from '../components/batch/JobProgress';
import { PoolView } from '../components/PoolView';
import type { LoadedDialogs } from '../components/kit/lazy-dialogs';
import { DIALOGS_GLOBAL, SHARED_GLOBAL } from '../components/kit/shared-modules';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const loaded: LoadedDialogs = { kit: { Dialogs, BatchDialog, DeleteFromFileDialog, FollowedView, PoolView, JobProgress }, sharedModules: scope[SHARED_GLOBAL] };
  scope[DIALOGS_GLOBAL] = loaded;
});

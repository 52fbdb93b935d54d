// The dialogs load on first use: the background injects their script (entrypoints/crm-dialogs.ts) into
// this tab's isolated world, where it leaves them under DIALOGS_GLOBAL. No web-accessible resource: the
// page cannot fetch or fingerprint the script.
import type { DeleteFromFileDialog } from '../batch/DeleteFromFileDialog';
import type { BatchDialog } from '../batch/BatchDialog';
import type { Dialogs } from '../Dialogs';
import type { FollowedView } from '../FollowedView';
import type { JobProgress } from '../batch/JobProgress';
import type { PoolView } from '../PoolView';
import { shareModules, sharedModules } from './share-modules';
import { DIALOGS_GLOBAL } from './shared-modules';

export interface DialogKit {
  Dialogs: typeof Dialogs;
  BatchDialog: typeof BatchDialog;
  DeleteFromFileDialog: typeof DeleteFromFileDialog;
  FollowedView: typeof FollowedView;
  JobProgress: typeof JobProgress;
  PoolView: typeof PoolView;
}

/** What the dialogs' script leaves: the dialogs, and the shared modules it was run against. */
export interface LoadedDialogs {
  kit: DialogKit;
  sharedModules: unknown;
}

type Scope = Record<string, unknown>;

/**
 * The dialogs if their script ran in this world for this copy of the content script, else null. A copy
 * loaded again into the same world (an update, a re-injection) has its own Preact: the older copy's
 * dialogs would not work in it.
 */
export function loadedDialogs(scope: object = globalThis): DialogKit | null {
  const loaded = (scope as Scope)[DIALOGS_GLOBAL] as LoadedDialogs | undefined;
  return loaded?.sharedModules === sharedModules() ? loaded.kit : null;
}

const pending = new WeakMap<object, Promise<DialogKit>>();

/** The dialogs, injecting their script once (`inject` asks the background); a failed load is retried next time. */
export function loadDialogs(inject: () => Promise<unknown>, scope: object = globalThis): Promise<DialogKit> {
  const ready = loadedDialogs(scope);
  if (ready) return Promise.resolve(ready);
  let loading = pending.get(scope);
  if (!loading) {
    loading = (async () => {
      shareModules(scope);
      await inject();
      const kit = loadedDialogs(scope);
      if (!kit) throw new Error('the dialogs\' script ran but left no dialogs');
      return kit;
    })();
    pending.set(scope, loading);
    loading.catch(() => pending.delete(scope));
  }
  return loading;
}

/** Where a component gets the dialogs: injected on first use (CRM page) or bundled (extension pages). */
export interface DialogSource {
  loaded(): DialogKit | null;
  load(): Promise<DialogKit>;
}

export function injectedDialogs(inject: () => Promise<unknown>, scope: object = globalThis): DialogSource {
  return { loaded: () => loadedDialogs(scope), load: () => loadDialogs(inject, scope) };
}

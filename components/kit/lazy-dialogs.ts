// The dialogs load on first use: the background injects their script (entrypoints/crm-dialogs.ts) into
// this tab's isolated world, where it leaves them under DIALOGS_GLOBAL; before that, the content script
// puts the modules that script takes from it (shared-modules.ts) under SHARED_GLOBAL. No web-accessible
// resource: the page cannot fetch or fingerprint the script.
import { DIALOGS_GLOBAL, SHARED_GLOBAL } from './dialogs-script';
import type * as dialogKit from './dialog-kit';
import * as SHARED_MODULES from './shared-modules';

export type DialogKit = typeof dialogKit;

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
  return loaded?.sharedModules === SHARED_MODULES ? loaded.kit : null;
}

const pending = new WeakMap<object, Promise<DialogKit>>();
const arrivals = new WeakMap<object, { kit: Promise<DialogKit>; arrived(kit: DialogKit): void; ready: DialogKit | null }>();

function arrivalIn(scope: object) {
  let arrival = arrivals.get(scope);
  if (!arrival) {
    let resolve!: (kit: DialogKit) => void;
    const kit = new Promise<DialogKit>((r) => (resolve = r));
    const entry = { kit, ready: null as DialogKit | null, arrived: (loaded: DialogKit) => { entry.ready = loaded; resolve(loaded); } };
    arrivals.set(scope, (arrival = entry));
  }
  return arrival;
}

/**
 * The dialogs once this copy's load has ended, else null. Not as soon as their script has run: between
 * its run and the end of the load, a root's styles still lack the dialogs' parts, and a menu drawn then
 * would be unstyled in the page's flow, where focusing it scrolls the page.
 */
export function readyDialogs(scope: object = globalThis): DialogKit | null {
  return arrivals.get(scope)?.ready ?? null;
}

/** The dialogs once loaded for this copy by whoever asks first; does not load them itself. */
export function whenDialogsLoaded(scope: object = globalThis): Promise<DialogKit> {
  const ready = readyDialogs(scope);
  return ready ? Promise.resolve(ready) : arrivalIn(scope).kit;
}

/** The dialogs, injecting their script once (`inject` asks the background); a failed load is retried next time. */
export function loadDialogs(inject: () => Promise<unknown>, scope: object = globalThis): Promise<DialogKit> {
  const ready = readyDialogs(scope);
  if (ready) return Promise.resolve(ready);
  let loading = pending.get(scope);
  if (!loading) {
    loading = (async () => {
      (scope as Scope)[SHARED_GLOBAL] = SHARED_MODULES;
      await inject();
      const kit = loadedDialogs(scope);
      if (!kit) throw new Error('the dialogs\' script ran but left no dialogs');
      // Before the askers hear it: what waits for the dialogs (their styles) is there when they draw.
      arrivalIn(scope).arrived(kit);
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
  /** The dialogs once someone loaded them (never, if no one does); absent where they are always there. */
  whenLoaded?(): Promise<DialogKit>;
}

export function injectedDialogs(inject: () => Promise<unknown>, scope: object = globalThis): DialogSource {
  return { loaded: () => readyDialogs(scope), load: () => loadDialogs(inject, scope), whenLoaded: () => whenDialogsLoaded(scope) };
}

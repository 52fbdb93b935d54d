// One copy of the overlay per page, and the page can neither see nor stop it. The copies of our script
// in a tab (the one registered for the CRM, one injected into open tabs on connecting) share this
// extension's isolated world, whose globals the page cannot read or write: the running copy leaves its
// stop there and the next copy calls it. (WXT's content-script context announced every start to the
// page with window.postMessage and a document event, naming the extension, and stopped on hearing one.)
// A copy orphaned by an extension update loses its extension API: it stops on the user's next move.

const RUNNING = '__crmxRunningCopy';

type Scope = Record<string, unknown>;

/**
 * Stops the copy that ran before in `scope` and returns the signal of this one, which aborts when a
 * later copy starts or when `extensionAlive()` turns false as the user moves on the page.
 */
export function startOnlyCopy(scope: Scope, events: EventTarget, extensionAlive: () => boolean): AbortSignal {
  (scope[RUNNING] as (() => void) | undefined)?.();
  const controller = new AbortController();
  const stop = () => controller.abort();
  scope[RUNNING] = stop;
  controller.signal.addEventListener('abort', () => {
    if (scope[RUNNING] === stop) delete scope[RUNNING];
  }, { once: true });
  const check = () => {
    if (!extensionAlive()) stop();
  };
  for (const type of ['pointerdown', 'keydown', 'visibilitychange']) {
    events.addEventListener(type, check, { capture: true, passive: true, signal: controller.signal });
  }
  return controller.signal;
}

// Budgets for decorating rows. Measured on a 5,000-row table (Chromium 156, 2 cores): ANY change
// inside the table makes the browser lay the whole table out again, ~150–250 ms each time, however
// few rows changed, while decorating a row costs ~30 µs of script (content-script world included).
// So the cost is the number of separate batches, not their size: decorate in the mutation callback
// itself (before the host's render is laid out, so no extra layout at all: a 5,000-row page is ~160 ms
// of script and nothing more), and defer only what a slow feature could not finish, in a few large
// slices. Small slices (8 ms) measured 93 long tasks of ~200 ms each on the same page.

/** True while the current slice may keep working. */
export type StillTime = () => boolean;

/** Work done in the mutation callback, before the browser lays out the host's new rows. */
export const IMMEDIATE_BUDGET_MS = 200;
/** Each deferred slice costs one table layout; keep them few. */
export const DEFERRED_SLICE_MS = 200;

/** Calls `work` in the next idle period (or a macrotask where there is no requestIdleCallback). */
export function whenIdle(work: (stillTime: StillTime) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const run = () => {
    if (!signal.aborted) work(budgetFromNow(DEFERRED_SLICE_MS));
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 250 });
    signal.addEventListener('abort', () => cancelIdleCallback(handle), { once: true });
  } else {
    const handle = setTimeout(run, 0);
    signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
  }
}

export function budgetFromNow(ms: number): StillTime {
  const end = performance.now() + ms;
  return () => performance.now() < end;
}

// Budgets for decorating rows. Measured on a 5,000-row table (Chromium 156, 2 cores): ANY change
// inside the table makes the browser lay the whole table out again, ~100–250 ms each time, however
// few rows changed (in-flow, absolutely positioned or size-contained controls alike), while decorating
// a row costs ~40 µs of script (content-script world included). So the cost is the number of separate
// batches, not their size: decorate in the mutation callback itself, before the host's render is laid
// out (no extra layout at all: a 5,000-row page is ~200 ms of script inside the host's own render
// task), and defer only what does not fit a generous cap, in a few large slices. A 200 ms cap left
// ~1,500 rows of 5,000 to an idle callback that came 2.5 s later, after the host's layout, and cost
// two more table layouts; small slices (8 ms) measured 93 long tasks of ~200 ms each.

/** True while the current slice may keep working. */
export type StillTime = () => boolean;

/** Work done in the mutation callback, before the browser lays out the host's new rows: a cap for
 * pathological pages (tens of thousands of rows), not a slice. */
export const IMMEDIATE_BUDGET_MS = 1000;
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

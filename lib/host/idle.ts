// Runs work in small idle slices so a long list never blocks a frame.

/** True while the current slice may keep working. */
export type StillTime = () => boolean;

const MAX_SLICE_MS = 8;

/** Calls `work` in the next idle period (or a macrotask where there is no requestIdleCallback). */
export function whenIdle(work: (stillTime: StillTime) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const run = (remaining: () => number) => {
    if (signal.aborted) return;
    const end = performance.now() + Math.min(MAX_SLICE_MS, Math.max(1, remaining()));
    work(() => performance.now() < end);
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()), { timeout: 250 });
    signal.addEventListener('abort', () => cancelIdleCallback(handle), { once: true });
  } else {
    const handle = setTimeout(() => run(() => MAX_SLICE_MS), 0);
    signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
  }
}

/** A budget for work done right now (the rows in view): a few milliseconds at most. */
export function budgetFromNow(ms = MAX_SLICE_MS): StillTime {
  const end = performance.now() + ms;
  return () => performance.now() < end;
}

// Rows arrive in bursts (5,000 in one host render). Work that looks at the whole page, once per row,
// is quadratic: this runs it once after the burst. By default a microtask later, still before the next
// paint; `afterPaint` waits for the frame after it, out of the host's render task (reading the ids of
// 5,000 rows there was ~20 ms of it, for a header box and a count nobody sees before that frame).
// Nothing runs once `signal` has aborted: a burst queued before a feature stopped must not draw again.
export function oncePerBurst(work: () => void, options: { afterPaint?: boolean; signal?: AbortSignal } = {}): () => void {
  let queued = false;
  const run = () => {
    queued = false;
    if (!options.signal?.aborted) work();
  };
  return () => {
    if (queued) return;
    queued = true;
    if (options.afterPaint && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
    else queueMicrotask(run);
  };
}

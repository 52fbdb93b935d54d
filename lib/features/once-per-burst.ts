// Rows arrive in bursts (5,000 in one host render). Work that looks at the whole page, once per row,
// is quadratic: this runs it once after the burst (a microtask later, still before the next paint).
export function oncePerBurst(work: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      work();
    });
  };
}

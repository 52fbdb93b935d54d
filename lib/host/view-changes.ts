// Calls back once a frame after anything that can bring rows into view: a scroll of the page or of any
// scroller in it, a resize, or a change in the size of what holds the rows (rows hidden or shown).
// No IntersectionObserver on the rows: observing thousands of rows makes every scroll frame of the
// host page slower, while the check reads a few rectangles.

export interface ViewChanges {
  /** Also calls back when this element's size changes. */
  watchSize(element: Element): void;
  /** Calls back in the next frame. */
  queue(): void;
}

export function viewChanges(root: Document, signal: AbortSignal, onChange: () => void): ViewChanges {
  const win = root.defaultView;
  let queued = false;
  const queue = () => {
    if (queued || signal.aborted) return;
    queued = true;
    const run = () => {
      queued = false;
      if (!signal.aborted) onChange();
    };
    if (win?.requestAnimationFrame) win.requestAnimationFrame(run);
    else setTimeout(run, 16);
  };
  root.addEventListener('scroll', queue, { capture: true, passive: true, signal });
  win?.addEventListener('resize', queue, { passive: true, signal });
  const sizes = typeof ResizeObserver === 'function' ? new ResizeObserver(queue) : null;
  const watched = new WeakSet<Element>();
  signal.addEventListener('abort', () => sizes?.disconnect(), { once: true });
  return {
    watchSize(element) {
      if (!sizes || watched.has(element)) return;
      watched.add(element);
      sizes.observe(element);
    },
    queue,
  };
}

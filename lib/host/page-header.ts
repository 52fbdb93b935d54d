// The host page's own header (its account menu, Sign out), which our details panel starts below.

/** Where an adapter names no header: a top-level header or the banner landmark. */
export const HOST_HEADER = 'body > header, [role="banner"]';

/** Where the host's header ends in the window (0 once scrolled away); at most a third of the window. */
export function headerBottom(doc: Document, selector: string = HOST_HEADER): number {
  let bottom = 0;
  for (const header of doc.querySelectorAll(selector)) {
    const box = header.getBoundingClientRect();
    if (box.height > 0 && box.top < 1) bottom = Math.max(bottom, box.bottom);
  }
  return Math.round(Math.min(Math.max(bottom, 0), (doc.defaultView?.innerHeight ?? 0) / 3));
}

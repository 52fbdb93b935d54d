// The rows in view go first when a feature starts on a page that is already laid out.

/**
 * The rows (in document order) that intersect the viewport first, then the ones after them, then the
 * ones before. A binary search reads only a few rectangles.
 */
export function inViewFirst(rows: Element[], root: Document): Element[] {
  if (rows.length < 2) return rows;
  const height = root.defaultView?.innerHeight ?? 0;
  const firstBelowTop = lowerBound(rows, (row) => row.getBoundingClientRect().bottom >= 0);
  const firstBelowView = lowerBound(rows, (row) => row.getBoundingClientRect().top > height);
  const end = Math.max(firstBelowView, firstBelowTop);
  return [...rows.slice(firstBelowTop, end), ...rows.slice(end), ...rows.slice(0, firstBelowTop)];
}

/**
 * The rows (in document order) within `margin` of the viewport (a fraction of its height, above and
 * below). Rows the host hid (no box, read as at the viewport's top) can only widen the range.
 */
export function nearView(rows: Element[], root: Document, margin: number): Element[] {
  const height = root.defaultView?.innerHeight ?? 0;
  const start = lowerBound(rows, (row) => row.getBoundingClientRect().bottom >= -height * margin);
  const end = lowerBound(rows, (row) => row.getBoundingClientRect().top > height * (1 + margin));
  return rows.slice(start, Math.max(start, end));
}

/** Index of the first row for which `past` is true, given it is false then true along the list. */
function lowerBound(rows: Element[], past: (row: Element) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(rows[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Budgets for decorating rows of a long host table (the overlay benchmark, P1, measures the page with
// and without us):
// - Controls in every row multiply the boxes of the host's one big layout, and even one empty element
//   per row slows the page's load. So rows get no element until drawn, only their room (one document
//   rule: entrypoints/crm-page/row-slot.ts).
// - Every frame that changes anything on such a page pays paint, compositing inputs and cull rects for
//   the whole table, so drawing the other rows in idle slices costs one such frame per slice.
// So the first screenful is drawn in the mutation callback, inside the host's own render, and any other
// row only when it comes near the viewport (a scroll, which the compositor keeps smooth meanwhile) or
// the user points at or tabs into it.

/** True while the current slice may keep working. */
export type StillTime = () => boolean;

/** A cap on the work done in the mutation callback, for pathological pages. */
export const IMMEDIATE_BUDGET_MS = 1000;
/** Rows filled in the mutation callback: a tall screen of rows and the margin below. */
export const FIRST_ROWS = 100;
/** How far outside the viewport a row is filled, in viewport heights above and below. */
export const NEAR_VIEW_MARGIN = 0.5;

export function budgetFromNow(ms: number): StillTime {
  const end = performance.now() + ms;
  return () => performance.now() < end;
}

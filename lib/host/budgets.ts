// Budgets for decorating rows. Measured on a 5,000-row table (Chromium 156, 2 cores, bench/probe):
// - ANY change to the table's in-flow content makes the browser lay the whole table out again
//   (~50–270 ms), however few rows changed. Filling an element that is already in the row and has a
//   fixed size with size and layout containment (a layout boundary) does not: ~0.2 ms of layout per
//   filled row. Empty contained slots cost the host's first layout next to nothing, while 5,000 filled
//   ones added ~30,000 boxes and 0.5–0.8 s to it.
// - But every frame that changes anything on such a page costs ~100 ms of paint, compositing inputs and
//   cull rects besides (changing one cell's text, without us: 120–130 ms a frame). Filling the other
//   rows in idle slices of 100 took 57 such frames, 11 s of main thread.
// So every row's slot is reserved in the mutation callback, before the host's render is laid out
// (eager subscribers), the first screenful is filled there too, and other rows are filled only when
// they come near the viewport (a scroll, which the compositor keeps smooth meanwhile) or the user
// points at or tabs into them.

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

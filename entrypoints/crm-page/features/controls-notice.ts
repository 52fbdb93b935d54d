// Says on the page when the overlay is there but cannot work: rows found with no customer id read, or our
// row controls hidden (clipped by a narrow cell, covered by the host's own buttons, off screen). Checked once,
// after the first rows are decorated, on a few rows in view: one hit test per control, never a scan of the page.
import { t } from '../../../lib/i18n/index';
import type { Feature } from '../feature';
import { ROW_SLOT_HOST } from '../row-slot';

/**
 * What the point at a control's centre shows: our slot, something of the page on top of it, or nothing (past
 * the window's edge); unknown where the browser hit-tests nothing inside the window.
 */
export type Hit = 'ours' | 'covered' | 'outside' | 'unknown';

export function hitAt(doc: Pick<Document, 'elementFromPoint'>, host: Element, control: Element, view: { width: number; height: number }): Hit {
  const box = control.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  if (x < 0 || y < 0 || x >= view.width || y >= view.height) return 'outside';
  const hit = doc.elementFromPoint(x, y);
  if (!hit) return 'unknown';
  return hit === host || host.contains(hit) ? 'ours' : 'covered';
}

/**
 * Hidden when more than half the rows sampled have a control that is not ours at its centre (one row may sit
 * under a sticky bar); rows with a control the browser could not hit-test are left out.
 */
export function controlsHidden(rows: readonly (readonly Hit[])[]): boolean {
  const judged = rows.filter((hits) => !hits.includes('unknown'));
  const hidden = judged.filter((hits) => hits.some((hit) => hit !== 'ours')).length;
  return hidden * 2 > judged.length;
}

const SAMPLE = 5;

/** Our controls' hits on the first rows in view (none: nothing to judge yet). */
export function sampleHits(doc: Document): Hit[][] {
  const view = { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight };
  const { height } = view;
  const rows: Hit[][] = [];
  for (const host of doc.querySelectorAll(ROW_SLOT_HOST)) {
    if (rows.length >= SAMPLE) break;
    const controls = [...(host.shadowRoot?.children ?? [])].filter((c) => c.localName !== 'style');
    const box = host.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    if (controls.length === 0 || box.height === 0 || middle < 0 || middle > height) continue;
    rows.push(controls.map((control) => hitAt(doc, host, control, view)));
  }
  return rows;
}

/** Each notice shows once per page load: dismissed, it stays away while the user pages or comes back. */
const shown = new Set<string>();

export const controlsNoticeFeature: Feature = {
  name: 'controls-notice',
  init({ adapter, document: doc, rows, signal, state }) {
    // The notices name settings of the generic adapter; a dedicated adapter's placement and ids are ours to get right.
    if (adapter.name !== 'generic') return;
    const say = (key: 'notice.noIds' | 'notice.hidden') => {
      if (signal.aborted || shown.has(key) || state.notice.value) return;
      shown.add(key);
      state.notice.value = t(key);
    };
    let seen = 0;
    let withId = 0;
    let queued = false;
    let judged = false;
    const check = () => {
      queued = false;
      if (signal.aborted) return;
      if (seen > 0 && withId === 0) return say('notice.noIds');
      // A tab in the background is not hit-tested: judge once the user looks at it.
      if (judged || doc.visibilityState === 'hidden') return;
      const hits = sampleHits(doc);
      if (hits.every((row) => row.includes('unknown'))) return;
      judged = true;
      if (controlsHidden(hits)) say('notice.hidden');
    };
    doc.addEventListener('visibilitychange', () => {
      if (!judged && seen > 0) check();
    }, { signal });
    rows.subscribe('controls-notice', (row) => {
      seen++;
      if (adapter.rowId(row)) withId++;
      // After the rows handed out with this one are drawn and laid out.
      if (queued || (judged && withId > 0)) return;
      queued = true;
      requestAnimationFrame(() => setTimeout(check));
    }, signal);
  },
};

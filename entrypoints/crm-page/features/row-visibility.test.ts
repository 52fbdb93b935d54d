import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowVisibilityFeature, HIDDEN_ATTRIBUTE, visibleRowIds } from './row-visibility';
import { noRowsNoticeFeature, NO_ROWS_DELAY_MS } from './no-rows-notice';
import { testContext } from '../test-context';
import { setGone } from '../../../lib/ui/state';
import { loadReferencePage, rerenderRows } from '../../../lib/host/test-fixture';
import { rowStatesFeature } from './row-states';
import { referenceAdapter } from '../../../lib/host/adapters/reference';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

const hidden = () => [...document.querySelectorAll(`tr[${HIDDEN_ATTRIBUTE}]`)].map((tr) => referenceAdapter.rowId(tr));

describe('row visibility', () => {
  it('hides a gone customer\'s row in a long re-render before the host lays it out, far from the view too', async () => {
    const ctx = testContext(controller.signal);
    await rowVisibilityFeature.init(ctx);
    await vi.waitFor(() => expect(ctx.rows.rows()).toHaveLength(3));
    setGone(ctx.state, 'r-250', true);
    const rendered = rerenderRows(Array.from({ length: 300 }, (_, i) => `r-${i}`));
    rendered.forEach((row, i) => {
      row.getBoundingClientRect = () => new DOMRect(0, i * 30, 100, 30);
    });
    await Promise.resolve();
    expect(hidden()).toEqual(['r-250']);
  });

  it('loads the decisions of every row of a long page, also those far from the view', async () => {
    const ctx = testContext(controller.signal);
    await rowStatesFeature.init(ctx);
    const rendered = rerenderRows(Array.from({ length: 300 }, (_, i) => `r-${i}`));
    rendered.forEach((row, i) => {
      row.getBoundingClientRect = () => new DOMRect(0, i * 30, 100, 30);
    });
    await vi.waitFor(() => expect(ctx.state.rowStates.value.size).toBe(300));
  });

  it('hides a customer that left the list at once and shows it again on restore', async () => {
    const ctx = testContext(controller.signal);
    await rowVisibilityFeature.init(ctx);
    await vi.waitFor(() => expect(ctx.rows.rows()).toHaveLength(3));
    setGone(ctx.state, 'c-002', true);
    expect(hidden()).toEqual(['c-002']);
    expect((document.querySelector(`tr[${HIDDEN_ATTRIBUTE}]`) as HTMLElement).style.display).toBe('none');
    setGone(ctx.state, 'c-002', false);
    expect(hidden()).toEqual([]);
  });

  it('gives the selection only the rows the user can see', async () => {
    const ctx = testContext(controller.signal);
    await rowVisibilityFeature.init(ctx);
    await vi.waitFor(() => expect(ctx.rows.rows()).toHaveLength(3));
    expect(visibleRowIds(ctx)).toEqual(['c-001', 'c-002', 'c-003']);
    setGone(ctx.state, 'c-002', true);
    (document.querySelectorAll<HTMLElement>('#customer-table tbody tr')[2]).hidden = true;
    expect(visibleRowIds(ctx)).toEqual(['c-001']);
  });
});

describe('no-rows notice', () => {
  it('shows a notice 3 s after load when no row was seen, and clears it when rows come', async () => {
    vi.useFakeTimers();
    document.querySelector('#customer-table tbody')!.replaceChildren();
    const ctx = testContext(controller.signal);
    await noRowsNoticeFeature.init(ctx);
    vi.advanceTimersByTime(NO_ROWS_DELAY_MS - 1);
    expect(ctx.state.notice.value).toBeNull();
    vi.advanceTimersByTime(1);
    expect(ctx.state.notice.value).toMatch(/found no customer rows/);
    vi.useRealTimers();
    const tr = document.createElement('tr');
    tr.className = 'dt-row';
    tr.innerHTML = '<td class="col-name"><a href="/customers/c-9">x</a></td>';
    document.querySelector('#customer-table tbody')!.append(tr);
    await vi.waitFor(() => expect(ctx.state.notice.value).toBeNull());
  });

  it('stays quiet when the page has rows', async () => {
    vi.useFakeTimers();
    const ctx = testContext(controller.signal);
    await noRowsNoticeFeature.init(ctx);
    vi.advanceTimersByTime(NO_ROWS_DELAY_MS * 2);
    expect(ctx.state.notice.value).toBeNull();
  });
});

// The selection kept by the background for the tab: a page that reloads the whole document gets it back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadReferencePage } from '../../../lib/host/test-fixture';
import { selectionStoreFor } from '../../../lib/ui/selection-store';
import type { TabSelection } from '../../../lib/protocol/tab-selection';
import { selectionFeature } from './selection';
import { testContext, userClick } from '../test-context';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

const boxes = () => [...document.querySelectorAll('crmx-row-menu')].map((host) => host.shadowRoot!.querySelector<HTMLInputElement>('input.crmx-select-box')!);

/** A context whose background keeps one tab's selection as the real one does. */
function withTabStore(kept: TabSelection | null) {
  const ctx = testContext(controller.signal);
  const puts: TabSelection[] = [];
  ctx.api.request.mockImplementation(async (type: string, payload: unknown) => {
    if (type === 'getTabSelection') {
      expect(payload).toBe('reference');
      return kept;
    }
    if (type === 'putTabSelection') {
      puts.push(payload as TabSelection);
      return null;
    }
    throw new Error(`${type}: not scripted`);
  });
  return { ctx, puts };
}

describe('the selection kept for the tab', () => {
  it('comes back on a new page: ids not on this page too, with their names, and the boxes of those on it checked', async () => {
    const { ctx } = withTabStore({ list: 'reference', ids: ['c-002', 'x-elsewhere'], names: { 'c-002': 'Bình Minh', 'x-elsewhere': 'Far Away Ltd' } });
    const store = selectionStoreFor(ctx.state);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect([...store.selection.value.ids].sort()).toEqual(['c-002', 'x-elsewhere']));
    expect(store.names.get('x-elsewhere')).toBe('Far Away Ltd');
    await vi.waitFor(() => expect(boxes().map((b) => b.checked)).toEqual([false, true, false]));
  });

  it('is told every change, with the names of the selected ids, and an empty selection when the user clears it', async () => {
    const { ctx, puts } = withTabStore({ list: 'reference', ids: ['x-elsewhere'], names: { 'x-elsewhere': 'Far Away Ltd' } });
    const store = selectionStoreFor(ctx.state);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    await vi.waitFor(() => expect(store.selection.value.ids.size).toBe(1));
    userClick(boxes()[0]);
    expect(puts.at(-1)).toEqual({ list: 'reference', ids: ['x-elsewhere', 'c-001'], names: { 'x-elsewhere': 'Far Away Ltd', 'c-001': expect.any(String) } });
    store.selection.value = { ids: new Set(), anchor: null, matching: null };
    expect(puts.at(-1)).toEqual({ list: 'reference', ids: [], names: {} });
  });

  it('is not overwritten before it is read: nothing is written until the answer came', async () => {
    let answer!: (kept: TabSelection | null) => void;
    const ctx = testContext(controller.signal);
    const puts: unknown[] = [];
    ctx.api.request.mockImplementation((type: string, payload: unknown) => {
      if (type === 'getTabSelection') return new Promise((resolve) => (answer = resolve));
      puts.push(payload);
      return Promise.resolve(null);
    });
    const store = selectionStoreFor(ctx.state);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(puts).toEqual([]);
    answer({ list: 'reference', ids: ['x-elsewhere'], names: {} });
    await vi.waitFor(() => expect([...store.selection.value.ids]).toEqual(['x-elsewhere']));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeRows } from './observe-rows';
import { inViewFirst } from './in-view-first';
import { loadReferencePage, rerenderRows } from './test-fixture';
import { referenceAdapter } from './adapters/reference';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

function start() {
  return observeRows({ root: document, rowSelector: referenceAdapter.selectors.row, signal: controller.signal, onError: () => {} });
}

function recorder() {
  const handed: Element[] = [];
  return { handed, handle: (row: Element) => handed.push(row), ids: () => handed.map((r) => referenceAdapter.rowId(r)) };
}

describe('observeRows', () => {
  it('hands the rows already on the page', async () => {
    const rec = recorder();
    start().subscribe('test', rec.handle);
    await vi.waitFor(() => expect(rec.ids()).toEqual(['c-001', 'c-002', 'c-003']));
  });

  it('hands each row element exactly once across ten re-renders', async () => {
    const rec = recorder();
    const rows = start();
    rows.subscribe('test', rec.handle);
    const rendered: Element[] = [];
    for (let page = 0; page < 10; page++) {
      rendered.push(...rerenderRows([`p${page}-a`, `p${page}-b`]));
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(rec.handed.length).toBeGreaterThanOrEqual(3 + 2));
    // Only rows still on the page must be handed; every handed element appears once.
    await vi.waitFor(() => expect(rec.handed).toEqual(expect.arrayContaining(rendered.slice(-2))));
    expect(new Set(rec.handed).size).toBe(rec.handed.length);
    expect(rows.rows()).toEqual(rendered.slice(-2));
  });

  it('does not hand a row again when the host moves it', async () => {
    const rec = recorder();
    start().subscribe('test', rec.handle);
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    const tbody = document.querySelector('tbody')!;
    tbody.append(tbody.firstElementChild!);
    tbody.prepend(tbody.lastElementChild!);
    await new Promise((r) => setTimeout(r, 0));
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    expect(new Set(rec.handed).size).toBe(3);
  });

  it('hands rows inside a whole new tbody', async () => {
    const rec = recorder();
    start().subscribe('test', rec.handle);
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    const tbody = document.createElement('tbody');
    tbody.innerHTML = '<tr class="dt-row"><td class="col-name"><a href="/customers/c-900">Z</a></td></tr>';
    document.querySelector('tbody')!.replaceWith(tbody);
    await vi.waitFor(() => expect(rec.ids()).toContain('c-900'));
  });

  it('gives every feature each row once, and one failing feature does not stop the others', async () => {
    const a = recorder();
    const b = recorder();
    const errors: string[] = [];
    const rows = observeRows({
      root: document, rowSelector: referenceAdapter.selectors.row, signal: controller.signal,
      onError: (feature) => errors.push(feature),
    });
    rows.subscribe('a', a.handle);
    rows.subscribe('broken', () => {
      throw new Error('boom');
    });
    rows.subscribe('b', b.handle);
    await vi.waitFor(() => expect(b.handed).toHaveLength(3));
    rerenderRows(['x1', 'x2']);
    await vi.waitFor(() => expect(b.ids()).toEqual(expect.arrayContaining(['x1', 'x2'])));
    expect(a.handed).toHaveLength(5);
    expect(b.handed).toHaveLength(5);
    expect(errors.filter((e) => e === 'broken')).toHaveLength(5);
  });

  it('gives features that subscribe together the rows already on the page in one pass, row by row', async () => {
    const order: string[] = [];
    const rows = start();
    for (const name of ['a', 'b']) rows.subscribe(name, (row) => order.push(`${name}:${referenceAdapter.rowId(row)}`));
    await vi.waitFor(() => expect(order).toHaveLength(6));
    expect(order).toEqual(['a:c-001', 'b:c-001', 'a:c-002', 'b:c-002', 'a:c-003', 'b:c-003']);
  });

  it('tells listeners when a re-render took rows away', async () => {
    const rows = start();
    const changes = vi.fn();
    rows.onPageChange(changes);
    const rec = recorder();
    rows.subscribe('test', rec.handle);
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    rerenderRows(['n1']);
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));
    document.querySelector('td.col-name')!.append(document.createElement('span'));
    await vi.waitFor(() => expect(rec.handed).toHaveLength(4));
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('stops handing rows once aborted', async () => {
    const rec = recorder();
    start().subscribe('test', rec.handle);
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    controller.abort();
    rerenderRows(['late']);
    await new Promise((r) => setTimeout(r, 10));
    expect(rec.ids()).not.toContain('late');
  });

  it('hands a re-rendered page in the mutation callback itself, with no idle slices', async () => {
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    try {
      const rec = recorder();
      start().subscribe('test', rec.handle);
      await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
      rerenderRows(Array.from({ length: 500 }, (_, i) => `p-${i}`));
      await vi.waitFor(() => expect(rec.handed).toHaveLength(503));
      expect(idle).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('defers what a slow feature cannot finish within the budget, still handing each row once', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `big-${i}`);
    const rec = recorder();
    const rows = start();
    rows.subscribe('slow', (row) => {
      rec.handle(row);
      const until = performance.now() + 0.3;
      while (performance.now() < until);
    });
    await vi.waitFor(() => expect(rec.handed).toHaveLength(3));
    rerenderRows(ids);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    await Promise.resolve();
    const handedAtOnce = rec.handed.length - 3;
    await vi.waitFor(() => expect(rec.handed).toHaveLength(5003), { timeout: 10_000 });
    expect(handedAtOnce).toBeLessThan(5000);
    expect(new Set(rec.handed).size).toBe(5003);
  });
});

describe('inViewFirst', () => {
  function rowsAt(tops: number[]): Element[] {
    return tops.map((top) => {
      const el = document.createElement('tr');
      el.getBoundingClientRect = () => ({ top, bottom: top + 20, left: 0, right: 0, width: 0, height: 20, x: 0, y: top, toJSON() {} });
      el.dataset.top = String(top);
      return el;
    });
  }
  const tops = (rows: Element[]) => rows.map((r) => Number((r as HTMLElement).dataset.top));

  it('puts the rows in the viewport first, then those below, then those above', () => {
    const height = window.innerHeight;
    const rows = rowsAt([-60, -15, 0, height / 2, height - 5, height + 10, height + 40]);
    expect(tops(inViewFirst(rows, document))).toEqual([-15, 0, height / 2, height - 5, height + 10, height + 40, -60]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeRows } from './observe-rows';
import { FIRST_ROWS } from './budgets';
import { inViewFirst, nearView } from './in-view-first';
import { viewChanges } from './view-changes';
import { loadReferencePage, rerenderRows } from './test-fixture';
import { referenceAdapter } from './adapters/reference';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

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

  it('hands eager subscribers a whole re-render in the mutation callback, the others a screenful, then rows as they come near view', async () => {
    const eager = recorder();
    const lazy = recorder();
    const rows = start();
    rows.subscribe('eager', eager.handle, undefined, { eager: true });
    rows.subscribe('lazy', lazy.handle);
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3));
    const page = scrolledPage(rerenderRows(Array.from({ length: 500 }, (_, i) => `p-${i}`)));
    await vi.waitFor(() => expect(eager.handed).toHaveLength(503));
    expect(lazy.handed.slice(3)).toEqual(page.rows.slice(0, FIRST_ROWS));
    expect(rows.rows()).toEqual(page.rows);
    await nextFrame();
    expect(lazy.handed).toHaveLength(3 + FIRST_ROWS);
    // Scrolled so that rows 300–325 fill the view: the rows within half a screen of it come too.
    page.scrollTo(300 * ROW_HEIGHT);
    await vi.waitFor(() => expect(lazy.handed.length).toBeGreaterThan(3 + FIRST_ROWS));
    const near = (top: number) => top + ROW_HEIGHT >= -innerHeight / 2 && top <= innerHeight * 1.5;
    expect(lazy.handed.slice(3 + FIRST_ROWS)).toEqual(page.rows.filter((row) => near(row.getBoundingClientRect().top)));
    page.scrollTo(300 * ROW_HEIGHT + 10);
    await nextFrame();
    expect(new Set(lazy.handed).size).toBe(lazy.handed.length);
  });

  it('keeps the waiting rows in page order when the host adds rows above them', async () => {
    const lazy = recorder();
    start().subscribe('lazy', lazy.handle);
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3));
    const below = scrolledPage(rerenderRows(Array.from({ length: 300 }, (_, i) => `b-${i}`))).rows;
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3 + FIRST_ROWS));
    const tbody = document.querySelector('#customer-table > tbody')!;
    const above = Array.from({ length: 150 }, (_, i) => {
      const tr = document.createElement('tr');
      tr.className = 'dt-row';
      tr.innerHTML = `<td class="col-name"><a href="/customers/a-${i}">A ${i}</a></td>`;
      return tr;
    });
    const page = scrolledPage([...above, ...below]);
    tbody.prepend(...above);
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3 + 2 * FIRST_ROWS));
    // Near the last of the rows added above: the waiting ones there are found only in page order.
    page.scrollTo(120 * ROW_HEIGHT);
    await vi.waitFor(() => expect(lazy.handed.length).toBeGreaterThan(3 + 2 * FIRST_ROWS));
    const near = (row: Element) => {
      const { top } = row.getBoundingClientRect();
      return top + ROW_HEIGHT >= -innerHeight / 2 && top <= innerHeight * 1.5;
    };
    expect(lazy.handed.slice(3 + 2 * FIRST_ROWS)).toEqual(page.rows.filter((row) => near(row) && !lazy.handed.slice(0, 3 + 2 * FIRST_ROWS).includes(row)));
  });

  it.each(['focusin', 'pointerover'])('hands a waiting row at once on %s inside it', async (type) => {
    const lazy = recorder();
    start().subscribe('lazy', lazy.handle);
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3));
    const { rows: rendered } = scrolledPage(rerenderRows(Array.from({ length: 300 }, (_, i) => `p-${i}`)));
    await vi.waitFor(() => expect(lazy.handed).toHaveLength(3 + FIRST_ROWS));
    await nextFrame();
    expect(lazy.handed).not.toContain(rendered[250]);
    rendered[250].querySelector('a')!.dispatchEvent(new Event(type, { bubbles: true }));
    expect(lazy.handed.at(-1)).toBe(rendered[250]);
    rendered[250].querySelector('a')!.dispatchEvent(new Event(type, { bubbles: true }));
    expect(lazy.handed.filter((row) => row === rendered[250])).toHaveLength(1);
  });
});

const ROW_HEIGHT = 30;

/** Gives the rows the rectangles of a page scrolled by `scrollTo`, which also fires the scroll event. */
function scrolledPage(rows: HTMLElement[]) {
  let scrollY = 0;
  rows.forEach((row, i) => {
    row.getBoundingClientRect = () => {
      const top = i * ROW_HEIGHT - scrollY;
      return { top, bottom: top + ROW_HEIGHT, left: 0, right: 0, width: 0, height: ROW_HEIGHT, x: 0, y: top, toJSON() {} };
    };
  });
  return {
    rows,
    scrollTo(y: number) {
      scrollY = y;
      document.dispatchEvent(new Event('scroll'));
    },
  };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

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

describe('nearView', () => {
  function rowsAt(tops: (number | null)[]): Element[] {
    return tops.map((top) => {
      const el = document.createElement('tr');
      // null: a row the host hid (no box), read as at the viewport's top.
      const [t, h] = top === null ? [0, 0] : [top, 20];
      el.getBoundingClientRect = () => new DOMRect(0, t, 100, h);
      el.dataset.top = String(top);
      return el;
    });
  }
  const tops = (rows: Element[]) => rows.map((r) => (r as HTMLElement).dataset.top);
  const h = window.innerHeight;

  it.each([
    ['all in view', [0, 100, 200], ['0', '100', '200']],
    ['within half a screen above and below', [-h, -h / 2 + 10, 0, h, h * 1.5 - 10, h * 2], [String(-h / 2 + 10), '0', String(h), String(h * 1.5 - 10)]],
    ['none near', [h * 3, h * 4], []],
    ['the rows in view are found past a hidden row above them', [-h * 2, null, -h * 2 + 40, 0, 30], ['0', '30']],
    ['a hidden row among those near the view comes with them', [0, null, 30], ['0', 'null', '30']],
  ] as const)('%s', (_name, at, expected) => {
    expect(tops(nearView(rowsAt([...at]), document, 0.5))).toEqual(expected);
  });
});

describe('viewChanges', () => {
  it('calls back once a frame after scrolls of the page or of any scroller in it, and after a resize', async () => {
    const calls = vi.fn();
    const changes = viewChanges(document, controller.signal, calls);
    document.dispatchEvent(new Event('scroll'));
    document.body.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    changes.queue();
    expect(calls).not.toHaveBeenCalled();
    await nextFrame();
    expect(calls).toHaveBeenCalledTimes(1);
    document.querySelector('table')!.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(calls).toHaveBeenCalledTimes(2);
    controller.abort();
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(calls).toHaveBeenCalledTimes(2);
  });
});

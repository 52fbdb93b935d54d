import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putInSlot, ROW_SLOT_HOST, rowSlot, rowSlotFeature, type SlotPlace } from './row-slot';
import { rowMenuFeature } from './features/row-menu';
import './features/follow';
import './features/selection';
import { FIRST_ROWS } from '../../lib/host/budgets';
import { loadReferencePage, rerenderRows } from '../../lib/host/test-fixture';
import { testContext } from './test-context';
import { createSelectorAdapter, type SelectorAdapterConfig } from '../../lib/host/adapter';
import { referenceAdapter } from '../../lib/host/adapters/reference';

const referenceAdapterConfig: Omit<SelectorAdapterConfig, 'selectors'> = {
  name: 'reference-like', pages: [{ path: /^\/customers\/?$/ }],
  id: { from: 'href', selector: referenceAdapter.selectors.name, pattern: /\/customers\/([^/?#]+)/ },
};

describe('putInSlot', () => {
  it.each<SlotPlace[][]>([
    [['select', 'menu', 'star']],
    [['menu', 'star', 'select']],
    [['star', 'select', 'menu']],
    [['star', 'menu', 'select']],
    [['menu', 'select']],
  ])('controls added in the order %j sit as select, menu, star', (order) => {
    const cell = document.createElement('td');
    const shadow = rowSlot(document, cell);
    for (const place of order) {
      const control = document.createElement('button');
      control.dataset.place = place;
      putInSlot(shadow, control, place);
    }
    const expected = (['select', 'menu', 'star'] as const).filter((p) => order.includes(p));
    expect([...shadow.children].filter((c) => c instanceof HTMLElement && c.dataset.place).map((c) => (c as HTMLElement).dataset.place)).toEqual(expected);
    expect(rowSlot(document, cell)).toBe(shadow);
  });
});

describe('rowSlotFeature', () => {
  let controller: AbortController;
  beforeEach(() => {
    loadReferencePage();
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    vi.unstubAllGlobals();
  });

  const drawRows = async (ctx: ReturnType<typeof testContext>) => {
    await rowSlotFeature.init(ctx);
    await rowMenuFeature.init(ctx);
    const rendered = rerenderRows(Array.from({ length: 200 }, (_, i) => `r-${i}`));
    rendered.forEach((row, i) => {
      row.getBoundingClientRect = () => new DOMRect(0, i * 30, 100, 30);
    });
    await vi.waitFor(() => expect(document.querySelectorAll(ROW_SLOT_HOST)).toHaveLength(FIRST_ROWS));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { rendered, firstCells: rendered.map((row) => row.firstElementChild as HTMLElement) };
  };

  it('reserves every row\'s room with one document rule, draws the slot only in the first screenful, and takes both back when stopped', async () => {
    const ctx = testContext(controller.signal);
    const { rendered, firstCells } = await drawRows(ctx);
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]) as CSSStyleRule[];
    expect(rules).toHaveLength(1);
    expect(rules[0].style.getPropertyValue('text-indent')).toBe('74px');
    expect([...document.querySelectorAll(rules[0].selectorText)]).toEqual(firstCells);
    expect(firstCells.some((cell) => cell.getAttribute('style'))).toBe(false);
    const drawn = rendered.filter((row) => row.querySelector(`td:first-child > ${ROW_SLOT_HOST}`)?.shadowRoot?.querySelector('button'));
    expect(drawn).toEqual(rendered.slice(0, FIRST_ROWS));
    const css = [...document.querySelector(ROW_SLOT_HOST)!.shadowRoot!.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n');
    expect(css).toMatch(/position: absolute/);
    expect(css).toMatch(/width: 70px/);
    controller.abort();
    expect(document.querySelectorAll(ROW_SLOT_HOST)).toHaveLength(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('reserves the room cell by cell where the menu cell cannot be one document selector', async () => {
    const adapter = createSelectorAdapter({ ...referenceAdapterConfig, selectors: { ...referenceAdapter.selectors, menuCell: 'td:first-child' } });
    const ctx = { ...testContext(controller.signal), adapter };
    const { firstCells } = await drawRows(ctx);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(firstCells.every((cell) => cell.style.getPropertyValue('text-indent') === '74px' && cell.style.getPropertyPriority('text-indent') === 'important')).toBe(true);
    controller.abort();
    expect(firstCells.some((cell) => cell.style.getPropertyValue('text-indent'))).toBe(false);
  });
});

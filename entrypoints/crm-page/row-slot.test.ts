import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putInSlot, ROW_SLOT_HOST, rowSlot, rowSlotFeature, STOPPED_EVENTS, type SlotPlace } from './row-slot';
import { asUser } from './test-context';
import { createGenericAdapter } from '../../lib/host/adapters/generic';
import { DEFAULT_GENERIC_SELECTORS } from '../../lib/settings-schema';
import { OWN_CELL } from '../../lib/host/adapter';
import { rowMenuFeature } from './features/row-menu';
import './features/follow';
import './features/selection';
import { FIRST_ROWS } from '../../lib/host/budgets';
import { loadReferencePage, rerenderRows } from '../../lib/host/test-fixture';
import { testContext } from './test-context';
import { createSelectorAdapter, type SelectorAdapterConfig } from '../../lib/host/adapter';
import { referenceAdapter } from '../../lib/host/adapters/reference';
import { signal } from '@preact/signals';
import { ALL_ON, type FeatureSwitches } from '../../lib/feature-switches';

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

  it.each<[string, Partial<FeatureSwitches>, string, string]>([
    ['everything on', {}, '74px', '70px'],
    ['the stars off', { followStars: false }, '50px', '46px'],
    ['the batch bar off (no row boxes)', { batchBar: false }, '54px', '50px'],
    ['the menu and the stars off', { rowMenu: false, followStars: false }, '24px', '20px'],
  ])('makes room only for the controls switched on: %s', async (_, off, indent, width) => {
    const switches = signal<FeatureSwitches>(ALL_ON);
    const ctx = { ...testContext(controller.signal), switches };
    await drawRows(ctx);
    switches.value = { ...ALL_ON, ...off };
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]) as CSSStyleRule[];
    expect(rules[0].style.getPropertyValue('text-indent')).toBe(indent);
    const css = [...document.querySelector(ROW_SLOT_HOST)!.shadowRoot!.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n');
    expect(css).toMatch(new RegExp(`width: ${width}`));
    switches.value = ALL_ON;
    expect((document.adoptedStyleSheets[0].cssRules[0] as CSSStyleRule).style.getPropertyValue('text-indent')).toBe('74px');
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

  it('with our own column: adds it to the header row and to every row (drawn or not), the slots in it, and takes it back', async () => {
    const adapter = createGenericAdapter({
      ...DEFAULT_GENERIC_SELECTORS, row: '#customer-table > tbody > tr', idElement: 'a[href]', name: 'a[href]',
      placement: 'column', headerCell: '#customer-table > thead > tr > th',
    });
    const ctx = { ...testContext(controller.signal), adapter };
    const { rendered } = await drawRows(ctx);
    const headerRow = document.querySelector('#customer-table > thead > tr')!;
    expect(headerRow.firstElementChild?.matches(`th[${OWN_CELL}]`)).toBe(true);
    expect(rendered.every((row) => row.firstElementChild!.matches(`td[${OWN_CELL}]`) && row.querySelectorAll(`[${OWN_CELL}]`).length === 1)).toBe(true);
    expect(rendered.slice(0, FIRST_ROWS).every((row) => row.firstElementChild!.firstElementChild?.localName === ROW_SLOT_HOST)).toBe(true);
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]) as CSSStyleRule[];
    expect(rules.map((rule) => [rule.selectorText, rule.style.getPropertyValue('width')])).toEqual([[`[${OWN_CELL}]`, '74px']]);
    // The host re-renders its header: ours comes back with the next page change.
    headerRow.replaceChildren(...[...headerRow.children].filter((cell) => !cell.hasAttribute(OWN_CELL)));
    rerenderRows(['n-1', 'n-2']);
    await vi.waitFor(() => expect(headerRow.firstElementChild?.hasAttribute(OWN_CELL)).toBe(true));
    controller.abort();
    expect(document.querySelectorAll(`[${OWN_CELL}]`)).toHaveLength(0);
  });
});

describe('events on our controls', () => {
  it.each(STOPPED_EVENTS.map((type) => [type]))('a user\'s %s on a control reaches the control and no listener of the host\'s', (type) => {
    document.body.innerHTML = '<table><tbody><tr><td id="cell"></td></tr></tbody></table>';
    const cell = document.getElementById('cell')!;
    const control = document.createElement('button');
    putInSlot(rowSlot(document, cell), control, 'menu');
    const heard: string[] = [];
    control.addEventListener(type, () => heard.push('ours'));
    for (const [name, target] of [['row', cell.parentElement!], ['document', document], ['window', window]] as const) {
      target.addEventListener(type, () => heard.push(name));
    }
    const event = type.startsWith('key') ? new KeyboardEvent(type, { key: 'Enter', bubbles: true, composed: true })
      : type.startsWith('touch') ? new Event(type, { bubbles: true, composed: true })
        : new MouseEvent(type, { bubbles: true, composed: true, cancelable: true });
    control.dispatchEvent(asUser(event));
    expect(heard).toEqual(['ours']);
  });
});

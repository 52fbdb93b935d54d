import { describe, expect, it } from 'vitest';
import { createTabSelectionHandlers } from './handlers/tab-selection';
import { createRouter, type Handlers } from './router';
import { createTabSelections, memoryArea } from './tab-selections';

const CRM = 'http://127.0.0.1:36080';
const self = { id: 'ext-id', pageBase: 'chrome-extension://ext-id/' };
const tab = (id: number, url = `${CRM}/index.php`) => ({ id: 'ext-id', url, frameId: 0, tab: { id, url } });
const picked = { list: 'suitecrm', ids: ['a1', 'a2'], names: { a1: 'Acme', a2: 'Globex', a9: 'Seen only' } };

function setup(crmOrigin: string | null = CRM) {
  const area = memoryArea();
  const selections = createTabSelections(area);
  const route = createRouter({ handlers: createTabSelectionHandlers(selections) as unknown as Handlers, crmOrigin: async () => crmOrigin, self });
  return { area, selections, route };
}

describe('each tab\'s selection, kept by the background', () => {
  it('gives a tab back what it kept, with the names of the selected ids only', async () => {
    const { route } = setup();
    expect(await route('putTabSelection', picked, tab(7))).toEqual({ ok: true, data: null });
    expect(await route('getTabSelection', 'suitecrm', tab(7, `${CRM}/index.php?module=Accounts&action=index`)))
      .toEqual({ ok: true, data: { list: 'suitecrm', ids: ['a1', 'a2'], names: { a1: 'Acme', a2: 'Globex' } } });
  });

  it('keeps "every customer matching" with its filter', async () => {
    const { route } = setup();
    const matching = { filter: { q: 'acme' }, total: 2 };
    await route('putTabSelection', { ...picked, matching }, tab(7));
    expect(await route('getTabSelection', 'suitecrm', tab(7))).toMatchObject({ ok: true, data: { matching } });
  });

  it('gives it to no other tab, and not for another list', async () => {
    const { route } = setup();
    await route('putTabSelection', picked, tab(7));
    expect(await route('getTabSelection', 'suitecrm', tab(8))).toEqual({ ok: true, data: null });
    expect(await route('getTabSelection', 'generic', tab(7))).toEqual({ ok: true, data: null });
  });

  it('gives it to no other origin, even in the same tab once that origin is the CRM', async () => {
    const { selections } = setup();
    await selections.put(7, CRM, picked);
    // The same storage, another configured CRM: the tab on it reads nothing of the first CRM's.
    const route = createRouter({
      handlers: createTabSelectionHandlers(selections) as unknown as Handlers, crmOrigin: async () => 'https://other-crm.test', self,
    });
    expect(await route('getTabSelection', 'suitecrm', tab(7, 'https://other-crm.test/index.php'))).toEqual({ ok: true, data: null });
  });

  it('forgets it when the user clears the selection (no ids)', async () => {
    const { route, area } = setup();
    await route('putTabSelection', picked, tab(7));
    await route('putTabSelection', { list: 'suitecrm', ids: [], names: {} }, tab(7));
    expect(await route('getTabSelection', 'suitecrm', tab(7))).toEqual({ ok: true, data: null });
    expect(area.items.size).toBe(0);
  });

  it('forgets it when the tab closes, and only that tab\'s', async () => {
    const { route, selections } = setup();
    await route('putTabSelection', picked, tab(7));
    await route('putTabSelection', { ...picked, ids: ['a3'] }, tab(8));
    await selections.forgetTab(7);
    expect(await route('getTabSelection', 'suitecrm', tab(7))).toEqual({ ok: true, data: null });
    expect(await route('getTabSelection', 'suitecrm', tab(8))).toMatchObject({ ok: true, data: { ids: ['a3'] } });
  });

  it('outlives the worker: a new store over the same session area reads it', async () => {
    const { area, selections } = setup();
    await selections.put(7, CRM, picked);
    expect(await createTabSelections(area).get(7, CRM, 'suitecrm')).toMatchObject({ ids: ['a1', 'a2'] });
  });

  it('applies quick changes in the order they were sent', async () => {
    const { selections } = setup();
    await Promise.all([
      selections.put(7, CRM, { ...picked, ids: ['a1'] }),
      selections.put(7, CRM, { ...picked, ids: ['a1', 'a2'] }),
      selections.put(7, CRM, { ...picked, list: 'generic', ids: ['g1'] }),
    ]);
    expect(await selections.get(7, CRM, 'suitecrm')).toMatchObject({ ids: ['a1', 'a2'] });
    expect(await selections.get(7, CRM, 'generic')).toMatchObject({ ids: ['g1'] });
  });
});

describe('who may read or write a tab\'s selection', () => {
  const optionsPage = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
  it.each([
    ['an extension page', optionsPage],
    ['an extension page in a tab', { ...optionsPage, tab: { id: 7, url: optionsPage.url } }],
    ['a page of another site', tab(7, 'https://evil.test/index.php')],
    ['a frame inside the CRM tab', { ...tab(7), frameId: 3 }],
    ['another extension', { ...tab(7), id: 'other-ext' }],
  ] as const)('refuses %s', async (_, sender) => {
    const { route, selections } = setup();
    await selections.put(7, CRM, picked);
    expect(await route('getTabSelection', 'suitecrm', sender)).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    expect(await route('putTabSelection', { list: 'suitecrm', ids: [], names: {} }, sender)).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    expect(await selections.get(7, CRM, 'suitecrm')).toMatchObject({ ids: ['a1', 'a2'] });
  });

  it.each([
    ['an empty list name', ['getTabSelection', '']],
    ['ids that are not strings', ['putTabSelection', { list: 'suitecrm', ids: [1], names: {} }]],
    ['an unknown field', ['putTabSelection', { ...picked, tabId: 8 }]],
  ] as const)('refuses %s', async (_, [type, payload]) => {
    const { route } = setup();
    expect(await route(type, payload as never, tab(7))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });
});

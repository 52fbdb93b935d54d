// The host's rows after the user's own changes: redrawn where the adapter can, else counted with a Refresh.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadReferencePage, rerenderRows } from '../../../lib/host/test-fixture';
import { referenceAdapter } from '../../../lib/host/adapters/reference';
import { addDictionary, currentLanguage } from '../../../lib/i18n';
import { vi as viDictionary } from '../../../lib/i18n/vi';
import type { RowValues } from '../../../lib/protocol/messages';
import { allowAll, testContext } from '../test-context';
import { createRowValuesFeature } from './row-values';

const values = (phone: string, tags: string[]): RowValues => ({
  name: 'Công ty An Phát', code: 'KH001', phone, email: 'contact@anphat.vn', aeId: 'u-ae', aeName: 'Anh AE', csrId: 'u-csr', csrName: 'Chi CSR',
  tags, updatedAt: '2026-01-02T03:04:05.000Z',
});
const cell = (id: string, name: string) => document.querySelector(`tr.dt-row:has(a[href$="/${id}"]) > td.col-${name}`)!;

let controller: AbortController;
beforeAll(() => addDictionary('vi', viDictionary));
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  currentLanguage.value = 'en';
});

describe('on the reference page (its rows can be redrawn)', () => {
  it('the changed rows show the new values the background answers', async () => {
    const ctx = testContext(controller.signal);
    ctx.api.request.mockImplementation(async (type: string, payload: { ids: string[]; values?: boolean }) => {
      expect([type, payload.values]).toEqual(['getDecisions', true]);
      return Object.fromEntries(payload.ids.map((id) => [id, { ...allowAll(id), values: values('+84 90 111 2222', ['vip', 'Hot lead']) }]));
    });
    await createRowValuesFeature().init(ctx);
    ctx.changes.emit({ kind: 'customers', ids: ['c-001', 'c-404'] });
    await vi.waitFor(() => expect(cell('c-001', 'phone').textContent).toBe('+84 90 111 2222'));
    expect([...cell('c-001', 'tags').querySelectorAll('span.tag')].map((s) => s.textContent)).toEqual(['vip', 'Hot lead']);
    // Only customers shown on the page are asked for; the others' rows are as they were.
    expect(ctx.api.request.mock.calls[0][1]).toEqual({ ids: ['c-001'], values: true });
    expect(cell('c-002', 'phone').textContent).toBe('+84 28 3822 1111');
    expect(ctx.state.toasts.value).toEqual([]);
  });
});

describe('on a page whose adapter cannot redraw rows', () => {
  function start(reload = vi.fn()) {
    const ctx = { ...testContext(controller.signal), adapter: { ...referenceAdapter, showValues: undefined } };
    void createRowValuesFeature(reload).init(ctx);
    return { ctx, reload };
  }

  it.each([
    ['en', '2 rows on this page changed since they were shown.', 'Refresh'],
    ['vi', '2 dòng trên trang này đã thay đổi kể từ khi hiển thị.', 'Tải lại'],
  ] as const)('%s: counts the rows the user\'s own actions changed and offers to reload the page', (language, text, label) => {
    currentLanguage.value = language;
    const { ctx, reload } = start();
    ctx.changes.emit({ kind: 'customers', ids: ['c-001'], mine: true });
    expect(ctx.state.toasts.value.map((toast) => toast.text)).toEqual([text.replace('2 rows', '1 row').replace('they were', 'it was').replace('2 dòng', '1 dòng')]);
    ctx.changes.emit({ kind: 'customers', ids: ['c-001', 'c-003', 'c-404'], mine: true });
    const [toast] = ctx.state.toasts.value;
    expect(ctx.state.toasts.value).toHaveLength(1);
    expect([toast.text, toast.action?.label, toast.lasting]).toEqual([text, label, true]);
    void toast.action!.run();
    expect(reload).toHaveBeenCalledWith(expect.objectContaining({ document, adapter: ctx.adapter }));
  });

  it('Refresh loads the list the adapter\'s way where it has one (a list paged by posting a form)', () => {
    const reloadList = vi.fn();
    const ctx = { ...testContext(controller.signal), adapter: { ...referenceAdapter, showValues: undefined, reloadList } };
    void createRowValuesFeature().init(ctx);
    ctx.changes.emit({ kind: 'customers', ids: ['c-001'], mine: true });
    void ctx.state.toasts.value[0].action!.run();
    expect(reloadList).toHaveBeenCalledWith(document);
  });

  it('says nothing of changes the user did not make (a sync\'s may be older than the page)', () => {
    const { ctx } = start();
    ctx.changes.emit({ kind: 'customers', ids: ['c-001', 'c-002'] });
    expect(ctx.state.toasts.value).toEqual([]);
  });

  it('forgets the count once the host draws its rows again', async () => {
    const { ctx } = start();
    ctx.changes.emit({ kind: 'customers', ids: ['c-002'], mine: true });
    expect(ctx.state.toasts.value).toHaveLength(1);
    // The page's other features take the rows (this one only reads them).
    ctx.rows.subscribe('others', () => undefined, controller.signal, { eager: true });
    await vi.waitFor(() => expect(ctx.rows.rows()).toHaveLength(3));
    rerenderRows(['c-010', 'c-011']);
    await vi.waitFor(() => expect(ctx.state.toasts.value).toEqual([]));
  });
});

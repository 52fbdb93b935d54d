import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordPageFeature } from './record-page';
import { suitecrmAdapter } from '../../../lib/host/adapters/suitecrm';
import { referenceAdapter } from '../../../lib/host/adapters/reference';
import { recordPageAdapter, RECORD_HOLDER } from '../../../lib/host/adapter';
import { observeRows } from '../../../lib/host/observe-rows';
import { loadSuitecrmDetailPage, loadReferencePage, SUITECRM_DETAIL_ID as ID } from '../../../lib/host/test-fixture';
import { testContext, userClick, allowAll } from '../test-context';
import { startFeatures } from '../feature';
import { RECORD_PAGE_FEATURES } from '../features';
import { ROW_SLOT_HOST } from '../row-slot';

let controller: AbortController;
beforeEach(() => {
  loadSuitecrmDetailPage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

const holders = () => [...document.querySelectorAll(RECORD_HOLDER)];
const slot = () => holders()[0]?.querySelector(ROW_SLOT_HOST)?.shadowRoot ?? null;
const star = () => slot()!.querySelector<HTMLButtonElement>('button.crmx-follow-star')!;
const menuButton = () => slot()!.querySelector<HTMLButtonElement>('button.crmx-row-menu-button')!;

/** The record page's features as the content script starts them there. */
async function started() {
  const adapter = recordPageAdapter(suitecrmAdapter);
  const base = testContext(controller.signal);
  const ctx = { ...base, adapter, rows: observeRows({ root: document, rowSelector: adapter.selectors.row, signal: controller.signal }) };
  expect(await startFeatures(RECORD_PAGE_FEATURES, ctx)).toEqual([]);
  await vi.waitFor(() => expect(ctx.state.rowStates.value.get(ID)).toBeDefined());
  await vi.waitFor(() => expect(slot()?.querySelector('button.crmx-follow-star')).toBeTruthy());
  return ctx;
}

describe('record page on SuiteCRM\'s account detail view', () => {
  it('puts our [···] and star right after SuiteCRM\'s own star beside the title, labelled with the account, and nothing else', async () => {
    const ctx = await started();
    expect(holders()).toHaveLength(1);
    const holder = holders()[0];
    expect(holder.previousElementSibling?.matches('div.favorite[record_id]')).toBe(true);
    expect(holder.previousElementSibling?.previousElementSibling?.matches('h2.module-title-text')).toBe(true);
    expect(holder.getAttribute('data-crmx-record')).toBe(ID);
    expect(star().getAttribute('aria-label')).toBe('Follow Hammer Group Inc');
    expect(star().getAttribute('aria-pressed')).toBe('false');
    expect(menuButton().getAttribute('aria-label')).toBe('More actions for Hammer Group Inc');
    // No selection box: a record page has nothing to select.
    expect(slot()!.querySelectorAll('input, button')).toHaveLength(2);
    expect(ctx.api.getDecisions).toHaveBeenCalledWith([ID], false);
    expect(document.querySelectorAll(ROW_SLOT_HOST)).toHaveLength(1);
  });

  it('[···] opens the row menu for that one account with fresh decisions, and its items run as on the list', async () => {
    const ctx = await started();
    userClick(menuButton());
    expect(ctx.state.menu.value).toMatchObject({ id: ID, name: 'Hammer Group Inc', anchor: menuButton() });
    expect(ctx.api.getDecisions).toHaveBeenLastCalledWith([ID], true);
    await vi.waitFor(() => expect(menuButton().getAttribute('aria-expanded')).toBe('true'));
    userClick(menuButton());
    expect(ctx.state.menu.value).toBeNull();
    expect(['view', 'edit', 'delete', 'returnToPool', 'share', 'log', 'follow'].filter((item) => !ctx.state.actions.has(item as never))).toEqual([]);
    await ctx.state.actions.get('follow')!({ id: ID, name: 'Hammer Group Inc', anchor: menuButton(), focus: 'first' });
    expect(ctx.api.toggleFollow).toHaveBeenCalledWith(ID);
  });

  it('the star follows the account; a page script\'s click does nothing', async () => {
    const ctx = await started();
    star().click();
    expect(ctx.api.toggleFollow).not.toHaveBeenCalled();
    userClick(star());
    expect(star().getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(ctx.api.toggleFollow).toHaveBeenCalledWith(ID));
    expect(star().getAttribute('aria-label')).toBe('Unfollow Hammer Group Inc');
  });

  it('goes after the title where SuiteCRM shows no star of its own, and leaves nothing behind when stopped', async () => {
    document.querySelector('div.favorite')!.remove();
    await started();
    expect(holders()[0].previousElementSibling?.matches('h2.module-title-text')).toBe(true);
    controller.abort();
    expect(holders()).toHaveLength(0);
    expect(document.querySelectorAll(ROW_SLOT_HOST)).toHaveLength(0);
  });

  it('reloads its account\'s state when the background says it changed', async () => {
    const ctx = await started();
    ctx.api.getDecisions.mockResolvedValue({ [ID]: allowAll(ID, true) });
    ctx.changes.emit({ kind: 'follows', ids: [ID] });
    await vi.waitFor(() => expect(star().getAttribute('aria-pressed')).toBe('true'));
  });

  it('does nothing for an adapter without a record page', async () => {
    loadReferencePage();
    const ctx = testContext(controller.signal);
    await recordPageFeature.init({ ...ctx, adapter: referenceAdapter });
    expect(holders()).toHaveLength(0);
  });
});

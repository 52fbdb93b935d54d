import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowMenuFeature, ROW_MENU_HOST } from './row-menu';
import { detailsFeature, detailsOnClickFeature } from './details';
import { rowStatesFeature } from './row-states';
import { loadReferencePage, rerenderRows } from '../../../lib/host/test-fixture';
import { testContext, userClick } from '../test-context';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

const buttons = () => [...document.querySelectorAll(ROW_MENU_HOST)].map((host) => host.shadowRoot!.querySelector('button')!);

describe('row menu feature', () => {
  it('puts one labelled [···] button at the start of each row\'s first cell, also after re-renders', async () => {
    const ctx = testContext(controller.signal);
    await rowMenuFeature.init(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(3));
    expect(buttons()[1].getAttribute('aria-label')).toBe('More actions for Bình Minh Foods <b>');
    expect(buttons()[0].className).toBe('crmx-row-menu-button');
    const firstCell = document.querySelector('tr.dt-row td')!;
    expect(firstCell.firstElementChild?.localName).toBe(ROW_MENU_HOST);
    for (let i = 0; i < 10; i++) rerenderRows([`r${i}-1`, `r${i}-2`]);
    await vi.waitFor(() => expect(document.querySelectorAll(ROW_MENU_HOST)).toHaveLength(2));
    expect(document.querySelectorAll(`tr.dt-row ${ROW_MENU_HOST}`)).toHaveLength(2);
  });

  it('opens the menu for the row, asks for fresh decisions, and marks the button expanded', async () => {
    const ctx = testContext(controller.signal);
    await rowMenuFeature.init(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(3));
    userClick(buttons()[2]);
    expect(ctx.state.menu.value).toMatchObject({ id: 'c-003', name: 'Cửa hàng Cát Tường', focus: 'first' });
    expect(buttons()[2].getAttribute('aria-expanded')).toBe('true');
    expect(ctx.api.getDecisions).toHaveBeenCalledWith(['c-003'], true);
    await vi.waitFor(() => expect(ctx.state.rowStates.value.get('c-003')).toBeTruthy());
    userClick(buttons()[2]);
    expect(ctx.state.menu.value).toBeNull();
    expect(buttons()[2].getAttribute('aria-expanded')).toBe('false');
  });

  it('removes everything it drew when stopped', async () => {
    const ctx = testContext(controller.signal);
    await rowMenuFeature.init(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(3));
    controller.abort();
    expect([...document.querySelectorAll(ROW_MENU_HOST)].map((host) => host.shadowRoot!.querySelector('button'))).toEqual([null, null, null]);
  });
});

describe('row states feature', () => {
  it('loads decisions for the rows on the page in one batch', async () => {
    const ctx = testContext(controller.signal);
    await rowStatesFeature.init(ctx);
    await vi.waitFor(() => expect(ctx.state.rowStates.value.size).toBe(3));
    expect(ctx.api.getDecisions).toHaveBeenCalledTimes(1);
    expect(ctx.api.getDecisions).toHaveBeenCalledWith(['c-001', 'c-002', 'c-003'], false);
  });

  it('reloads the customers the background says changed', async () => {
    const ctx = testContext(controller.signal);
    await rowStatesFeature.init(ctx);
    await vi.waitFor(() => expect(ctx.state.rowStates.value.size).toBe(3));
    ctx.changes.emit({ kind: 'follows', ids: ['c-002', 'c-999'] });
    await vi.waitFor(() => expect(ctx.api.getDecisions).toHaveBeenLastCalledWith(['c-002'], false));
    expect(ctx.state.changed.value.get('c-002')).toBe(1);
  });
});

describe('details feature', () => {
  it('opens the details when a row is clicked, but not on the host\'s link or our button', async () => {
    const ctx = testContext(controller.signal);
    await detailsOnClickFeature.init(ctx);
    await rowMenuFeature.init(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(3));
    const link = document.querySelector<HTMLAnchorElement>('tr.dt-row a')!;
    link.addEventListener('click', (e) => e.preventDefault());
    userClick(link);
    expect(ctx.state.details.value).toBeNull();
    userClick(document.querySelectorAll<HTMLElement>('tr.dt-row')[1].querySelectorAll('td')[2]);
    expect(ctx.state.details.value).toMatchObject({ id: 'c-002', name: 'Bình Minh Foods <b>' });
    ctx.state.details.value = null;
    userClick(buttons()[0]);
    expect(ctx.state.details.value).toBeNull();
  });

  it('opens the details from the menu\'s View item', async () => {
    const ctx = testContext(controller.signal);
    await detailsFeature.init(ctx);
    const anchor = document.createElement('button');
    await ctx.state.actions.get('view')!({ id: 'c-001', name: 'An Phát', anchor, focus: 'first' });
    expect(ctx.state.details.value).toMatchObject({ id: 'c-001', returnFocus: anchor });
  });
});

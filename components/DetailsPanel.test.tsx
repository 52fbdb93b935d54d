import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DetailsPanel } from './DetailsPanel';
import { createOverlayState, markChanged, type MenuItemId } from '../lib/ui/state';
import { allowAll, fakeApi } from '../lib/ui/test-helpers';
import { sampleCustomer } from '../lib/crm-client/test-data';
import { ReplyError } from '../lib/protocol/messages';

afterEach(cleanup);

/** `off`: actions whose feature is not running (switched off in the options). */
function setup(api = fakeApi(), off: MenuItemId[] = []) {
  const state = createOverlayState();
  for (const id of ['view', 'edit', 'delete', 'returnToPool', 'share', 'log', 'follow'] as MenuItemId[]) if (!off.includes(id)) state.actions.set(id, () => undefined);
  const opener = document.createElement('button');
  document.body.append(opener);
  state.details.value = { id: 'c-013', name: 'From the row', returnFocus: opener };
  render(<DetailsPanel state={state} api={api} />);
  return { state, api, opener };
}

describe('DetailsPanel', () => {
  it('shows every field as text, markup included, under the customer\'s name', async () => {
    const api = fakeApi();
    api.getCustomer.mockResolvedValue({
      customer: sampleCustomer({ id: 'c-013', name: 'Đỗ <img src=x onerror=alert(1)> Xuân', tags: ['<b>bold</b>'] }),
      aeName: 'Anh AE', csrName: null, poolName: 'North pool',
      shares: { departments: ['Sales'], roles: [], users: ['Oanh Other'] }, followed: true,
      decisions: allowAll('c-013').decisions, fromCache: false,
    });
    setup(api);
    const panel = screen.getByRole('dialog');
    expect(panel.classList.contains('crmx-details')).toBe(true);
    await screen.findByText('KH001');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Đỗ <img src=x onerror=alert(1)> Xuân');
    expect(panel.querySelector('img, b')).toBeNull();
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    const field = (name: string) => panel.querySelector(`[data-crmx-field="${name}"] dd`)!.textContent;
    expect(field('ae')).toBe('Anh AE');
    expect(field('csr')).toBe('—');
    expect(field('sharedDepartments')).toBe('Sales');
    expect(field('phone')).toBe('+84901234567');
    expect(panel.querySelector('.crmx-details-star')!.getAttribute('aria-pressed')).toBe('true');
    // The record's internal version is no business of the user's.
    expect(panel.querySelector('[data-crmx-field="version"]')).toBeNull();
    expect(panel.textContent).not.toMatch(/Version/);
  });

  it('shows no star, Log button or latest entries when the stars and the log are switched off', async () => {
    setup(fakeApi(), ['log', 'follow']);
    const panel = screen.getByRole('dialog');
    await screen.findByText('KH001');
    expect(panel.querySelector('.crmx-details-star')).toBeNull();
    expect(panel.querySelector('[data-crmx-action=log]')).toBeNull();
    expect(panel.querySelector('[data-crmx-action=edit]')).not.toBeNull();
    expect(panel.querySelector('.crmx-details-log')).toBeNull();
  });

  it('says why it could not load', async () => {
    const api = fakeApi();
    api.getCustomer.mockRejectedValue(new ReplyError({ code: 'not_found', message: 'gone' }));
    setup(api);
    expect((await screen.findByRole('alert')).textContent).toBe('The CRM has no such customer in your list.');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('From the row');
  });

  it('reloads when the background says the customer changed', async () => {
    const { state, api } = setup();
    await screen.findByText('KH001');
    markChanged(state, ['c-013']);
    await waitFor(() => expect(api.getCustomer).toHaveBeenCalledTimes(2));
  });

  it('closes on Escape and on the close button, giving focus back', async () => {
    const { state, opener } = setup();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(state.details.value).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Dialogs } from './Dialogs';
import { createOverlayState, type DialogKind } from '../lib/ui/state';
import { fakeApi } from '../lib/ui/test-helpers';
import { sampleCustomer } from '../lib/crm-client/test-data';
import { ReplyError } from '../lib/protocol/messages';

afterEach(cleanup);

function setup(kind: DialogKind, api = fakeApi()) {
  const state = createOverlayState();
  const opener = document.createElement('button');
  document.body.append(opener);
  state.dialog.value = { id: 'c-001', name: 'An <b>Phát</b>', kind, returnFocus: opener };
  render(<Dialogs state={state} api={api} />);
  return { state, api, opener };
}

describe('Dialog frame', () => {
  it('is a labelled modal dialog; Escape closes it and gives focus back', async () => {
    const { state, opener } = setup('returnToPool');
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Return An <b>Phát</b> to the pool');
    expect(dialog.querySelector('b')).toBeNull();
    expect(document.activeElement?.id).toBe('crmx-pool-reason');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(state.dialog.value).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('keeps Tab inside: from the last control to the first and back', () => {
    setup('returnToPool');
    const dialog = screen.getByRole('dialog');
    const buttons = [...dialog.querySelectorAll('button')];
    buttons[buttons.length - 1].focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
  });
});

describe('ReturnToPoolDialog', () => {
  it('refuses without a reason, then sends it and hides the row of a customer the user no longer lists', async () => {
    const api = fakeApi();
    api.request.mockResolvedValue({ outcome: 'applied', customer: null });
    api.getDecisions.mockResolvedValue({ 'c-001': null });
    const { state } = setup('returnToPool', api);
    fireEvent.click(screen.getByRole('button', { name: 'Return to the pool' }));
    expect(screen.getByRole('alert').textContent).toBe('Give a reason for returning the customer to the pool.');
    expect(api.request).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: ' moved abroad ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Return to the pool' }));
    await waitFor(() => expect(state.dialog.value).toBeNull());
    expect(api.request).toHaveBeenCalledWith('returnToPool', { id: 'c-001', reason: 'moved abroad' });
    expect(state.gone.value.has('c-001')).toBe(true);
  });

  it('keeps the row of a customer the user still lists (an administrator), with its new state', async () => {
    const api = fakeApi();
    api.request.mockResolvedValue({ outcome: 'applied', customer: sampleCustomer({ aeId: null }) });
    const { state } = setup('returnToPool', api);
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'moved abroad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Return to the pool' }));
    await waitFor(() => expect(state.dialog.value).toBeNull());
    expect(api.getDecisions).toHaveBeenCalledWith(['c-001']);
    expect(state.gone.value.has('c-001')).toBe(false);
    expect(state.rowStates.value.get('c-001')).toMatchObject({ id: 'c-001' });
  });

  it('tells a rep who returns the customer that they will lose it, and an administrator that it stays; the button looks destructive', async () => {
    const api = fakeApi();
    const details = await api.getCustomer('c-001');
    api.getCustomer.mockResolvedValue({ ...details, listedAfterReturn: false });
    setup('returnToPool', api);
    await screen.findByText(/You will lose this customer: once it is back in the pool it leaves your list and you no longer see it\./);
    expect(screen.getByText(/loses its account executive/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Return to the pool' }).className).toBe('crmx-danger');
    cleanup();
    api.getCustomer.mockResolvedValue({ ...details, listedAfterReturn: true });
    setup('returnToPool', api);
    await screen.findByText('It stays in your list, with no account executive, until someone picks it up.');
    expect(screen.queryByText(/You will lose this customer/)).toBeNull();
  });

  it('says pending when the action waits in the outbox', async () => {
    const api = fakeApi();
    api.request.mockResolvedValue({ outcome: 'queued', outboxId: 'o-1' });
    const { state } = setup('returnToPool', api);
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Return to the pool' }));
    await waitFor(() => expect(state.toasts.value.map((t) => t.text)).toEqual(['Pending — will be sent when the CRM answers.']));
  });
});

describe('DeleteDialog', () => {
  it('names the customer and the host, and ignores a confirm that is not a real user event', async () => {
    const api = fakeApi();
    setup('delete', api);
    expect(screen.getByText(/This deletes An <b>Phát<\/b> from the CRM at /)).toBeTruthy();
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Delete' });
    expect(confirm.disabled).toBe(true); // armed only once the dialog has been seen for a moment
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    expect((await screen.findByRole('alert')).textContent).toBe('Confirm with a real click or key press.');
    expect(api.request).not.toHaveBeenCalled();
  });
});

describe('EditDialog', () => {
  it('keeps every field typed before the next render (autofill, a fast typist) and checks them all on Save', async () => {
    const api = fakeApi();
    setup('edit', api);
    const name = await screen.findByLabelText<HTMLInputElement>('Name');
    const email = screen.getByLabelText<HTMLInputElement>('Email');
    // Raw events, no act(): the dialog has not rendered between them when Save is pressed.
    name.value = '  ';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    screen.getByRole('button', { name: 'Save' }).click();
    await screen.findByText('Name is required.');
    await screen.findByText('Enter an email address like name@example.com.');
    expect(api.request).not.toHaveBeenCalledWith('editCustomer', expect.anything());
  });

  it('shows a refusal from the background with its rule', async () => {
    const api = fakeApi();
    api.request.mockRejectedValue(new ReplyError({ code: 'forbidden', message: 'no', rule: 'edit-required', ask: [{ kind: 'manager', userIds: ['u-m'], names: ['Bình'] }] }));
    setup('edit', api);
    const name = await screen.findByLabelText('Name');
    fireEvent.input(name, { target: { value: 'New name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You need the right to edit this customer. Ask your manager (Bình).');
  });

  it('shows theirs and mine on a conflict and resolves with the choice', async () => {
    const api = fakeApi();
    api.getCustomer.mockResolvedValue({
      customer: sampleCustomer({ id: 'c-001', source: 'Website' }), aeName: null, csrName: null, poolName: null,
      shares: { departments: [], roles: [], users: [] }, followed: false, decisions: (await fakeApi().getCustomer('c-001')).decisions, fromCache: false,
    });
    api.request.mockImplementation(async (type: string) => {
      if (type === 'getOrgDirectory') return { departments: [], roles: [], users: [] };
      if (type === 'editCustomer') return { outcome: 'conflict', conflictId: 'k-1', current: sampleCustomer({ id: 'c-001', source: 'Hotline' }) };
      if (type === 'resolveConflict') return null;
      throw new Error(type);
    });
    const { state } = setup('edit', api);
    fireEvent.input(await screen.findByLabelText('Source'), { target: { value: 'Zalo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const cells = await screen.findAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['Hotline', 'Zalo']);
    fireEvent.click(screen.getByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(state.dialog.value).toBeNull());
    expect(api.request).toHaveBeenCalledWith('resolveConflict', { id: 'k-1', keep: 'theirs' });
  });
});

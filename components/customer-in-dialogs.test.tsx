// Issue 18, point 4: a confirmation says which customer it is about, on a page listing several of one name.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { Dialogs } from './Dialogs';
import { ConflictView } from './EditConflict';
import { createOverlayState, type DialogKind } from '../lib/ui/state';
import { allowAll, fakeApi } from '../lib/ui/test-helpers';
import { sampleCustomer } from '../lib/crm-client/test-data';

afterEach(cleanup);

/** Two customers named Anna Wilson, told apart by their codes. */
const customers = {
  'c-1': sampleCustomer({ id: 'c-1', name: 'Anna Wilson', code: 'KH000122', phone: '0901 000 122' }),
  'c-2': sampleCustomer({ id: 'c-2', name: 'Anna Wilson', code: 'KH000123', phone: '0901 000 123' }),
};

function open(kind: DialogKind, id: 'c-1' | 'c-2') {
  const api = fakeApi();
  api.getCustomer.mockImplementation(async (which: 'c-1' | 'c-2') => ({
    customer: customers[which], aeName: null, csrName: null, poolName: null, shares: { departments: [], roles: [], users: [] },
    followed: false, decisions: allowAll(which).decisions, fromCache: false, listedAfterReturn: false,
  }));
  api.request.mockImplementation(async (type: string) => {
    if (type === 'getOrgDirectory') return { departments: [], roles: [], users: [] };
    throw new Error(`${type}: not scripted in this test`);
  });
  const state = createOverlayState();
  state.dialog.value = { id, name: 'Anna Wilson', kind, returnFocus: null };
  render(<Dialogs state={state} api={api} />);
}

const title = () => document.getElementById(screen.getByRole('dialog').getAttribute('aria-labelledby')!)!.textContent;

describe('confirmations name the customer by name and code', () => {
  it('delete: "Delete Anna Wilson (KH000123)?", and confirms only once it knows which', async () => {
    open('delete', 'c-2');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Delete' }).disabled).toBe(true);
    await waitFor(() => expect(title()).toBe('Delete Anna Wilson (KH000123)?'));
    expect(document.querySelector('.crmx-confirm-text')?.textContent).toContain('This deletes Anna Wilson (KH000123) from the CRM');
  });

  it('return to the pool names the other one by its own code', async () => {
    open('returnToPool', 'c-1');
    await waitFor(() => expect(title()).toBe('Return Anna Wilson (KH000122) to the pool'));
  });

  it.each([
    ['edit', 'c-1', 'Edit Anna Wilson (KH000122)'],
    ['share', 'c-2', 'Share Anna Wilson (KH000123)'],
  ] as const)('%s names it too', async (kind, id, expected) => {
    open(kind, id);
    await waitFor(() => expect(title()).toBe(expected));
  });
});

describe('an edit conflict', () => {
  it('shows the account executive on each side by name, never by id', () => {
    const names: Record<string, string> = { 'u-ae': 'Trần Thị Bình', 'u-rep': 'Phạm Minh Tuấn' };
    render(<ConflictView theirs={sampleCustomer({ aeId: 'u-ae', phone: '0901' })} mine={{ aeId: 'u-rep', phone: '0902' }} error={null}
      onKeep={() => undefined} userName={(id) => names[id]} />);
    expect(document.querySelector('[data-crmx-field=aeId]')?.textContent).toBe('Account executiveTrần Thị BìnhPhạm Minh Tuấn');
    expect(document.querySelector('[data-crmx-field=phone]')?.textContent).toBe('Phone09010902');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
// The batch features' dialogs: each action (share, cancel sharing, labels, follow, delete) in the
// generic batch dialog, down to the request it starts.
import { BatchDialog } from '../../../components/batch/BatchDialog';
import type { BatchAction } from '../../../components/batch/batch-action';
import type { PrecheckResult } from '../../../lib/protocol/jobs';
import { batchShareAction } from './batch-share';
import { cancelSharingAction } from './cancel-sharing';
import { addLabelsAction, setLabelsAction } from './labels';
import { batchFollowAction } from './batch-follow';
import { batchDeleteAction } from './batch-delete';

afterEach(cleanup);

const directory = {
  departments: [{ id: 'd-sales', name: 'Sales', parentId: null }],
  roles: [{ id: 'r-csr', name: 'Customer service', admin: false }],
  users: [{ id: 'u-csr', name: 'Khoa', email: 'k@x', departmentId: 'd-sales', roleId: 'r-csr' }],
};

function setup(action: BatchAction, ids: string[], precheck: PrecheckResult = { total: ids.length, allowed: ids.length, refused: [] }) {
  const request = vi.fn(async (type: string, payload: unknown) => {
    if (type === 'precheckBatch') return precheck;
    if (type === 'getOrgDirectory') return directory;
    if (type === 'searchCached') return { items: [{ tags: ['VIP'] }], total: 1 };
    if (type === 'startBatch') return { id: 'job-1', kind: action.id, status: 'queued', total: ids.length, done: 0, succeeded: 0, errors: [], createdAt: '', updatedAt: '', undoable: false, payload };
    throw new Error(`${type} not scripted`);
  });
  const onStarted = vi.fn();
  const onClose = vi.fn();
  render(<BatchDialog action={action} ids={ids} names={new Map([['c-1', 'An']])} api={{ request } as never} crmHost="crm.example.com"
    returnFocus={null} onClose={onClose} onStarted={onStarted} />);
  return { request, onStarted, onClose };
}

/** happy-dom's clicks are untrusted; a real user's click is what the dialogs accept. */
function trustedClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}
const targetTexts = () => [...document.querySelectorAll('[data-crmx-target]')].map((li) => li.textContent);
const confirmButton = () => document.querySelector<HTMLButtonElement>('[data-crmx-confirm]')!;
/** The confirm button once it is armed (it stays disabled until the dialog has been seen for a moment). */
async function armedConfirm(): Promise<HTMLButtonElement> {
  await waitFor(() => expect(confirmButton().disabled).toBe(false));
  return confirmButton();
}

describe('BatchDialog', () => {
  it('lists the target customers by name and code, names the refused ones, marks them and counts only the others', async () => {
    // Two customers of the same name: their codes tell them apart; never their ids.
    setup(batchShareAction, ['c-1', 'c-2', 'c-3'], {
      total: 3, allowed: 2, refused: [{ rule: 'edit-required', count: 1, ids: ['c-2'] }],
      customers: {
        'c-1': { name: 'Anna Wilson', code: 'KH000122', phone: '0901' },
        'c-2': { name: 'Anna Wilson', code: 'KH000123', phone: '0902' },
      },
    });
    expect(targetTexts()).toEqual(['An', 'Customer not in your list', 'Customer not in your list']);
    await screen.findByText('1 of 3 can’t be shared: you need the right to edit Anna Wilson (KH000123).');
    expect(targetTexts()).toEqual(['Anna Wilson (KH000122)', 'Anna Wilson (KH000123) (will be skipped)', 'Customer not in your list']);
    expect(document.querySelector('[data-crmx-target-refused]')?.getAttribute('data-crmx-target')).toBe('c-2');
    expect(confirmButton().textContent).toBe('Share 2 customers');
  });

  it('adds the phone where two listed customers have the same name and code, and names many refused ones with a count', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `c-${i + 1}`);
    const customers = Object.fromEntries(ids.map((id, i) => [id, { name: i < 2 ? 'Anna Wilson' : `Khách ${i}`, code: i < 2 ? '' : `KH${i}`, phone: `090${i}` }]));
    setup(batchDeleteAction, ids, { total: 8, allowed: 1, refused: [{ rule: 'administrator-only', count: 7, ids: ids.slice(1) }], customers });
    await screen.findByText('7 of 8 can’t be deleted: only administrators may delete Anna Wilson (0901), Khách 2 (KH2), Khách 3 (KH3), Khách 4 (KH4), Khách 5 (KH5), and 2 other customers.');
    expect(targetTexts().slice(0, 2)).toEqual(['Anna Wilson (0900)', 'Anna Wilson (0901) (will be skipped)']);
    expect(confirmButton().textContent).toBe('Delete 1 customer');
    expect(document.querySelector('[data-crmx-delete-confirm]')!.textContent).toContain('This deletes the customer listed above');
  });

  it('offers nothing to confirm when every customer is refused', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    setup(batchShareAction, ['c-1'], { total: 1, allowed: 0, refused: [{ rule: 'not-listed', count: 1, ids: ['c-1'] }] });
    await screen.findByText('1 of 1 can’t be shared: An is not in your list.');
    expect(confirmButton().textContent).toBe('Share 0 customers');
    // Past the moment the guard arms it, it stays disabled.
    vi.advanceTimersByTime(1000);
    await Promise.resolve();
    expect(confirmButton().disabled).toBe(true);
    vi.useRealTimers();
  });

  it('refuses an untrusted (scripted) confirm click and sends nothing', async () => {
    const { request } = setup(batchFollowAction, ['c-1']);
    await screen.findByText('You may act on this customer.');
    fireEvent.click(await armedConfirm());
    await screen.findByText('Confirm with a real click.');
    expect(request).not.toHaveBeenCalledWith('startBatch', expect.anything());
  });

  it('shares with the chosen user', async () => {
    const { request, onStarted } = setup(batchShareAction, ['c-1']);
    fireEvent.click(await screen.findByLabelText(/Khoa/));
    trustedClick(await armedConfirm());
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith('startBatch', { kind: 'share', customerIds: ['c-1'], targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } });
  });

  it('asks for targets before sharing, and for a tag before labelling', async () => {
    setup(batchShareAction, ['c-1']);
    await screen.findByLabelText(/Khoa/);
    trustedClick(await armedConfirm());
    await screen.findByText('Choose at least one department, role or person.');
    cleanup();
    setup(addLabelsAction, ['c-1']);
    trustedClick(await armedConfirm());
    await screen.findByText('Choose or type at least one tag.');
  });

  it('adds a typed tag on Enter and a suggested one on click', async () => {
    const { request } = setup(setLabelsAction, ['c-1']);
    // Where the suggestions come from, and what to do for another tag (not what is missing behind the scenes).
    await screen.findByText('Suggested: the tags your customers already have. For another tag, type it and press Enter.');
    const input = screen.getByLabelText(/Tag \(type a new one/);
    fireEvent.input(input, { target: { value: 'Mới' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(await screen.findByText('+ VIP'));
    trustedClick(await armedConfirm());
    await waitFor(() => expect(request).toHaveBeenCalledWith('startBatch', { kind: 'setLabels', customerIds: ['c-1'], tags: ['Mới', 'VIP'] }));
  });

  it('cancels "All" shares by default, or only the chosen ones', async () => {
    const { request } = setup(cancelSharingAction, ['c-1']);
    trustedClick(await armedConfirm());
    await waitFor(() => expect(request).toHaveBeenCalledWith('startBatch', { kind: 'cancelShare', customerIds: ['c-1'], all: true }));
    cleanup();
    const second = setup(cancelSharingAction, ['c-1']);
    fireEvent.click(screen.getByLabelText(/Only the departments, roles and people chosen below/));
    fireEvent.click(await screen.findByLabelText('Sales'));
    fireEvent.click(screen.getByLabelText('Customer service'));
    trustedClick(await armedConfirm());
    await waitFor(() => expect(second.request).toHaveBeenCalledWith('startBatch', {
      kind: 'cancelShare', customerIds: ['c-1'], all: false, targets: { departmentIds: ['d-sales'], roleIds: ['r-csr'], userIds: [] },
    }));
  });

  it('above 100 customers, deletes only once the count is typed, naming the host', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `c-${i}`);
    const { request } = setup(batchDeleteAction, ids);
    expect(document.querySelector('[data-crmx-delete-confirm]')!.textContent).toContain('101 customers listed above from crm.example.com');
    const typed = screen.getByLabelText('Type 101 to confirm');
    fireEvent.input(typed, { target: { value: '100' } });
    trustedClick(await armedConfirm());
    await screen.findByText('Type the number of customers (101) to confirm.');
    expect(request).not.toHaveBeenCalledWith('startBatch', expect.anything());
    fireEvent.input(typed, { target: { value: '101' } });
    trustedClick(await armedConfirm());
    await waitFor(() => expect(request).toHaveBeenCalledWith('startBatch', { kind: 'delete', customerIds: ids }));
  });
});

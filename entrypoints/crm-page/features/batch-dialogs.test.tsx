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
const confirmButton = () => document.querySelector<HTMLButtonElement>('[data-crmx-confirm]')!;
/** The confirm button once it is armed (it stays disabled until the dialog has been seen for a moment). */
async function armedConfirm(): Promise<HTMLButtonElement> {
  await waitFor(() => expect(confirmButton().disabled).toBe(false));
  return confirmButton();
}

describe('BatchDialog', () => {
  it('lists the target customers by name (id when unknown) and shows what the pre-check refused', async () => {
    setup(batchShareAction, ['c-1', 'c-2'], { total: 2, allowed: 1, refused: [{ rule: 'edit-required', count: 1, ids: ['c-2'] }] });
    expect([...document.querySelectorAll('[data-crmx-target]')].map((li) => li.textContent)).toEqual(['An', 'c-2']);
    await screen.findByText(/1 of 2: you can’t Share it\. You need the right to edit this customer\./);
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
    await screen.findByText('Choose at least one department, role or user.');
    cleanup();
    setup(addLabelsAction, ['c-1']);
    trustedClick(await armedConfirm());
    await screen.findByText('Choose or type at least one tag.');
  });

  it('adds a typed tag on Enter and a suggested one on click', async () => {
    const { request } = setup(setLabelsAction, ['c-1']);
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
    fireEvent.click(screen.getByLabelText(/Only the departments, roles and users chosen below/));
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

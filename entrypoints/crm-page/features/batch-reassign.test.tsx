import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
// The reassign action in the batch dialog: the pre-check follows the field chosen, a person must be chosen,
// the confirmation names the count and the CRM, and the request carries the field and the person.
import { BatchDialog } from '../../../components/batch/BatchDialog';
import type { PrecheckResult } from '../../../lib/protocol/jobs';
import { batchReassignAction } from './batch-reassign';

afterEach(cleanup);

const directory = {
  departments: [], roles: [],
  users: [{ id: 'u-csr', name: 'Khoa', email: 'k@x', departmentId: null, roleId: null }, { id: 'u-rep2', name: 'Hà', email: 'h@x', departmentId: null, roleId: null }],
};

function trustedClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

describe('the reassign dialog', () => {
  it('pre-checks the field chosen, asks for a person, names the count and the CRM, and starts the job', async () => {
    const ids = ['c-1', 'c-2', 'c-3'];
    const refusedFor = (field: string): PrecheckResult => field === 'aeId'
      ? { total: 3, allowed: 0, refused: [{ rule: 'reassign-not-allowed', count: 3, ids }] }
      : { total: 3, allowed: 2, refused: [{ rule: 'reassign-not-allowed', count: 1, ids: ['c-3'] }] };
    const request = vi.fn(async (type: string, payload: { assignee?: unknown; field?: string }) => {
      if (type === 'precheckBatch') return refusedFor(payload.field!);
      if (type === 'getOrgDirectory') return directory;
      if (type === 'startBatch') return { id: 'job-1', kind: 'reassign', status: 'queued', total: 3, done: 0, succeeded: 0, errors: [], createdAt: '', updatedAt: '', undoable: false };
      throw new Error(`${type} not scripted`);
    });
    const onStarted = vi.fn();
    render(<BatchDialog action={batchReassignAction} ids={ids} names={new Map()} api={{ request } as never} crmHost="crm.example.com"
      returnFocus={null} onClose={() => undefined} onStarted={onStarted} />);
    await waitFor(() => expect(document.querySelector('[data-crmx-refused-count="3"]')).not.toBeNull());
    fireEvent.click(document.querySelector<HTMLInputElement>('input[value=csrId]')!);
    await waitFor(() => expect(document.querySelector('[data-crmx-refused-count="1"]')).not.toBeNull());
    expect(document.querySelector('[data-crmx-confirm-host]')!.textContent).toBe('This changes 2 customers in crm.example.com.');
    const confirm = document.querySelector<HTMLButtonElement>('[data-crmx-confirm]')!;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    expect(confirm.textContent).toBe('Reassign 2 customers');
    trustedClick(confirm);
    await waitFor(() => expect(document.querySelector('[role=alert]')?.textContent).toBe('Choose the new person first.'));
    fireEvent.change(document.querySelector<HTMLSelectElement>('#crmx-reassign-person')!, { target: { value: 'u-rep2' } });
    trustedClick(confirm);
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith('startBatch', { kind: 'reassign', customerIds: ids, field: 'csrId', userId: 'u-rep2' });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { sampleCustomer, sampleMe } from '../../lib/crm-client/test-data';
import { createSelectionStore } from '../../lib/ui/selection-store';
import { createJobsStore } from '../../components/batch/jobs-store';
import type { Change } from '../../lib/protocol/messages';
import type { JobView } from '../../lib/protocol/jobs';
import { SidePanel } from './SidePanel';

afterEach(cleanup);

const job = (over: Partial<JobView> = {}): JobView => ({
  id: 'job-1', kind: 'share', status: 'running', total: 10, done: 4, succeeded: 4, errors: [], createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:01Z', undoable: false, ...over,
});

function setup() {
  const customers = [sampleCustomer({ id: 'c-1', name: 'An Phát' }), sampleCustomer({ id: 'c-2', name: 'Bình Minh' })];
  const request = vi.fn(async (type: string, payload: { followedOnly?: boolean } | undefined) => {
    switch (type) {
      case 'getSyncStatus': return { lastSyncAt: null, running: false, phase: null, done: 0, total: null, error: null, offline: false };
      case 'getPending': return { actions: [], conflicts: [] };
      case 'getJobs': return [job()];
      case 'searchCached': return payload?.followedOnly ? { items: [customers[0]], total: 1 } : { items: customers, total: 2 };
      case 'resolveMatching': return { ids: ['c-1', 'c-2', 'c-3'], total: 3 };
      default: throw new Error(`${type} not scripted`);
    }
  });
  const api = { request, getSession: vi.fn(async () => ({ crmOrigin: 'http://crm.test', me: sampleMe(), offline: false })) };
  const listeners = new Set<(c: Change) => void>();
  const jobs = createJobsStore(api as never);
  const store = createSelectionStore();
  render(<SidePanel api={api as never} jobs={jobs} store={store} onChange={(l) => (listeners.add(l), () => listeners.delete(l))} />);
  const push = (c: Change) => {
    if (c.kind === 'job') jobs.put(c.job);
    listeners.forEach((l) => l(c));
  };
  return { request, store, push };
}

describe('SidePanel', () => {
  it('shows followed customers, sync status and the jobs with their progress, updated by pushes', async () => {
    const { push } = setup();
    await screen.findByText('★ An Phát');
    await screen.findByText('Not synced yet');
    await waitFor(() => expect(document.querySelector('[data-crmx-percent]')?.textContent).toBe('40%'));
    push({ kind: 'job', job: job({ status: 'done', done: 10, succeeded: 10, updatedAt: '2026-01-01T00:00:09Z' }) });
    await waitFor(() => expect(document.querySelector('[data-crmx-job-status]')?.getAttribute('data-crmx-job-status')).toBe('done'));
  });

  it('selects cached search results and offers the batch bar; "select all" asks the CRM', async () => {
    const { store, request } = setup();
    // Chosen by name and code: two customers of one name read apart.
    fireEvent.click(await screen.findByLabelText('Bình Minh (KH001)'));
    expect([...store.selection.value.ids]).toEqual(['c-2']);
    await screen.findByText('1 selected');
    fireEvent.click(document.querySelector('[data-crmx-panel-select-matching]')!);
    await screen.findByText('3 selected');
    expect(request).toHaveBeenCalledWith('resolveMatching', {});
    expect(store.selection.value.matching).toEqual({ filter: {}, total: 3 });
  });
});

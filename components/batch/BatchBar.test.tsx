import { afterEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { cleanup, render } from '@testing-library/preact';
import { createSelectionStore } from '../../lib/ui/selection-store';
import { setPage, type MatchingFilter } from '../../lib/ui/selection';
import { createJobsStore } from './jobs-store';
import { BatchBar, shownJobs } from './BatchBar';
import type { JobView } from '../../lib/protocol/jobs';

afterEach(cleanup);

function bar(filter: MatchingFilter | null) {
  const api = { request: vi.fn(async () => []) };
  const store = createSelectionStore();
  const ids = signal(['c-1', 'c-2']);
  store.selection.value = setPage(store.selection.value, ids.value, true);
  render(<BatchBar store={store} api={api as never} jobs={createJobsStore(api as never)} crmHost="crm.example" isAdmin={false}
    page={{ ids, filter: () => filter }} actions={[]} tools={[]} dialogs={{ loaded: () => null, load: () => new Promise(() => undefined) }} />);
  return document.querySelector('[data-crmx-select-matching]');
}

describe('the batch bar\'s "select all matching"', () => {
  it.each<[string, MatchingFilter | null, boolean]>([
    ['a page whose URL says its filter', { q: 'an' }, true],
    ['the Followed view', { followed: true }, true],
    ['a page whose filter is not known (a CRM searching in its own form)', null, false],
  ])('on %s: offered %s', (_label, filter, offered) => {
    expect(bar(filter) !== null).toBe(offered);
  });

  it.each<[string, MatchingFilter | null, string | null]>([
    ['a page whose URL says its filter', { q: 'an' }, null],
    ['a page whose filter is not known', null, 'Selected from the pages shown only: selecting every customer matching this CRM’s search is not available here.'],
  ])('on %s, says whether the selection is only what the pages showed', (_label, filter, says) => {
    bar(filter);
    expect(document.querySelector('[data-crmx-pages-shown]')?.textContent ?? null).toBe(says);
  });
});

describe('the batch bar\'s job cards', () => {
  const job = (id: string, status: JobView['status'], updatedAt: string): JobView => ({
    id, kind: 'share', status, total: 2, done: status === 'running' ? 1 : 2, succeeded: 2, errors: [], createdAt: updatedAt, updatedAt, undoable: false,
  } as unknown as JobView);

  it('shows every running job and only the finished one that ended last', () => {
    const jobs = [
      job('a', 'done', '2026-01-01T10:00:00Z'), job('b', 'running', '2026-01-01T10:01:00Z'),
      job('c', 'failed', '2026-01-01T10:03:00Z'), job('d', 'cancelled', '2026-01-01T10:02:00Z'),
    ];
    expect(shownJobs(jobs).map((j) => j.id)).toEqual(['b', 'c']);
    expect(shownJobs([job('b', 'running', '2026-01-01T10:01:00Z')]).map((j) => j.id)).toEqual(['b']);
  });
});

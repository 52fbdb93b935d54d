import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { JobProgress } from './JobProgress';
import { createJobsStore } from './jobs-store';
import type { JobView } from '../../lib/protocol/jobs';

afterEach(cleanup);

const job = (over: Partial<JobView>): JobView => ({
  id: 'job-1', kind: 'delete', status: 'done', total: 3, done: 3, succeeded: 3, errors: [],
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:01.000Z', undoable: true, ...over,
});

function card(view: JobView) {
  const api = { request: vi.fn(async () => []) };
  render(<JobProgress job={view} api={api as never} jobs={createJobsStore(api as never)} />);
  return {
    undo: document.querySelector('[data-crmx-undo]')?.textContent ?? null,
    until: document.querySelector('[data-crmx-undo-until]') !== null,
    expired: document.querySelector('[data-crmx-undo-expired]')?.textContent ?? null,
  };
}

describe('a finished job\'s undo', () => {
  it.each<[string, Partial<JobView>, { undo: string | null; until: boolean; expired: string | null }]>([
    ['a delete inside the restore window: "Undo all" and until when', { undoUntil: '2999-01-01T00:00:00.000Z' }, { undo: 'Undo all', until: true, expired: null }],
    ['a delete past the window: no undo, and why', { undoUntil: '2000-01-01T00:00:00.000Z' },
      { undo: null, until: false, expired: 'Undo is gone: the customers were deleted more than 30 days ago, so they can no longer be restored.' }],
    ['a delete already undone: nothing', { undoable: false, undoUntil: '2999-01-01T00:00:00.000Z' }, { undo: null, until: false, expired: null }],
    ['a reassignment: "Undo"', { kind: 'reassign', field: 'aeId' }, { undo: 'Undo', until: false, expired: null }],
  ])('%s', (_name, over, expected) => {
    expect(card(job(over))).toEqual(expected);
  });
});

// Which customers a job's export calls done or skipped (the chunks it recorded), and what the export
// message accepts.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_SCHEMAS } from '../../protocol/messages';
import type { JobState } from '../jobs/plan';
import { askedIds, reachedIds } from './export';

const state = (partial: Partial<JobState>): JobState => ({ ops: [], chunkSize: 2, nextChunk: 0, total: 0, done: 0, succeeded: 0, errors: [], ...partial });
const op = (ids: string[]) => ({ operation: { op: 'follow' as const, follow: true }, ids });

describe('askedIds and reachedIds', () => {
  it.each([
    ['a job planned from its input, none recorded', state({ input: ['a', 'b', 'c'], ops: [op([])] }), ['a', 'b', 'c'], []],
    ['a job planned from its input, one chunk of two recorded', state({ input: ['a', 'b', 'c'], ops: [op([])], nextChunk: 1 }), ['a', 'b', 'c'], ['a', 'b']],
    ['a job planned from its input, all recorded', state({ input: ['a', 'b', 'c'], ops: [op([])], nextChunk: 2 }), ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['an undo job of two ops, the first op\'s chunks recorded', state({ ops: [op(['a', 'b', 'c']), op(['d'])], nextChunk: 2 }), ['a', 'b', 'c', 'd'], ['a', 'b', 'c']],
    ['an undo job, every chunk recorded', state({ ops: [op(['a']), op(['d'])], nextChunk: 2 }), ['a', 'd'], ['a', 'd']],
  ])('%s', (_label, job, asked, reached) => {
    expect(askedIds(job)).toEqual(asked);
    expect([...reachedIds(job)].sort()).toEqual(reached);
  });
});

describe('exportFile payload', () => {
  const valid = (payload: unknown) => v.safeParse(PAYLOAD_SCHEMAS.exportFile, payload).success;
  it.each([
    [{ what: 'customers', customerIds: ['c-1'], format: 'csv', language: 'en' }, true],
    [{ what: 'jobResults', jobId: 'job-1', format: 'xlsx', language: 'vi' }, true],
    [{ what: 'fileErrors', jobId: 'job-1', format: 'csv', language: 'vi' }, true],
    [{ what: 'customers', customerIds: [], format: 'csv', language: 'en' }, false],
    [{ what: 'customers', customerIds: ['c-1'], format: 'pdf', language: 'en' }, false],
    [{ what: 'customers', customerIds: ['c-1'], format: 'csv', language: 'fr' }, false],
    [{ what: 'jobResults', jobId: 'job-1', format: 'csv', language: 'en', path: '/etc' }, false],
    [{ what: 'everything', format: 'csv', language: 'en' }, false],
  ])('%j → %s', (payload, ok) => {
    expect(valid(payload)).toBe(ok);
  });
});

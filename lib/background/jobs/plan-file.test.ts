// The file delete's plan: which customers each row deletes, what "requested" counts, the rows reported
// before anything is sent, and what the CRM is asked per chunk.
import { describe, expect, it } from 'vitest';
import type { BatchRequest, PhoneRow } from '../../protocol/jobs';
import { idsOf, operationOf, requestedOf, rowErrors, rowTargets } from './plan';

const ambiguous = (chosen?: string[]): PhoneRow => ({
  row: 4, phone: '0977 000 000', customerId: null, problem: 'ambiguous', candidates: ['c-5', 'c-6'], ...(chosen ? { chosen } : {}),
});

describe('rowTargets', () => {
  it.each<[string, PhoneRow, string[]]>([
    ['a matched row', { row: 2, phone: '0912', customerId: 'c-1' }, ['c-1']],
    ['a row with a problem', { row: 3, phone: 'x', customerId: null, problem: 'invalid' }, []],
    ['the template\'s example', { row: 2, phone: '0912', customerId: null, problem: 'sample' }, []],
    ['an ambiguous row, nothing chosen (the default)', ambiguous(), []],
    ['an ambiguous row, one chosen', ambiguous(['c-6']), ['c-6']],
    ['an ambiguous row, both chosen', ambiguous(['c-5', 'c-6']), ['c-5', 'c-6']],
    ['an ambiguous row "choosing" a customer it does not list', ambiguous(['c-1']), []],
  ])('%s deletes %j', (_label, row, ids) => {
    expect(rowTargets(row)).toEqual(ids);
  });
});

describe('a file delete request', () => {
  const rows: PhoneRow[] = [
    { row: 2, phone: '0912', customerId: 'c-1' },
    { row: 3, phone: 'x', customerId: null, problem: 'invalid' },
    ambiguous(['c-5', 'c-6']),
    { row: 5, phone: '0988', customerId: null, problem: 'ambiguous', candidates: ['c-7', 'c-8'] },
    { row: 6, phone: 'Ví dụ', customerId: null, problem: 'sample' },
  ];
  const request: BatchRequest = { kind: 'deleteByPhone', file: 'xoa.csv', rows };
  const who = (id: string) => ({ name: `Name ${id}`, code: `KH-${id}` });

  it('requests one per row, and each customer chosen on an ambiguous row', () => {
    expect(idsOf(request)).toEqual(['c-1', 'c-5', 'c-6']);
    expect(requestedOf(request)).toBe(6);
  });

  it('reports the rows that delete nothing with their spreadsheet row, number and why, naming an ambiguous row\'s customers', () => {
    const { errors, names } = rowErrors(request, who);
    expect(errors).toEqual([
      { item: 'row 3', code: 'invalid', phone: 'x', message: 'x: not a phone number' },
      { item: 'row 5', code: 'ambiguous', phone: '0988', message: '0988: several customers have this number and none was chosen',
        matches: [{ id: 'c-7', name: 'Name c-7', code: 'KH-c-7' }, { id: 'c-8', name: 'Name c-8', code: 'KH-c-8' }] },
      { item: 'row 6', code: 'sample', phone: 'Ví dụ', message: 'Ví dụ: the template\'s example row, never deleted' },
    ]);
    expect(names).toEqual({ 'c-1': 'row 2', 'c-5': 'row 4', 'c-6': 'row 4' });
  });

  it('asks the CRM by id with each customer\'s row and number, marking those the user chose among several', () => {
    expect(operationOf(request)).toEqual({
      op: 'deleteByPhone', file: 'xoa.csv',
      rows: { 'c-1': { row: 2, phone: '0912' }, 'c-5': { row: 4, phone: '0977 000 000', chosen: true }, 'c-6': { row: 4, phone: '0977 000 000', chosen: true } },
    });
  });

  it('makes the other requests the operations they name', () => {
    expect(operationOf({ kind: 'delete', customerIds: ['c-1'] })).toEqual({ op: 'delete' });
    expect(operationOf({ kind: 'addLabels', customerIds: ['c-1'], tags: ['vip'] })).toEqual({ op: 'labels', mode: 'add', tags: ['vip'] });
    expect(operationOf({ kind: 'unfollow', customerIds: ['c-1'] })).toEqual({ op: 'follow', follow: false });
    expect(requestedOf({ kind: 'delete', customerIds: ['c-1', 'c-1', 'c-2'] })).toBe(2);
  });
});

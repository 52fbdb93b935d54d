// The file delete's figures and row reasons (pure): the share deleted is deleted / requested, never the
// share of rows checked; an ambiguous row names its customers; both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { addDictionary, currentLanguage, formatMessage } from '../../lib/i18n';
import { vi as viDictionary } from '../../lib/i18n/vi';
import { batchEn, batchVi } from '../../lib/i18n/areas/batch';
import type { JobItemError } from '../../lib/protocol/jobs';
import { fileErrorText, fileFigures } from './file-job-progress';
import { targetCount } from './file-preview';

afterEach(() => {
  currentLanguage.value = 'en';
});

const errors = (n: number): JobItemError[] => Array.from({ length: n }, (_, i) => ({ item: `row ${i + 2}`, code: 'not_found', message: '' }));

describe('fileFigures', () => {
  it.each([
    ['1 deleted of 2', 1, 2, 1, { percent: 50, deleted: 1, requested: 2, errors: 1 }],
    ['1 of 1', 1, 1, 0, { percent: 100, deleted: 1, requested: 1, errors: 0 }],
    ['599 of 600 (never rounded up to 100%)', 599, 600, 1, { percent: 99, deleted: 599, requested: 600, errors: 1 }],
    ['none of 11', 0, 11, 11, { percent: 0, deleted: 0, requested: 11, errors: 11 }],
  ])('%s', (_label, succeeded, total, failed, figures) => {
    expect(fileFigures({ succeeded, total, errors: errors(failed) })).toEqual(figures);
  });
});

describe('fileErrorText', () => {
  const ambiguous: JobItemError = {
    item: 'row 4', code: 'ambiguous', message: '', phone: '0977', matches: [{ id: 'c-5', name: 'Lan', code: 'KH5' }, { id: 'c-6', name: 'Lan', code: 'KH6' }],
  };
  it.each([
    ['en', ambiguous, 'matches 2 customers (Lan (KH5), Lan (KH6)); none chosen, nothing deleted'],
    ['vi', ambiguous, 'khớp 2 khách hàng (Lan (KH5), Lan (KH6)); chưa chọn ai, không xóa gì'],
    ['en', { item: 'row 2', code: 'sample', message: '' }, 'the template’s example row, never deleted'],
    ['vi', { item: 'row 3', code: 'invalid', message: '' }, 'số điện thoại không hợp lệ'],
  ] as const)('%s: %j', (language, error, text) => {
    addDictionary('vi', viDictionary);
    currentLanguage.value = language;
    expect(fileErrorText(error)).toBe(text);
  });
});

describe('plural forms of the file delete messages', () => {
  it.each([
    ['en', batchEn['batch.file.confirm'], 1, 'Delete 1 customer from crm.test'],
    ['en', batchEn['batch.file.confirm'], 2, 'Delete 2 customers from crm.test'],
    ['vi', batchVi['batch.file.confirm'], 1, 'Xóa 1 khách hàng khỏi crm.test'],
    ['en', batchEn['batch.deleteWarning'], 1, 'This deletes the customer listed above from crm.test.'],
    ['vi', batchVi['batch.deleteWarning'], 3, 'Thao tác này xóa 3 khách hàng liệt kê ở trên khỏi crm.test.'],
  ] as const)('%s %j with %i', (language, template, count, text) => {
    expect(formatMessage(language, template, { count, host: 'crm.test' })).toBe(text);
  });
});

describe('targetCount', () => {
  const preview = {
    rows: [
      { row: 2, phone: '1', customerId: 'c-1' }, { row: 3, phone: '2', customerId: null, problem: 'ambiguous' as const, candidates: ['c-5', 'c-6'] },
    ],
    matched: 1, notFound: 0, duplicates: 0, invalid: 0, ambiguous: 1, samples: 0, names: {}, customers: {},
  };
  it.each([
    ['nothing ticked', new Map(), 1],
    ['one ticked', new Map([[3, new Set(['c-6'])]]), 2],
    ['both ticked', new Map([[3, new Set(['c-5', 'c-6'])]]), 3],
    ['ticked then unticked', new Map([[3, new Set<string>()]]), 1],
  ])('%s', (_label, choices, count) => {
    expect(targetCount(preview, choices)).toBe(count);
  });
});

// The Vietnamese UI has no English left in it, names each field one way, and counts in both languages.
import { describe, expect, it } from 'vitest';
import { LOG_TYPES } from '../domain/log-types';
import { en } from './en';
import { formatMessage } from './index';
import { vi } from './vi';

/** Messages that are the same words in both languages: names, formats, symbols. */
const SAME_IN_BOTH = new Set([
  'app.name', 'batch.panel.title', 'details.field.email', 'edit.field.email', 'details.none',
  'options.language.en', 'options.language.vi', 'log.dateFormat', 'options.crmKind.suitecrm',
]);

describe('Vietnamese dictionary', () => {
  it('translates every message that is not the same words in both languages', () => {
    const untranslated = Object.keys(en).filter((key) => !SAME_IN_BOTH.has(key) && vi[key as keyof typeof vi] === en[key as keyof typeof en]);
    expect(untranslated).toEqual([]);
  });

  it('names every log type in both languages, and in Vietnamese differently from the stored English name', () => {
    for (const type of LOG_TYPES) {
      const key = `log.type.${type}` as keyof typeof en;
      expect(en[key], type).toBe(type);
      expect(vi[key], type).toBeTruthy();
      expect(vi[key], type).not.toBe(type);
    }
  });

  it('names each customer field the same way in the details, the edit form and the change records', () => {
    const pairs = [['details.field.code', 'edit.field.code'], ['details.field.source', 'edit.field.source'], ['details.field.businessField', 'edit.field.businessField'],
      ['details.field.ae', 'edit.field.aeId'], ['details.field.csr', 'edit.field.csrId'], ['details.field.phone', 'edit.field.phone'],
      ['details.field.tags', 'change.field.tags'], ['details.field.code', 'change.field.code']] as const;
    for (const dictionary of [en, vi]) {
      for (const [a, b] of pairs) expect(dictionary[a], `${a} vs ${b}`).toBe(dictionary[b]);
    }
    expect(vi['details.field.csr']).toBe('Nhân viên hỗ trợ');
    expect(vi['details.field.source']).toBe('Nguồn khách');
  });

  it('spells "delete" one way (Xóa), as the seed does', () => {
    const oldSpelling = Object.entries(vi).filter(([, text]) => /xoá|khoá/i.test(text)).map(([key]) => key);
    expect(oldSpelling).toEqual([]);
  });

  it('says "Xóa khách hàng thành công" after a delete, and "Customer deleted" in English', () => {
    expect(formatMessage('vi', vi['delete.done'], { name: 'An Phát' })).toBe('Xóa khách hàng thành công: An Phát.');
    expect(formatMessage('en', en['delete.done'], { name: 'An Phát' })).toBe('Customer deleted: An Phát.');
  });

  it.each([
    ['batch.confirm', { verb: 'Delete', count: 1 }, 'Delete 1 customer', 'Xóa 1 khách hàng'],
    ['batch.confirm', { verb: 'Delete', count: 3 }, 'Delete 3 customers', 'Xóa 3 khách hàng'],
    ['batch.precheckAll', { count: 1 }, 'You may act on this customer.', 'Bạn có quyền với cả 1 khách hàng.'],
    ['batch.cant.share', { count: 1, total: 2 }, '1 of 2 can’t be shared', '1/2 khách hàng không chia sẻ được'],
    ['batch.cant.cancelShare', { count: 2, total: 3 }, '2 of 3 can’t have their sharing cancelled', '2/3 khách hàng không hủy chia sẻ được'],
    ['batch.othersCount', { count: 1 }, '1 other customer', '1 khách hàng khác'],
    ['batch.panel.results', { count: 1 }, '1 customer', '1 khách hàng'],
    ['batch.allMatching', { total: 1, filter: 'x' }, 'The 1 customer matching x is selected.', 'Đã chọn tất cả 1 khách hàng khớp x.'],
    ['sync.phase.logs', { done: 1 }, 'Syncing history… 1 entry', 'Đang đồng bộ lịch sử… 1 mục'],
  ] as const)('%s with %j', (key, params, english, vietnamese) => {
    expect(formatMessage('en', en[key], params)).toBe(english);
    const verbs: Record<string, string> = { Delete: 'Xóa', Share: 'Chia sẻ' };
    const viParams = 'verb' in params ? { ...params, verb: verbs[params.verb] } : params;
    expect(formatMessage('vi', vi[key], viParams)).toBe(vietnamese);
  });

  it('leaves no count message without its plural form in English', () => {
    const COUNTED = /\{(count|total|rows)\}\s+(customers|rows|entries)\b/;
    expect(Object.entries(en).filter(([key, text]) => !key.startsWith('batch.file.') && !/^batch\.(deleteWarning|typeCount)/.test(key) && COUNTED.test(text))).toEqual([]);
  });
});

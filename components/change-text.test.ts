// Issue 18, point 3: a log entry's details never show the CRM's field keys.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDictionary, currentLanguage } from '../lib/i18n';
import { vi } from '../lib/i18n/vi';
import type { LogEntry } from '../lib/domain/types';
import { entryDetails } from './change-text';

beforeAll(() => addDictionary('vi', vi));
afterEach(() => {
  currentLanguage.value = 'en';
});

const entry = (over: Partial<LogEntry>): LogEntry => ({
  id: 'l-1', seq: 1, customerId: 'c-1', type: 'Edit customer', at: '2026-01-01T00:00:00Z', actorId: null, details: '', changes: [], ...over,
});

describe('entryDetails', () => {
  it.each([
    ['en', 'phone, businessField', 'Phone, Business field'],
    ['vi', 'phone, businessField, aeId', 'Số điện thoại, Lĩnh vực kinh doanh, Nhân viên phụ trách'],
  ] as const)('an edit whose change records are not at hand names its fields (%s)', (language, details, expected) => {
    currentLanguage.value = language;
    expect(entryDetails(entry({ details }), null)).toBe(expected);
  });

  it('keeps details that are not field keys (a reason, tags) as written', () => {
    expect(entryDetails(entry({ type: 'Back customer', details: 'phone, moved abroad' }), null)).toBe('phone, moved abroad');
    expect(entryDetails(entry({ details: '' }), null)).toBe('');
  });
});

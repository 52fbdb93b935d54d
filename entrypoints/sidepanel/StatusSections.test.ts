import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDictionary, currentLanguage } from '../../lib/i18n';
import { vi } from '../../lib/i18n/vi';
import { syncingText } from './StatusSections';

beforeAll(() => addDictionary('vi', vi));
afterEach(() => {
  currentLanguage.value = 'en';
});

describe('what the side panel says while syncing', () => {
  it.each([
    ['en', 'customers', 120, 'Syncing customers… 120'],
    ['en', 'logs', 1, 'Syncing history… 1 entry'],
    ['vi', 'follows', 0, 'Đang đồng bộ khách hàng theo dõi…'],
    ['vi', 'org', 0, 'Đang đồng bộ tổ chức…'],
    // A phase this build does not know is never shown by its code name.
    ['vi', 'shares', 7, 'Đang đồng bộ khách hàng… 7'],
  ] as const)('%s, %s, %i → %s', (language, phase, done, expected) => {
    currentLanguage.value = language;
    expect(syncingText({ phase, done })).toBe(expected);
  });
});

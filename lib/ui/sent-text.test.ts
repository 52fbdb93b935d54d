import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDictionary, currentLanguage } from '../i18n';
import { vi } from '../i18n/vi';
import type { SentAction } from '../protocol/messages';
import { sentMessages } from './sent-text';

beforeAll(() => addDictionary('vi', vi));
afterEach(() => {
  currentLanguage.value = 'en';
});

const applied = (name: string | null, action = 'edit'): SentAction => ({ action, customerId: 'c-1', name, outcome: 'applied' });

describe('what the user reads when waiting actions got the CRM\'s answer', () => {
  it.each([
    ['en', [applied('Anna Wilson')], [['Anna Wilson: Edit — saved in the CRM.', 'info']]],
    ['vi', [applied('Anna Wilson', 'returnToPool')], [['Anna Wilson: Trả về kho — đã lưu vào CRM.', 'info']]],
    ['en', [applied(null, 'restore')], [['A customer: Restore — saved in the CRM.', 'info']]],
    ['en', [applied('A'), applied('B')], [['2 waiting actions saved in the CRM.', 'info']]],
    ['vi', [applied('A'), applied('B'), applied('C')], [['Đã lưu 3 thao tác đang chờ vào CRM.', 'info']]],
    ['en', [applied('A'), { ...applied('B'), outcome: 'conflict' }, { ...applied('C', 'share'), outcome: 'failed' }], [
      ['A: Edit — saved in the CRM.', 'info'],
      ['B: someone changed this customer before your waiting edit reached the CRM. Open CRM Overlay from the toolbar to choose which version to keep.', 'error'],
      ['C: Share — not done. Open CRM Overlay from the toolbar to see why.', 'error'],
    ]],
  ] as const)('%s %#', (language, actions, expected) => {
    currentLanguage.value = language;
    expect(sentMessages(actions as unknown as SentAction[]).map((m) => [m.text, m.tone])).toEqual(expected);
  });
});

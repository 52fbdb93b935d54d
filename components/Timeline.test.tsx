import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Timeline } from './Timeline';
import { fakeApi } from '../lib/ui/test-helpers';
import type { LogEntry } from '../lib/domain/types';
import { addDictionary, currentLanguage } from '../lib/i18n';
import { vi } from '../lib/i18n/vi';

afterEach(() => {
  cleanup();
  currentLanguage.value = 'en';
});
beforeAll(() => addDictionary('vi', vi));

const directory = {
  departments: [], roles: [],
  users: [
    { id: 'u-lan', name: 'Trần Lan', email: 'lan@x', departmentId: 'd', roleId: 'r' },
    { id: 'u-minh', name: 'Lê Minh', email: 'minh@x', departmentId: 'd', roleId: 'r' },
  ],
};
const at = new Date(2024, 2, 14, 9, 5).toISOString();
const edit: LogEntry = {
  id: 'l1', seq: 2, customerId: 'c-1', type: 'Edit customer', at, actorId: 'u-lan', details: 'phone, aeId',
  changes: [
    { field: 'phone', before: '0901 234 567', after: '0902 345 678' },
    { field: 'aeId', before: 'u-lan', after: 'u-minh' },
  ],
};
const back: LogEntry = { id: 'l0', seq: 1, customerId: 'c-1', type: 'Back customer', at, actorId: null, details: 'Reason: moved', changes: [] };

function renderTimeline(items: LogEntry[]) {
  const api = fakeApi();
  api.request.mockImplementation(async () => directory);
  render(<Timeline items={items} api={api} />);
}

describe('Timeline', () => {
  it('says who did each operation and, for an edit, each field before → after by its label', async () => {
    renderTimeline([edit, back]);
    const entries = document.querySelectorAll('.crmx-timeline-entry');
    await screen.findByText('by Trần Lan');
    expect(entries[1].querySelector('[data-crmx-actor]')!.textContent).toBe('by the CRM');
    const phone = entries[0].querySelector('[data-crmx-change=phone]')!;
    expect(phone.textContent).toBe('Phone: 0901 234 567 →  changed to 0902 345 678');
    expect(phone.querySelector('del')!.textContent).toBe('0901 234 567');
    expect(phone.querySelector('ins')!.textContent).toBe('0902 345 678');
    // People by name, never their ids; no field key on screen.
    expect(entries[0].querySelector('[data-crmx-change=aeId]')!.querySelector('ins')!.textContent).toBe('Lê Minh');
    expect(entries[0].textContent).not.toMatch(/u-lan|u-minh|aeId|phone,/);
    expect(entries[0].querySelector('time')!.textContent).toBe('14 Mar 2024, 09:05');
    expect(entries[1].textContent).toContain('Reason: moved');
  });

  it('in Vietnamese: the field labels, the person and the time in Vietnamese', async () => {
    currentLanguage.value = 'vi';
    renderTimeline([edit]);
    await screen.findByText('bởi Trần Lan');
    const phone = document.querySelector('[data-crmx-change=phone]')!;
    expect(phone.querySelector('.crmx-timeline-field')!.textContent).toBe('Số điện thoại');
    expect(document.querySelector('time')!.textContent).toBe('14/03/2024 09:05');
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LogDialog, timelineRequest } from './LogDialog';
import { fakeApi } from '../lib/ui/test-helpers';
import type { LogEntry } from '../lib/domain/types';
import { addDictionary, currentLanguage } from '../lib/i18n';
import { vi } from '../lib/i18n/vi';

afterEach(cleanup);

const entry = (id: string, type: LogEntry['type'], at: string, details = ''): LogEntry => ({ id, seq: 1, customerId: 'c-1', type, at, actorId: null, details, changes: [] });

describe('timelineRequest', () => {
  const local = (s: string) => new Date(s).toISOString();
  it.each([
    [{ type: '', from: '', to: '' }, undefined, { customerId: 'c-1', limit: 50 }],
    [{ type: 'Edit customer', from: '', to: '' }, undefined, { customerId: 'c-1', limit: 50, types: ['Edit customer'] }],
    [{ type: '', from: '2024-03-05', to: '2024-03-10' }, undefined,
      { customerId: 'c-1', limit: 50, from: local('2024-03-05T00:00:00.000'), to: local('2024-03-10T23:59:59.999') }],
    [{ type: '', from: 'garbage', to: '' }, { at: '2024-01-01T00:00:00.000Z', id: 'l-9' },
      { customerId: 'c-1', limit: 50, before: { at: '2024-01-01T00:00:00.000Z', id: 'l-9' } }],
  ] as const)('%j (before %j) → %j', (filter, before, expected) => {
    expect(timelineRequest('c-1', { ...filter } as never, before)).toEqual(expected);
  });
});

describe('LogDialog', () => {
  it('shows time on the left and type and details on the right, as text, and pages back with "older"', async () => {
    const api = fakeApi();
    const pages = [
      { items: [entry('l2', 'Back customer', '2024-03-14T02:00:00.000Z', 'Reason: <i>gone</i>')], next: { at: '2024-03-14T02:00:00.000Z', id: 'l2' }, fromCache: true },
      { items: [entry('l1', 'Create customer', '2024-03-13T02:00:00.000Z')], next: null, fromCache: false },
    ];
    api.request.mockImplementation(async (type: string) => (type === 'getTimeline' ? pages.shift() : { departments: [], roles: [], users: [] }));
    render(<LogDialog api={api} open={{ id: 'c-1', name: 'An', kind: 'log', returnFocus: null }} onClose={() => undefined} />);
    await screen.findByText('Back customer');
    expect(screen.getByText('Reason: <i>gone</i>')).toBeTruthy();
    expect(document.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-14T02:00:00.000Z');
    expect(screen.getByText('The CRM cannot be reached: this is the log saved earlier.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await screen.findByText('Create customer');
    expect(api.request).toHaveBeenCalledWith('getTimeline', { customerId: 'c-1', limit: 50, before: { at: '2024-03-14T02:00:00.000Z', id: 'l2' } });
    expect(screen.getByText('That is the whole log.')).toBeTruthy();
  });

  it('asks again with the chosen operation type', async () => {
    const api = fakeApi();
    render(<LogDialog api={api} open={{ id: 'c-1', name: 'An', kind: 'log', returnFocus: null }} onClose={() => undefined} />);
    await screen.findByText('No log entries match.');
    fireEvent.change(screen.getByLabelText('Operation'), { target: { value: 'Share customer' } });
    await waitFor(() => expect(api.request).toHaveBeenLastCalledWith('getTimeline', { customerId: 'c-1', limit: 50, types: ['Share customer'] }));
  });
});

describe('LogDialog in Vietnamese', () => {
  beforeAll(() => addDictionary('vi', vi));
  afterEach(() => {
    currentLanguage.value = 'en';
  });

  const directory = {
    departments: [{ id: 'd-sales', name: 'Kinh doanh', parentId: null }], roles: [],
    users: [{ id: 'u-lan', name: 'Trần Lan', email: 'lan@x', departmentId: 'd-sales', roleId: 'r' }],
  };

  it('names the types in Vietnamese, takes days as dd/mm/yyyy, and shows change records by name', async () => {
    currentLanguage.value = 'vi';
    const api = fakeApi();
    const share: LogEntry = {
      ...entry('l3', 'Batch Share customer', '2024-03-14T02:00:00.000Z', 'Departments: Kinh doanh'), actorId: 'u-lan',
      changes: [{ field: 'shares', before: { departmentIds: [], roleIds: [], userIds: [] }, after: { departmentIds: ['d-sales'], roleIds: [], userIds: [] } }],
    };
    api.request.mockImplementation(async (type: string) => (type === 'getTimeline' ? { items: [share], next: null, fromCache: false } : directory));
    render(<LogDialog api={api} open={{ id: 'c-1', name: 'An', kind: 'log', returnFocus: null }} onClose={() => undefined} />);
    await screen.findByText('Chia sẻ khách hàng hàng loạt');
    expect([...screen.getByLabelText('Thao tác').querySelectorAll('option')].map((o) => o.textContent)).toContain('Trả khách hàng về kho');
    await screen.findByText('Phòng ban: Kinh doanh');
    fireEvent.click(screen.getByRole('button', { name: 'Xem bản ghi thay đổi' }));
    expect(screen.getByText(/14\/03\/2024 \d\d:00 · bởi Trần Lan/)).toBeTruthy();
    const row = document.querySelector('[data-crmx-change="shares"]')!;
    expect(row.textContent).toBe('Chia sẻ với—Phòng ban: Kinh doanh');

    const from = screen.getByLabelText('Từ') as HTMLInputElement;
    expect(from.type).toBe('text');
    expect(from.placeholder).toBe('dd/mm/yyyy');
    fireEvent.input(from, { target: { value: '05/03/2024' } });
    await waitFor(() => expect(api.request).toHaveBeenLastCalledWith('getTimeline', { customerId: 'c-1', limit: 50, from: new Date('2024-03-05T00:00:00.000').toISOString() }));
    fireEvent.input(from, { target: { value: '31/02/2024' } });
    fireEvent.blur(from);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Từ: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/03/2024.');
  });
});

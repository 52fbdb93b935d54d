import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LogDialog, timelineRequest } from './LogDialog';
import { fakeApi } from '../lib/features/test-context';
import type { LogEntry } from '../lib/domain/types';

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
    api.request
      .mockResolvedValueOnce({ items: [entry('l2', 'Back customer', '2024-03-14T02:00:00.000Z', 'Reason: <i>gone</i>')], next: { at: '2024-03-14T02:00:00.000Z', id: 'l2' }, fromCache: true })
      .mockResolvedValueOnce({ items: [entry('l1', 'Create customer', '2024-03-13T02:00:00.000Z')], next: null, fromCache: false });
    render(<LogDialog api={api} open={{ id: 'c-1', name: 'An', kind: 'log', returnFocus: null }} onClose={() => undefined} />);
    await screen.findByText('Back customer');
    expect(screen.getByText('Reason: <i>gone</i>')).toBeTruthy();
    expect(document.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-14T02:00:00.000Z');
    expect(screen.getByText('The CRM cannot be reached: this is the log saved earlier.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await screen.findByText('Create customer');
    expect(api.request).toHaveBeenLastCalledWith('getTimeline', { customerId: 'c-1', limit: 50, before: { at: '2024-03-14T02:00:00.000Z', id: 'l2' } });
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

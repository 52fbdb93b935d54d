// Issue 18, point 3: what the side panel shows (sync status, waiting actions, conflicts, job cards and their
// error lists) names customers and fields as a person does and errors by what to do: never an id, a path,
// an HTTP method, a field key or a raw error message, in either language.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { sampleCustomer, sampleMe } from '../../lib/crm-client/test-data';
import { addDictionary, currentLanguage } from '../../lib/i18n';
import { vi as viDictionary } from '../../lib/i18n/vi';
import { createSelectionStore } from '../../lib/ui/selection-store';
import { createJobsStore } from '../../components/batch/jobs-store';
import type { JobView } from '../../lib/protocol/jobs';
import type { PendingAction } from '../../lib/protocol/mutations';
import { SidePanel } from './SidePanel';

beforeAll(() => addDictionary('vi', viDictionary));
afterEach(() => {
  cleanup();
  currentLanguage.value = 'en';
});

const anna = { name: 'Anna Wilson', code: 'KH000123', phone: '0901000123' };
const annaToo = { name: 'Anna Wilson', code: 'KH000456', phone: '0901000456' };

const pending: PendingAction[] = [
  { id: 'o-1', customerId: 'c-02357', action: 'edit', createdAt: '2026-01-01T09:00:00Z', attempts: 1, status: 'pending',
    lastError: 'PATCH /customers/c-02357 (Failed to fetch)', customer: anna, error: { code: 'network' } },
  { id: 'o-2', customerId: 'c-02358', action: 'share', createdAt: '2026-01-01T09:01:00Z', attempts: 1, status: 'failed',
    lastError: 'POST /customers/c-02358/share: 403 forbidden', customer: annaToo, error: { code: 'forbidden', rule: 'edit-required' } },
  { id: 'o-3', customerId: 'c-02359', action: 'returnToPool', createdAt: '2026-01-01T09:02:00Z', attempts: 2, status: 'failed',
    lastError: 'POST /customers/c-02359/return: teapot', customer: null, error: { code: 'teapot' } },
  // Stored before the outbox kept a code: only its developer message.
  { id: 'o-4', customerId: 'c-02360', action: 'delete', createdAt: '2026-01-01T09:03:00Z', attempts: 1, status: 'failed',
    lastError: 'DELETE /customers/c-02360: Failed to fetch', customer: anna },
];

const job = (over: Partial<JobView>): JobView => ({
  id: 'job-mh3k2-1a2b3c4d', kind: 'share', status: 'done', total: 3, done: 3, succeeded: 1, errors: [], createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:09Z', undoable: false, ...over,
});

const jobs: JobView[] = [
  job({ errors: [
    { item: 'c-00364', code: 'forbidden', message: 'You need the right to edit this customer', rule: 'edit-required', customer: anna },
    { item: 'c-00365', code: 'teapot', message: 'POST /batch/share: c-00365 has no businessField', customer: annaToo },
    { item: 'c-00366', code: 'not_found', message: 'GET /customers/c-00366: 404' },
  ] }),
  job({ id: 'job-mh3k2-9f8e7d6c', kind: 'deleteByPhone', total: 2, succeeded: 0, errors: [
    { item: 'row 4', code: 'not_found', message: '0900 111 222: not found', phone: '0900 111 222' },
    { item: 'row 5', code: 'teapot', message: 'POST /batch/delete-by-phone: c-00367 refused', phone: '0900 111 333' },
    { item: 'c-00368', code: 'forbidden', message: 'Only administrators may do this', rule: 'administrator-only', customer: annaToo },
  ] }),
];

function setup() {
  const request = vi.fn(async (type: string) => {
    switch (type) {
      case 'getSyncStatus': return {
        lastSyncAt: null, running: false, phase: null, done: 0, total: null, offline: false,
        error: 'GET /sync?cursor=812 (Failed to fetch)', errorCode: 'network',
      };
      case 'getPending': return {
        actions: pending,
        conflicts: [{ id: 'k-1', customerId: 'c-02361', createdAt: '2026-01-01T09:04:00Z', mine: { businessField: 'Retail', phone: '0902', aeId: 'u-7' },
          theirs: sampleCustomer({ id: 'c-02361', name: 'Anna Wilson', code: 'KH000789' }) }],
      };
      case 'getJobs': return jobs;
      case 'searchCached': return { items: [], total: 0 };
      case 'listFollowed': return { items: [], total: 0 };
      case 'getOrgDirectory': return { departments: [], roles: [], users: [] };
      default: throw new Error(`${type} not scripted`);
    }
  });
  const api = { request, getSession: vi.fn(async () => ({ crmOrigin: 'http://crm.test', me: sampleMe(), offline: false })) };
  render(<SidePanel api={api as never} jobs={createJobsStore(api as never)} store={createSelectionStore()} onChange={() => () => undefined} />);
}

/** Everything a developer would recognise and a user should never have to read. */
const DEVELOPER_TERMS: [string, RegExp][] = [
  ['a customer id', /\bc-\d+/],
  ['a job id', /\bjob-[0-9a-z]+-/],
  ['a path', /\/(customers|batch|sync)\b/],
  ['an HTTP method', /\b(GET|POST|PATCH|PUT|DELETE)\b/],
  ['a field key', /\b(businessField|aeId|csrId|poolId|deletedAt|lastError)\b/],
  ['a raw error', /Failed to fetch|teapot|\b40[34]\b/],
];

async function openEverything() {
  await screen.findByText(/Anna Wilson \(KH000789\)/);
  await waitFor(() => expect(document.querySelectorAll('[data-crmx-job]')).toHaveLength(2));
  for (const details of document.querySelectorAll<HTMLButtonElement>('[data-crmx-job] .crmx-link')) fireEvent.click(details);
  await waitFor(() => expect(document.querySelectorAll('[data-crmx-error-item]')).toHaveLength(6));
}

function developerTermsShown(): string[] {
  const text = document.body.textContent ?? '';
  return DEVELOPER_TERMS.flatMap(([what, pattern]) => {
    const found = pattern.exec(text);
    return found ? [`${what}: ${found[0]}`] : [];
  });
}

describe('the side panel in a user’s words', () => {
  it.each(['en', 'vi'] as const)('shows no id, path, method, field key or raw error (%s)', async (language) => {
    currentLanguage.value = language;
    setup();
    await openEverything();
    expect(developerTermsShown()).toEqual([]);
  });

  it('names each waiting action’s customer by name and code, and says what happens or why it was not sent', async () => {
    setup();
    await openEverything();
    const items = [...document.querySelectorAll('[data-crmx-panel-pending] li[data-crmx-pending]')].map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^Edit · Anna Wilson \(KH000123\) · .* Waiting for the CRM to answer; it will be sent then\.$/);
    expect(items[1]).toContain('Share · Anna Wilson (KH000456)');
    expect(items[1]).toContain('Not sent: You need the right to edit this customer.');
    expect(items[2]).toContain('Return to the pool · Customer not in your list');
    expect(items[2]).toContain('Not sent: Something went wrong');
    expect(items[3]).toContain('Not sent: Something went wrong');
    expect(document.querySelector('[data-crmx-panel-sync] .crmx-error')?.textContent).toBe('The CRM cannot be reached.');
    expect(document.querySelector('[data-crmx-conflict]')?.textContent).toContain('Anna Wilson (KH000789): Business field, Phone, Account executive');
  });

  it('lists a job’s errors by customer name and code, the phone where two read the same, and file rows by number', async () => {
    setup();
    await openEverything();
    const errors = [...document.querySelectorAll('[data-crmx-error-item]')].map((li) => li.textContent);
    expect(errors.slice(0, 3)).toEqual([
      'Anna Wilson (KH000123): You need the right to edit this customer.',
      'Anna Wilson (KH000456): Something went wrong: try again, and tell your administrator if it keeps happening.',
      'Customer not in your list: The CRM has no such customer in your list.',
    ]);
    expect(errors.slice(3)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^row 4 “0900 111 222”: /), expect.stringMatching(/^row 5 “0900 111 333”: Something went wrong/),
      'Anna Wilson (KH000456): Only administrators may do this.',
    ]));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer } from '../../crm-client/test-data';
import type { Customer } from '../../domain/types';
import { CrmxDb } from '../store/db';
import { writeToken } from '../store/session';
import { createImportHandlers } from './import';
import { createBackgroundServices } from '../services';

const ORIGIN = 'http://127.0.0.1:5556';
const sender = { id: 'x', url: 'chrome-extension://x/sidepanel.html' };
let db: CrmxDb;
let n = 0;
let online: boolean;
let listing: Customer[];

const fetchCrm = (async (input: RequestInfo | URL) => {
  if (!online) throw new TypeError('Failed to fetch');
  const url = new URL(String(input));
  const size = Number(url.searchParams.get('pageSize'));
  const page = Number(url.searchParams.get('page'));
  return new Response(JSON.stringify({ items: listing.slice((page - 1) * size, page * size), total: listing.length, page, pageSize: size }));
}) as typeof fetch;

function handlers() {
  return createImportHandlers(createBackgroundServices({
    db,
    getCrmOrigin: async () => ORIGIN,
    setCrmOrigin: async () => {},
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch: fetchCrm }),
    push: () => {},
  }), { country: async () => 'VN' });
}

beforeEach(async () => {
  db = new CrmxDb(`import-test-${++n}`);
  await writeToken(db, 'tok');
  online = true;
  listing = [
    sampleCustomer({ id: 'c-1', name: 'An', phone: '0912 345 678' }),
    sampleCustomer({ id: 'c-2', name: 'Bình', phone: '+84 913 222 333' }),
  ];
});
afterEach(() => db.delete());

describe('previewPhoneRows', () => {
  it('matches the rows against every customer the CRM lists, whatever the format', async () => {
    const preview = await handlers().previewPhoneRows({
      rows: [{ row: 1, phone: '912345678' }, { row: 2, phone: '84-913-222-333' }, { row: 3, phone: '0912.345.678' }, { row: 4, phone: '0999 000 111' }, { row: 5, phone: '=A1' }],
    }, sender);
    expect(preview.rows.map((r) => r.customerId ?? r.problem)).toEqual(['c-1', 'c-2', 'duplicate', 'not_found', 'invalid']);
    expect(preview).toMatchObject({ matched: 2, notFound: 1, duplicates: 1, invalid: 1, names: { 'c-1': 'An', 'c-2': 'Bình' } });
  });

  it('never matches a cached customer the CRM no longer lists', async () => {
    await db.customers.put(sampleCustomer({ id: 'c-gone', name: 'Gone', phone: '0977 000 111' }));
    const preview = await handlers().previewPhoneRows({ rows: [{ row: 1, phone: '0977000111' }] }, sender);
    expect(preview.rows[0]).toMatchObject({ customerId: null, problem: 'not_found' });
  });

  it('uses the cache when the CRM cannot be reached', async () => {
    await db.customers.put(sampleCustomer({ id: 'c-9', name: 'Cached', phone: '0977 000 111' }));
    online = false;
    const preview = await handlers().previewPhoneRows({ rows: [{ row: 1, phone: '+84977000111' }] }, sender);
    expect(preview.rows[0].customerId).toBe('c-9');
  });

  it('reads numbers in the country asked for', async () => {
    listing = [sampleCustomer({ id: 'c-us', name: 'US', phone: '+1 202 555 0100' })];
    const preview = await handlers().previewPhoneRows({ rows: [{ row: 1, phone: '(202) 555-0100' }], country: 'US' }, sender);
    expect(preview.rows[0].customerId).toBe('c-us');
  });
});

describe('previewPhoneFile', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  it('parses the uploaded file in the background and matches its rows', async () => {
    const preview = await handlers().previewPhoneFile({ name: 'list.csv', base64: b64('\uFEFFPhone\n0912 345 678\n0999 000 111\n') }, sender);
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', matched: 1, notFound: 1 });
    expect(preview.rows[0]).toEqual({ row: 2, phone: '0912 345 678', customerId: 'c-1' });
  });

  it.each([
    ['notes.pdf', b64('%PDF'), 'file_wrong_type', 'not a CSV or XLSX file'],
    ['list.csv', b64('Name\nAn\n'), 'file_no_phone_column', 'no phone number column'],
    ['list.csv', '***', 'file_unreadable', 'arrived damaged'],
  ])('answers the file problem\'s own code (translated on screen) for %s', async (name, base64, code, reason) => {
    await expect(handlers().previewPhoneFile({ name, base64 }, sender)).rejects.toMatchObject({ code, message: expect.stringContaining(reason) });
  });

  it('gives the XLSX template', async () => {
    const { base64 } = await handlers().phoneTemplate({ format: 'xlsx' }, sender);
    expect(Buffer.from(base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

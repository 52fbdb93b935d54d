// P3 and P4 in the browser: the extension's own store code vs raw IndexedDB with the same indexes.
import type { Customer, LogEntry } from '../../lib/domain/types';
import { LOG_TYPES } from '../../lib/domain/log-types';
import { applyCustomerDelta } from '../../lib/background/store/customers';
import { CrmxDb } from '../../lib/background/store/db';
import { putLogs, timeline } from '../../lib/background/store/logs';

const CUSTOMER_PAGE = 1000;
const LOG_PAGE = 5000;
const pad = (n: number) => String(n).padStart(7, '0');

export function makeCustomer(i: number): Customer {
  return {
    id: `c${pad(i)}`, code: `K${i}`, name: `Khách hàng ${i}`, email: `k${i}@example.vn`, phone: `09${String(10_000_000 + i).slice(-8)}`,
    source: 'Website', businessField: 'Retail', aeId: `u${i % 50}`, csrId: null, poolId: 'p1',
    shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: i % 7 ? [] : ['vip'], version: 1,
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', deletedAt: null,
  };
}

/** Half the entries go to a few "hot" customers (200 each, like a long-standing account), half spread. */
export const hotCustomers = (logs: number) => Math.max(1, Math.floor(logs / 400));

export function makeLog(i: number, customers: number, hot: number): LogEntry {
  const customer = i % 2 === 0 ? (i / 2) % hot : i % customers;
  return {
    id: `l${pad(i)}`, seq: i + 1, customerId: `c${pad(customer)}`, type: LOG_TYPES[i % LOG_TYPES.length],
    at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), actorId: `u${i % 50}`, details: `operation ${i}`, changes: [],
  };
}

function raw(name: string): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const customers = db.createObjectStore('customers', { keyPath: 'id' });
      for (const [index, path, multi] of [['updatedAt', 'updatedAt', false], ['tags', 'tags', true], ['aeId', 'aeId', false], ['csrId', 'csrId', false], ['poolId', 'poolId', false], ['phoneKey', 'phoneKey', false], ['nameKey', 'nameKey', false], ['code', 'code', false], ['shareKeys', 'shareKeys', true]] as const) {
        customers.createIndex(index, path, { multiEntry: multi });
      }
      const logs = db.createObjectStore('logs', { keyPath: 'id' });
      logs.createIndex('[customerId+at]', ['customerId', 'at']);
      logs.createIndex('[customerId+type+at]', ['customerId', 'type', 'at']);
      logs.createIndex('type', 'type');
      logs.createIndex('seq', 'seq');
    };
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
}

function rawPut(db: IDBDatabase, store: string, rows: object[]): Promise<void> {
  return new Promise((ok, fail) => {
    const tx = db.transaction(store, 'readwrite');
    const s = tx.objectStore(store);
    for (const row of rows) s.put(row);
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
}

/** The fastest raw read there is: getAllRecords with a direction where the browser has it, else a cursor. */
function rawNewest(db: IDBDatabase, customerId: string, limit: number): Promise<LogEntry[]> {
  const index = db.transaction('logs').objectStore('logs').index('[customerId+at]');
  const range = IDBKeyRange.bound([customerId, ''], [customerId, '\uffff']);
  const withRecords = index as IDBIndex & { getAllRecords?(o: object): IDBRequest<{ value: LogEntry }[]> };
  if (withRecords.getAllRecords) {
    const req = withRecords.getAllRecords({ query: range, count: limit, direction: 'prev' });
    return new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result.map((r) => r.value));
      req.onerror = () => fail(req.error);
    });
  }
  return new Promise((ok, fail) => {
    const out: LogEntry[] = [];
    const req = index.openCursor(range, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= limit) return ok(out);
      out.push(cursor.value as LogEntry);
      cursor.continue();
    };
    req.onerror = () => fail(req.error);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function storeBench(customers: number, logs: number) {
  const ext = new CrmxDb(`bench-ext-${Date.now()}`);
  await ext.open();
  const plain = await raw(`bench-raw-${Date.now()}`);
  const timeIt = async (work: () => Promise<void>) => { const t = performance.now(); await work(); return performance.now() - t; };
  const extWrite = await timeIt(async () => {
    for (let i = 0; i < customers; i += CUSTOMER_PAGE) {
      await applyCustomerDelta(ext, Array.from({ length: Math.min(CUSTOMER_PAGE, customers - i) }, (_, k) => makeCustomer(i + k)), [], String(i));
    }
    for (let i = 0; i < logs; i += LOG_PAGE) {
      await putLogs(ext, Array.from({ length: Math.min(LOG_PAGE, logs - i) }, (_, k) => makeLog(i + k, customers, hotCustomers(logs))), String(i));
    }
  });
  const rawWrite = await timeIt(async () => {
    // Raw gets the same derived keys the extension computes, so both maintain the same indexes.
    const { withDerivedKeys } = await import('../../lib/background/store/derived');
    for (let i = 0; i < customers; i += CUSTOMER_PAGE) {
      await rawPut(plain, 'customers', Array.from({ length: Math.min(CUSTOMER_PAGE, customers - i) }, (_, k) => withDerivedKeys(makeCustomer(i + k))));
    }
    for (let i = 0; i < logs; i += LOG_PAGE) {
      await rawPut(plain, 'logs', Array.from({ length: Math.min(LOG_PAGE, logs - i) }, (_, k) => makeLog(i + k, customers, hotCustomers(logs))));
    }
  });
  const ids = Array.from({ length: 25 }, (_, k) => `c${pad((k * 7919) % hotCustomers(logs))}`);
  const extReads: number[] = [];
  const rawReads: number[] = [];
  let firstRead = 0;
  for (const [k, id] of ids.entries()) {
    const a = await timeIt(async () => void (await timeline(ext, { customerId: id, limit: 100 })));
    if (k === 0) firstRead = a;
    extReads.push(a);
    rawReads.push(await timeIt(async () => void (await rawNewest(plain, id, 100))));
  }
  const rows = customers + logs;
  ext.close();
  plain.close();
  return {
    writeRateExt: rows / (extWrite / 1000), writeRateRaw: rows / (rawWrite / 1000),
    timelineExt: median(extReads), timelineRaw: median(rawReads), firstTimeline: firstRead, rows, logs,
  };
}

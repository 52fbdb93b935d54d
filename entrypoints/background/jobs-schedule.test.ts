import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmClient } from '../../lib/crm-client/client';
import { fakeCrm, type FakeCrm } from '../../lib/background/outbox/test-crm';
import { CrmxDb } from '../../lib/background/store/db';
import { scheduleBackgroundWork } from './jobs-schedule';
import { wireBackground, type Background } from './wiring';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
let n = 0;
let name: string;
let crm: FakeCrm;
const dbs: CrmxDb[] = [];

/** A worker over the shared database, wired as the background wires itself. */
function worker(): Background {
  const db = new CrmxDb(name);
  dbs.push(db);
  return wireBackground({
    db,
    getCrmOrigin: async () => ORIGIN,
    setCrmOrigin: async () => undefined,
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch: crm.fetch }),
    push: () => undefined,
    injectDialogs: async () => undefined,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  name = `schedule-test-${++n}`;
  crm = fakeCrm();
  await worker().handlers.connect({ url: ORIGIN, token: 'tok-ae' }, page);
});
afterEach(async () => {
  dbs.splice(0).forEach((db) => db.close());
  await new CrmxDb(name).delete();
});

async function queuedEdit({ handlers }: Background) {
  await handlers.getDecisions({ ids: ['c-001'] }, page);
  crm.online = false;
  const outcome = await handlers.editCustomer({ id: 'c-001', version: 3, changes: { name: 'Later' } }, page);
  expect(outcome.outcome).toBe('queued');
  crm.online = true;
}

const outboxEmpty = ({ services }: Background) => vi.waitFor(async () => expect(await services.db.outbox.count()).toBe(0));

describe('when the outbox is replayed and jobs resume', () => {
  it('after any successful call to the CRM', async () => {
    const w = worker();
    scheduleBackgroundWork(w.services);
    await queuedEdit(w);
    expect(await w.services.db.outbox.count()).toBe(1);
    await w.handlers.getSession(undefined, page);
    await outboxEmpty(w);
    expect(crm.customers.get('c-001')?.name).toBe('Later');
  });

  it('on its own short schedule while actions wait, with nothing else asking the CRM', async () => {
    const w = worker();
    scheduleBackgroundWork(w.services);
    await queuedEdit(w);
    // No call, alarm or online event: the outbox's own next try (about a second away) sends it.
    await vi.waitFor(async () => expect(await w.services.db.outbox.count()).toBe(0), { timeout: 3_000 });
    expect(crm.customers.get('c-001')?.name).toBe('Later');
  });

  it('on the one-minute alarm', async () => {
    const w = worker();
    scheduleBackgroundWork(w.services);
    await queuedEdit(w);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('crmx-outbox-jobs')).toMatchObject({ periodInMinutes: 1 }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'crmx-outbox-jobs', scheduledTime: Date.now() });
    await outboxEmpty(w);
  });

  it('when a new worker starts: pending actions and unfinished jobs', async () => {
    const first = worker();
    await queuedEdit(first);
    crm.online = false;
    const job = await first.services.jobs.start({ kind: 'follow', customerIds: ['c-001', 'c-003'] });
    await first.services.jobs.runner.kick();
    expect((await first.services.jobs.list())[0]).toMatchObject({ id: job.id, done: 0 });

    crm.online = true;
    const next = worker();
    scheduleBackgroundWork(next.services);
    await outboxEmpty(next);
    await vi.waitFor(async () => expect((await next.services.jobs.list())[0]).toMatchObject({ status: 'done', succeeded: 2 }));
    expect([...crm.follows].sort()).toEqual(['c-001', 'c-003']);
  });
});

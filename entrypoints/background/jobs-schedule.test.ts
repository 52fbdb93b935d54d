import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmClient } from '../../lib/crm-client/client';
import { createHandlers, type HandlerDeps } from '../../lib/background/handlers/core';
import { createMutationHandlers } from '../../lib/background/handlers/mutations';
import { jobsService } from '../../lib/background/jobs/service';
import { fakeCrm, type FakeCrm } from '../../lib/background/outbox/test-crm';
import { CrmxDb } from '../../lib/background/store/db';
import { scheduleBackgroundWork } from './jobs-schedule';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
let n = 0;
let name: string;
let crm: FakeCrm;
const dbs: CrmxDb[] = [];

/** A worker's deps over the shared database (a new connection: a new worker). */
function workerDeps(): HandlerDeps {
  const db = new CrmxDb(name);
  dbs.push(db);
  return {
    db,
    getCrmOrigin: async () => ORIGIN,
    setCrmOrigin: async () => undefined,
    makeClient: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch: crm.fetch }),
    push: () => undefined,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  name = `schedule-test-${++n}`;
  crm = fakeCrm();
  await createHandlers(workerDeps()).connect({ url: ORIGIN, token: 'tok-ae' }, page);
});
afterEach(async () => {
  dbs.splice(0).forEach((db) => db.close());
  await new CrmxDb(name).delete();
});

async function queuedEdit(deps: HandlerDeps) {
  await createHandlers(deps).getDecisions({ ids: ['c-001'] }, page);
  crm.online = false;
  const outcome = await createMutationHandlers(deps).editCustomer({ id: 'c-001', version: 3, changes: { name: 'Later' } }, page);
  expect(outcome.outcome).toBe('queued');
  crm.online = true;
}

const outboxEmpty = (deps: HandlerDeps) => vi.waitFor(async () => expect(await deps.db.outbox.count()).toBe(0));

describe('when the outbox is replayed and jobs resume', () => {
  it('after any successful call to the CRM', async () => {
    const deps = workerDeps();
    scheduleBackgroundWork(deps);
    await queuedEdit(deps);
    expect(await deps.db.outbox.count()).toBe(1);
    await createHandlers(deps).getSession(undefined, page);
    await outboxEmpty(deps);
    expect(crm.customers.get('c-001')?.name).toBe('Later');
  });

  it('on the one-minute alarm', async () => {
    const deps = workerDeps();
    scheduleBackgroundWork(deps);
    await queuedEdit(deps);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('crmx-outbox-jobs')).toMatchObject({ periodInMinutes: 1 }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'crmx-outbox-jobs', scheduledTime: Date.now() });
    await outboxEmpty(deps);
  });

  it('when a new worker starts: pending actions and unfinished jobs', async () => {
    const first = workerDeps();
    await queuedEdit(first);
    crm.online = false;
    const job = await jobsService(first).start({ kind: 'follow', customerIds: ['c-001', 'c-003'] });
    await jobsService(first).runner.kick();
    expect((await jobsService(first).list())[0]).toMatchObject({ id: job.id, done: 0 });

    crm.online = true;
    const next = workerDeps();
    scheduleBackgroundWork(next);
    await outboxEmpty(next);
    await vi.waitFor(async () => expect((await jobsService(next).list())[0]).toMatchObject({ status: 'done', succeeded: 2 }));
    expect([...crm.follows].sort()).toEqual(['c-001', 'c-003']);
  });
});

// Issue 3 §3: after connecting, the background syncs the CRM into its cache; with the CRM stopped, the
// timeline, its change records and cached search still answer, and a failed sync keeps the cache.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../lib/domain/types';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { okData, sendFromPage, waitFor } from '../background/wire';

describe('the synced cache', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-manager' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const status = async () => okData(await sendFromPage(options, 'getSyncStatus', undefined));

  it('answers the timeline from the cache when the CRM is down', async () => {
    const synced = await waitFor(status, (st) => st.lastSyncAt !== null && !st.running, 'first sync');
    expect(synced).toMatchObject({ error: null, offline: false });

    // The independent witness: what the CRM itself holds for c-001 (a subordinate's customer).
    const crmLog = (await api<{ items: LogEntry[] }>(s.crm, 'tok-manager', '/customers/c-001/logs')).body.items;
    expect(crmLog.length).toBeGreaterThan(1);
    const found = okData(await sendFromPage(options, 'searchCached', { q: 'KH0001' }));
    expect(found.items.map((c) => c.id)).toEqual(['c-001']);

    await s.crm.stop();

    const offline = okData(await sendFromPage(options, 'getTimeline', { customerId: 'c-001' }));
    expect(offline.fromCache).toBe(true);
    expect(offline.items.map((e) => e.id)).toEqual(crmLog.map((e) => e.id));

    const edits = okData(await sendFromPage(options, 'getTimeline', { customerId: 'c-001', types: ['Edit customer'] }));
    expect(edits.items.length).toBeGreaterThan(0);
    expect(edits.items.every((e) => e.type === 'Edit customer')).toBe(true);
    const changes = okData(await sendFromPage(options, 'getChangeRecords', edits.items[0].id));
    expect(changes).toEqual(crmLog.find((e) => e.id === edits.items[0].id)?.changes);

    // A sync that cannot reach the CRM says so and clears nothing.
    okData(await sendFromPage(options, 'syncNow', undefined));
    const failed = await waitFor(status, (st) => !st.running && st.offline, 'offline sync status');
    expect(failed.error).toBeTruthy();
    expect(failed.lastSyncAt).toBe(synced.lastSyncAt);
    const still = okData(await sendFromPage(options, 'getTimeline', { customerId: 'c-001' }));
    expect(still.items).toHaveLength(crmLog.length);
    const directory = okData(await sendFromPage(options, 'getOrgDirectory', undefined));
    expect(directory.users.length).toBeGreaterThan(3);
  });
});

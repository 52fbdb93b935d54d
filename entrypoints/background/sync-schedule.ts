// When the cache is synced: on install, on worker start (unless a sync finished a moment ago), every
// five minutes by an alarm, and when the browser comes back online. On demand: the syncNow message.
import { browser } from 'wxt/browser';
import type { BackgroundServices } from '../../lib/background/services';

const ALARM = 'crmx-sync';
const PERIOD_MINUTES = 5;
/** A worker wakes for every message after 30 s idle: no full sync each time. */
const START_MIN_AGE_MS = 60_000;

export function scheduleSync({ sync, events }: Pick<BackgroundServices, 'sync' | 'events'>): void {
  const run = (again = false) => void sync.run({ again }).catch((error: unknown) => console.error('[crmx] sync failed', error));
  // A new connection (maybe another CRM or user): a full sync, after any run under way.
  events.connected.add(() => run(true));

  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) run();
  });
  browser.runtime.onInstalled.addListener(() => run());
  globalThis.addEventListener?.('online', () => run());
  void sync.status().then((status) => {
    const age = status.lastSyncAt ? Date.now() - Date.parse(status.lastSyncAt) : Infinity;
    if (age > START_MIN_AGE_MS) run();
  });
}

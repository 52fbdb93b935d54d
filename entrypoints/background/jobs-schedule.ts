// When the outbox is replayed and unfinished jobs resume: on worker start, on a one-minute alarm, when
// the browser comes back online, and after any successful call to the CRM (it answers again); the outbox
// also tries again on its own short schedule while it holds actions (lib/background/outbox/retry-schedule.ts).
import { browser } from 'wxt/browser';
import type { BackgroundServices } from '../../lib/background/services';
import { createOutboxRetry } from '../../lib/background/outbox/retry-schedule';

const ALARM = 'crmx-outbox-jobs';

/** An extension API call resets the MV3 idle timer: a long job is not cut off between chunks. */
export async function keepWorkerAlive(): Promise<void> {
  try {
    await browser.runtime.getPlatformInfo();
  } catch {
    // Only a keep-alive: a browser without it just idles sooner.
  }
}

/** Wires the outbox and the job runner to their triggers. Call once, at the worker's top level. */
export function scheduleBackgroundWork({ outbox, jobs, events }: Pick<BackgroundServices, 'outbox' | 'jobs' | 'events'>): void {
  const retry = createOutboxRetry({
    flush: () => outbox.outbox.flush(),
    stopped: () => outbox.outbox.stopped(),
    keepAlive: () => void keepWorkerAlive(),
  });
  events.outboxFlushed.add(retry.flushed);
  let scheduled = false;
  const resume = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void outbox.outbox.flush();
      void jobs.runner.kick();
    });
  };

  events.crmAnswered.add(resume);
  // Created once: re-creating it on every worker start would push its next tick back each time.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) resume();
  });
  globalThis.addEventListener?.('online', resume);
  void outbox.outbox.recover().then(resume);
}

// When the outbox is replayed and unfinished jobs resume: on worker start, on a one-minute alarm, when
// the browser comes back online, and after any successful call to the CRM (it answers again).
import { browser } from 'wxt/browser';
import type { CrmClient } from '../../lib/crm-client/client';
import { jobsService } from '../../lib/background/jobs/service';
import type { HandlerDeps } from '../../lib/background/handlers/core';
import { outboxService } from '../../lib/background/outbox/service';

const ALARM = 'crmx-outbox-jobs';

/** A client whose every successful call runs `onSuccess` (without waiting for it). */
function observed(client: CrmClient, onSuccess: () => void): CrmClient {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.then(onSuccess, () => undefined);
        return result;
      };
    },
  });
}

/** Wires the outbox and the job runner to their triggers. Call once, at the worker's top level. */
export function scheduleBackgroundWork(deps: HandlerDeps): void {
  let scheduled = false;
  const resume = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void outboxService(deps).outbox.flush();
      void jobs.runner.kick();
    });
  };

  const makeClient = deps.makeClient;
  deps.makeClient = (baseUrl, token) => observed(makeClient(baseUrl, token), resume);
  // Built here first, before any message, so the runner has its keep-alive.
  const jobs = jobsService({
    ...deps,
    // An extension API call resets the MV3 idle timer: a long job is not cut off between chunks.
    async keepAlive() {
      try {
        await browser.runtime.getPlatformInfo();
      } catch {
        // Only a keep-alive: a browser without it just idles sooner.
      }
    },
  });

  // Created once: re-creating it on every worker start would push its next tick back each time.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) resume();
  });
  globalThis.addEventListener?.('online', resume);
  void outboxService(deps).outbox.recover().then(resume);
}

// When the outbox tries again after the CRM stopped answering. Its actions must go within moments of the
// CRM answering again, and nothing else may ask it in between (the page is idle, the alarm is a minute
// away), so the outbox itself tries again on a short schedule while it holds actions. A try against a CRM
// that cannot be reached costs it nothing (no connection is made); a CRM that answers "later" (5xx, 429)
// is given its Retry-After or a growing pause, so a struggling CRM is not pressed.
import type { OutboxStop } from './outbox';

/** Between tries while the CRM cannot be reached. */
export const UNREACHABLE_RETRY_MS = 1_000;
/** A try lands anywhere in ±this share of its pause, so many browsers do not knock at the same moment. */
const JITTER = 0.25;
/** After this long unreachable the outbox tries less often and lets the worker sleep (the alarm wakes it). */
export const SHORT_SCHEDULE_FOR_MS = 10 * 60_000;
export const LONG_RETRY_MS = 15_000;
/** A CRM answering errors: the first pause, doubled on each further one up to the last. */
export const ANSWERING_RETRY_MS = 2_000;
export const ANSWERING_RETRY_MAX_MS = 60_000;

/**
 * The pause before the next try. `downForMs`: since the first stop of this outage; `answeredStops`: stops
 * in a row where the CRM answered, but with an error.
 */
export function nextRetryMs(stop: OutboxStop, downForMs: number, answeredStops: number, random: () => number = Math.random): number {
  if (stop.retryAfterMs !== undefined) return stop.retryAfterMs;
  const jitter = (ms: number) => Math.round(ms * (1 - JITTER + 2 * JITTER * random()));
  if (stop.unreachable) return jitter(downForMs < SHORT_SCHEDULE_FOR_MS ? UNREACHABLE_RETRY_MS : LONG_RETRY_MS);
  return jitter(Math.min(ANSWERING_RETRY_MAX_MS, ANSWERING_RETRY_MS * 2 ** Math.max(0, answeredStops - 1)));
}

export interface OutboxRetryDeps {
  /** Sends what waits (the outbox's flush). */
  flush(): Promise<void>;
  /** Why the last flush stopped, or null when nothing waits. */
  stopped(): OutboxStop | null;
  /** Called on every try of the short schedule: an MV3 worker left idle 30 s is stopped, and its timers with it. */
  keepAlive?(): void;
  now?(): number;
  random?(): number;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

/** Tell it after every flush of the outbox: one that stopped with actions waiting gets its next try scheduled. */
export function createOutboxRetry(deps: OutboxRetryDeps) {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let downSince: number | null = null;
  let answeredStops = 0;

  function cancel(): void {
    if (timer === null) return;
    clearTimer(timer);
    timer = null;
  }

  function flushed(): void {
    // Any flush ended (ours or one asked by something else): it takes the place of the try waiting.
    cancel();
    const stop = deps.stopped();
    if (!stop) {
      downSince = null;
      answeredStops = 0;
      return;
    }
    downSince ??= now();
    answeredStops = stop.unreachable ? 0 : answeredStops + 1;
    const downFor = now() - downSince;
    if (stop.unreachable && downFor < SHORT_SCHEDULE_FOR_MS) deps.keepAlive?.();
    timer = setTimer(() => {
      timer = null;
      void deps.flush();
    }, nextRetryMs(stop, downFor, answeredStops, deps.random));
  }

  return { flushed, cancel };
}

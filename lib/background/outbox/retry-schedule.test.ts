import { describe, expect, it } from 'vitest';
import type { OutboxStop } from './outbox';
import {
  ANSWERING_RETRY_MAX_MS, ANSWERING_RETRY_MS, createOutboxRetry, LONG_RETRY_MS, nextRetryMs, SHORT_SCHEDULE_FOR_MS, UNREACHABLE_RETRY_MS,
} from './retry-schedule';

const unreachable: OutboxStop = { unreachable: true };
const answering: OutboxStop = { unreachable: false };
const middle = () => 0.5;

describe('nextRetryMs', () => {
  it.each([
    ['unreachable, just now', unreachable, 0, 0, UNREACHABLE_RETRY_MS],
    ['unreachable for 9 minutes', unreachable, 9 * 60_000, 0, UNREACHABLE_RETRY_MS],
    ['unreachable past the short schedule', unreachable, SHORT_SCHEDULE_FOR_MS, 0, LONG_RETRY_MS],
    ['answering errors, first stop', answering, 0, 1, ANSWERING_RETRY_MS],
    ['answering errors, third stop in a row', answering, 0, 3, ANSWERING_RETRY_MS * 4],
    ['answering errors for long', answering, 0, 40, ANSWERING_RETRY_MAX_MS],
    ['Retry-After given', { unreachable: false, retryAfterMs: 7_000 }, 0, 1, 7_000],
  ])('%s', (_, stop, downFor, stops, expected) => {
    expect(nextRetryMs(stop, downFor, stops, middle)).toBe(expected);
  });

  it('spreads the tries around the pause, within a quarter of it', () => {
    expect(nextRetryMs(unreachable, 0, 0, () => 0)).toBe(UNREACHABLE_RETRY_MS * 0.75);
    expect(nextRetryMs(unreachable, 0, 0, () => 1)).toBe(UNREACHABLE_RETRY_MS * 1.25);
    // Within 2 s of the CRM answering again: the longest pause and a try's own time fit in it.
    expect(nextRetryMs(unreachable, 0, 0, () => 1)).toBeLessThan(1_500);
  });
});

/** A retry over a fake clock: timers are run by hand. */
function harness(stops: (OutboxStop | null)[]) {
  let clock = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  let flushes = 0;
  let keptAlive = 0;
  let stop: OutboxStop | null = null;
  const retry = createOutboxRetry({
    flush: async () => {
      flushes++;
      stop = stops.shift() ?? null;
      retry.flushed();
    },
    stopped: () => stop,
    keepAlive: () => void keptAlive++,
    now: () => clock,
    random: middle,
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: clock + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  return {
    retry,
    stopWith(next: OutboxStop | null) {
      stop = next;
      retry.flushed();
    },
    /** Runs the next timer; its wait. */
    tick(): number | null {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift();
      if (!timer) return null;
      const waited = timer.at - clock;
      clock = timer.at;
      timer.run();
      return waited;
    },
    pending: () => timers.length,
    flushes: () => flushes,
    keptAlive: () => keptAlive,
  };
}

describe('createOutboxRetry', () => {
  it('tries again every second while the CRM cannot be reached, and stops once nothing waits', () => {
    const h = harness([unreachable, unreachable, null]);
    h.stopWith(unreachable);
    expect(h.tick()).toBe(UNREACHABLE_RETRY_MS);
    expect(h.tick()).toBe(UNREACHABLE_RETRY_MS);
    expect(h.tick()).toBe(UNREACHABLE_RETRY_MS);
    expect(h.flushes()).toBe(3);
    expect(h.pending()).toBe(0);
    expect(h.keptAlive()).toBeGreaterThanOrEqual(3);
  });

  it('backs off while the CRM answers with errors, and starts over after it took everything', () => {
    const h = harness([answering, answering, null]);
    h.stopWith(answering);
    expect([h.tick(), h.tick(), h.tick()]).toEqual([ANSWERING_RETRY_MS, ANSWERING_RETRY_MS * 2, ANSWERING_RETRY_MS * 4]);
    expect(h.pending()).toBe(0);
    h.stopWith(answering);
    expect(h.tick()).toBe(ANSWERING_RETRY_MS);
  });

  it('keeps one try waiting: a flush made by something else takes its place', () => {
    const h = harness([]);
    h.stopWith(unreachable);
    h.stopWith(unreachable);
    expect(h.pending()).toBe(1);
    h.stopWith(null);
    expect(h.pending()).toBe(0);
  });

  it('tries less often, and lets the worker sleep, after a long time unreachable', () => {
    const h = harness(Array.from({ length: 700 }, () => unreachable));
    h.stopWith(unreachable);
    let waited = 0;
    while (waited < SHORT_SCHEDULE_FOR_MS) waited += h.tick()!;
    const kept = h.keptAlive();
    expect(h.tick()).toBe(LONG_RETRY_MS);
    expect(h.keptAlive()).toBe(kept);
  });
});

import { describe, expect, it } from 'vitest';
import { oncePerBurst } from './once-per-burst';

describe('oncePerBurst', () => {
  it('runs the work once for a burst of calls, and again for the next burst', async () => {
    let runs = 0;
    const schedule = oncePerBurst(() => runs++);
    for (let i = 0; i < 5000; i++) schedule();
    expect(runs).toBe(0);
    await Promise.resolve();
    expect(runs).toBe(1);
    schedule();
    await Promise.resolve();
    expect(runs).toBe(2);
  });

  it('runs after the next frame when asked to wait for the paint', async () => {
    let runs = 0;
    const schedule = oncePerBurst(() => runs++, { afterPaint: true });
    for (let i = 0; i < 5000; i++) schedule();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(0);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(runs).toBe(1);
  });

  it('does not run a burst queued before its signal aborted', async () => {
    let runs = 0;
    const stop = new AbortController();
    const schedule = oncePerBurst(() => runs++, { afterPaint: true, signal: stop.signal });
    schedule();
    stop.abort();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(runs).toBe(0);
  });
});

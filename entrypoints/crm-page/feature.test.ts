import { describe, expect, it, vi } from 'vitest';
import { startFeatures, type Feature, type FeatureContext } from './feature';

describe('startFeatures', () => {
  it('keeps the others running when one feature throws, and stops only the failing one', async () => {
    const main = new AbortController();
    const signals: Record<string, AbortSignal> = {};
    const feature = (name: string, fail: boolean): Feature => ({
      name,
      async init(ctx) {
        signals[name] = ctx.signal;
        if (fail) throw new Error(`${name} broke`);
      },
    });
    const onError = vi.fn();
    const failed = await startFeatures(
      [feature('a', false), feature('broken', true), feature('b', false)],
      { signal: main.signal } as FeatureContext,
      onError,
    );
    expect(failed).toEqual(['broken']);
    expect(onError).toHaveBeenCalledWith('broken', expect.any(Error));
    expect(signals.broken.aborted).toBe(true);
    expect(signals.a.aborted || signals.b.aborted).toBe(false);
    main.abort();
    expect(signals.a.aborted && signals.b.aborted).toBe(true);
  });
});

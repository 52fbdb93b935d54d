import { describe, expect, it, vi } from 'vitest';
import { claimDocument, startFeatures, type Feature, type FeatureContext } from './feature';

describe('claimDocument', () => {
  it('lets the first copy in, keeps a second copy out, and frees the page when the first stops', () => {
    const first = new AbortController();
    const second = new AbortController();
    expect(claimDocument(document, first.signal)).toBe(true);
    expect(document.documentElement.hasAttribute('data-crmx-loaded')).toBe(true);
    expect(claimDocument(document, second.signal)).toBe(false);
    second.abort();
    expect(document.documentElement.hasAttribute('data-crmx-loaded')).toBe(true);
    first.abort();
    expect(document.documentElement.hasAttribute('data-crmx-loaded')).toBe(false);
    const third = new AbortController();
    expect(claimDocument(document, third.signal)).toBe(true);
    third.abort();
  });
});

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

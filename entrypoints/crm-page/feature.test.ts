import { describe, expect, it, vi } from 'vitest';
import { startFeatures, startSwitchedFeatures, type Feature, type FeatureContext } from './feature';
import { ALL_ON, type FeatureSwitches } from '../../lib/feature-switches';
import type { SettingSource } from '../../lib/settings-schema';

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

/** A setting whose value the test changes, telling its watchers as storage does. */
function switchSource(initial: unknown) {
  let value = initial;
  const watchers = new Set<(v: FeatureSwitches) => void>();
  const source: SettingSource<FeatureSwitches> = {
    getValue: async () => value as FeatureSwitches,
    watch(callback) {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
  };
  return {
    source,
    watchers,
    async set(next: Partial<FeatureSwitches>) {
      value = { ...ALL_ON, ...next };
      for (const watcher of watchers) watcher(value as FeatureSwitches);
      // Let the queued apply run.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

describe('startSwitchedFeatures', () => {
  const tracked = () => {
    const log: string[] = [];
    const live = new Map<string, AbortSignal>();
    const feature = (name: string, switches?: Feature['switches']): Feature => ({
      name,
      switches,
      init(ctx) {
        log.push(`start ${name}`);
        live.set(name, ctx.signal);
        ctx.signal.addEventListener('abort', () => log.push(`stop ${name}`), { once: true });
      },
    });
    return { log, live, feature };
  };

  it('never calls the init of a feature whose switch is off, and starts the others', async () => {
    const { log, feature } = tracked();
    const main = new AbortController();
    const switches = switchSource({ followStars: false });
    await startSwitchedFeatures(
      [feature('slot'), feature('stars', ['followStars']), feature('menu', ['rowMenu'])],
      { signal: main.signal } as FeatureContext, switches.source,
    );
    expect(log).toEqual(['start slot', 'start menu']);
  });

  it('gates delete from a file on the batch bar too', async () => {
    const { log, feature } = tracked();
    const switches = switchSource({ batchBar: false, deleteFromFile: true });
    await startSwitchedFeatures(
      [feature('bar', ['batchBar']), feature('file', ['batchBar', 'deleteFromFile'])],
      { signal: new AbortController().signal } as FeatureContext, switches.source,
    );
    expect(log).toEqual([]);
  });

  it('stops a feature switched off live and starts it again when switched back on, in the list order', async () => {
    const { log, live, feature } = tracked();
    const main = new AbortController();
    const switches = switchSource(undefined);
    await startSwitchedFeatures(
      [feature('slot'), feature('bar', ['batchBar']), feature('file', ['batchBar', 'deleteFromFile']), feature('stars', ['followStars'])],
      { signal: main.signal } as FeatureContext, switches.source,
    );
    expect(log.splice(0)).toEqual(['start slot', 'start bar', 'start file', 'start stars']);
    await switches.set({ batchBar: false });
    expect(log.splice(0)).toEqual(['stop bar', 'stop file']);
    expect(live.get('slot')!.aborted).toBe(false);
    await switches.set({});
    expect(log.splice(0)).toEqual(['start bar', 'start file']);
    await switches.set({});
    expect(log.splice(0)).toEqual([]);
    main.abort();
    expect(log.splice(0).sort()).toEqual(['stop bar', 'stop file', 'stop slot', 'stop stars']);
    expect(switches.watchers.size).toBe(0);
  });
});

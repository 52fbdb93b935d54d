// A feature is one file with one init: it gets its own AbortSignal, and a feature that throws (now
// or later, asynchronously) never takes the others down.
import type { HostAdapter } from '../../lib/host/adapter';
import type { RowObserver } from '../../lib/host/observe-rows';
import type { ContentApi } from '../../lib/ui/api';
import type { ChangeFeed } from '../../lib/ui/changes';
import type { OverlayState } from '../../lib/ui/state';
import type { DialogSource } from '../../components/kit/lazy-dialogs';
import { signal as createSignal, type ReadonlySignal } from '@preact/signals';
import { ALL_ON, effectiveSwitches, switchedOn, type FeatureSwitch, type FeatureSwitches } from '../../lib/feature-switches';
import type { SettingSource } from '../../lib/settings-schema';

export interface FeatureContext {
  signal: AbortSignal;
  document: Document;
  adapter: HostAdapter;
  rows: RowObserver;
  state: OverlayState;
  api: ContentApi;
  changes: ChangeFeed;
  /** The dialogs, loaded on first use. */
  dialogs: DialogSource;
  /** The options page's switches as they are now (absent: everything on), for a feature that adapts to them. */
  switches?: ReadonlySignal<FeatureSwitches>;
}

export interface Feature {
  name: string;
  /** The options page's switches that must all be on for this feature to run (none: it always runs). */
  switches?: readonly FeatureSwitch[];
  init(ctx: FeatureContext): void | Promise<void>;
}

export type FeatureErrorHandler = (feature: string, error: unknown) => void;

const logError: FeatureErrorHandler = (feature, error) => console.error(`[crmx] feature "${feature}" failed`, error);

/** Starts one feature under `own` (aborted with ctx.signal too); false when its init failed (it is stopped). */
async function startFeature(feature: Feature, ctx: FeatureContext, own: AbortController, onError: FeatureErrorHandler): Promise<boolean> {
  const stop = () => own.abort();
  ctx.signal.addEventListener('abort', stop, { once: true });
  own.signal.addEventListener('abort', () => ctx.signal.removeEventListener('abort', stop), { once: true });
  try {
    await feature.init({ ...ctx, signal: own.signal });
    return true;
  } catch (error) {
    onError(feature.name, error);
    own.abort();
    return false;
  }
}

/** Starts every feature; returns the names of those whose init failed (they are stopped). */
export async function startFeatures(
  features: Feature[], ctx: FeatureContext, onError: FeatureErrorHandler = logError,
): Promise<string[]> {
  const results = await Promise.all(features.map(async (feature) => (
    (await startFeature(feature, ctx, new AbortController(), onError)) ? null : feature.name
  )));
  return results.filter((name): name is string => name !== null);
}

/**
 * Starts the features whose switches are on, and follows the switches while ctx.signal lives: a feature
 * switched off is aborted (its init's signal: everything it drew, observed or listened to goes), one
 * switched on starts, in the list's order. A feature switched off never had its init called.
 */
export async function startSwitchedFeatures(
  features: Feature[], ctx: FeatureContext, switches: SettingSource<FeatureSwitches>, onError: FeatureErrorHandler = logError,
): Promise<void> {
  const running = new Map<Feature, AbortController>();
  const current = createSignal<FeatureSwitches>(ALL_ON);
  const featureCtx: FeatureContext = { ...ctx, switches: current };
  const apply = async (value: unknown) => {
    const on = effectiveSwitches(value);
    current.value = on;
    const starting: Promise<boolean>[] = [];
    for (const feature of features) {
      const wanted = switchedOn(feature.switches, on);
      const controller = running.get(feature);
      if (controller && !wanted) {
        running.delete(feature);
        controller.abort();
      } else if (!controller && wanted && !ctx.signal.aborted) {
        const own = new AbortController();
        running.set(feature, own);
        own.signal.addEventListener('abort', () => {
          if (running.get(feature) === own) running.delete(feature);
        }, { once: true });
        starting.push(startFeature(feature, featureCtx, own, onError));
      }
    }
    await Promise.all(starting);
  };
  // A change while the first read is under way is applied after it.
  let queue = Promise.resolve();
  const stopWatching = switches.watch((value) => {
    queue = queue.then(() => (ctx.signal.aborted ? undefined : apply(value)));
  });
  ctx.signal.addEventListener('abort', stopWatching, { once: true });
  const first = switches.getValue().catch(() => undefined);
  queue = queue.then(async () => apply(await first));
  await queue;
}

// A feature is one file with one init: it gets its own AbortSignal, and a feature that throws (now
// or later, asynchronously) never takes the others down.
import type { HostAdapter } from '../../lib/host/adapter';
import type { RowObserver } from '../../lib/host/observe-rows';
import type { ContentApi } from '../../lib/ui/api';
import type { ChangeFeed } from '../../lib/ui/changes';
import type { OverlayState } from '../../lib/ui/state';
import type { DialogSource } from '../../components/kit/lazy-dialogs';

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
}

export interface Feature {
  name: string;
  init(ctx: FeatureContext): void | Promise<void>;
}

export type FeatureErrorHandler = (feature: string, error: unknown) => void;

const logError: FeatureErrorHandler = (feature, error) => console.error(`[crmx] feature "${feature}" failed`, error);

/** Starts every feature; returns the names of those whose init failed (they are stopped). */
export async function startFeatures(
  features: Feature[], ctx: FeatureContext, onError: FeatureErrorHandler = logError,
): Promise<string[]> {
  const results = await Promise.all(features.map(async (feature) => {
    const own = new AbortController();
    const stop = () => own.abort();
    ctx.signal.addEventListener('abort', stop, { once: true });
    try {
      await feature.init({ ...ctx, signal: own.signal });
      return null;
    } catch (error) {
      onError(feature.name, error);
      own.abort();
      ctx.signal.removeEventListener('abort', stop);
      return feature.name;
    }
  }));
  return results.filter((name): name is string => name !== null);
}

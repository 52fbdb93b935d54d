// The background's pushes, fanned out to the features that care.
import type { Change } from '../protocol/messages';

export interface ChangeFeed {
  subscribe(listener: (change: Change) => void, signal: AbortSignal): void;
  emit(change: Change): void;
}

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<(change: Change) => void>();
  return {
    subscribe(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    emit(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          console.error('[crmx] change listener failed', error);
        }
      }
    },
  };
}

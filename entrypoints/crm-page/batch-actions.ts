// The batch bar's actions: each batch feature (features/batch-share.ts…) adds its own while it runs,
// and the bar (features/batch-bar.tsx) shows them in the order the page starts the features.
import { signal, type Signal } from '@preact/signals';
import type { BatchAction, BatchTool } from '../../components/batch/batch-action';
import type { Feature } from './feature';

export interface BatchBarEntries {
  actions: Signal<readonly BatchAction[]>;
  tools: Signal<readonly BatchTool[]>;
}

const entries = new WeakMap<object, BatchBarEntries>();

/** The bar's entries of one page (keyed by its overlay state), made on first use. */
export function batchBarEntries(owner: object): BatchBarEntries {
  let found = entries.get(owner);
  if (!found) {
    found = { actions: signal([]), tools: signal([]) };
    entries.set(owner, found);
  }
  return found;
}

/** A feature that puts its actions in the batch bar, and takes them out when it stops. */
export function batchActionFeature(name: string, add: { actions?: readonly BatchAction[]; tools?: readonly BatchTool[] }): Feature {
  return {
    name,
    init({ state, signal: abort }) {
      const bar = batchBarEntries(state);
      const actions = add.actions ?? [];
      const tools = add.tools ?? [];
      bar.actions.value = [...bar.actions.value, ...actions];
      bar.tools.value = [...bar.tools.value, ...tools];
      abort.addEventListener('abort', () => {
        bar.actions.value = bar.actions.value.filter((a) => !actions.includes(a));
        bar.tools.value = bar.tools.value.filter((tool) => !tools.includes(tool));
      }, { once: true });
    },
  };
}

// Loads what the user may do with each customer on the page (and whether they follow it), in
// batches, as rows appear; reloads the ones the background says changed.
import type { Id } from '../../../lib/domain/types';
import type { Feature, FeatureContext } from '../feature';
import { markChanged, setRowStates } from '../../../lib/ui/state';
import { asProtocolError } from '../../../lib/ui/outcome';

// The protocol's most per request: every batch of answers copies the state map and repaints what
// depends on it, so a 5,000-row page in 25 batches of 200 was 25 passes over every row.
const CHUNK = 1000;

export interface RowStateLoader {
  /**
   * Asks for a customer's state in the next batch: its id, or how to read the id when the batch goes out,
   * in a task of its own (reading 5,000 rows' ids inside the host's render was ~20 ms of it).
   */
  want(id: Id | (() => Id | null)): void;
  reload(ids: Id[], fresh?: boolean): Promise<void>;
}

export function createRowStateLoader(ctx: Pick<FeatureContext, 'state' | 'api' | 'signal'>): RowStateLoader {
  const { state, api, signal } = ctx;
  let wanted: (Id | (() => Id | null))[] = [];
  let scheduled = false;

  async function load(ids: Id[], fresh: boolean): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (signal.aborted) return;
      try {
        setRowStates(state, await api.getDecisions(ids.slice(i, i + CHUNK), fresh));
        state.rowStatesError.value = null;
      } catch (error) {
        state.rowStatesError.value = asProtocolError(error);
      }
    }
  }

  return {
    want(id) {
      wanted.push(id);
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const ids = new Set<Id>();
        for (const entry of wanted) {
          const value = typeof entry === 'function' ? entry() : entry;
          if (value !== null && !state.rowStates.value.has(value)) ids.add(value);
        }
        wanted = [];
        void load([...ids], false);
      }, 0);
    },
    reload: (ids, fresh = false) => load(ids, fresh),
  };
}


export const rowStatesFeature: Feature = {
  name: 'row-states',
  init(ctx) {
    const loader = createRowStateLoader(ctx);
    ctx.rows.subscribe('row-states', (row) => {
      loader.want(() => (row.isConnected ? ctx.adapter.rowId(row) : null));
    }, ctx.signal, { eager: true });
    ctx.changes.subscribe((change) => {
      if (change.kind !== 'session' && change.kind !== 'customers' && change.kind !== 'follows') return;
      const onPage = new Set(ctx.rows.rows().map((row) => ctx.adapter.rowId(row)));
      if (change.kind === 'session') ctx.state.rowStates.value = new Map();
      else markChanged(ctx.state, change.ids);
      const ids = change.kind === 'session' ? [...onPage] : change.ids;
      void loader.reload(ids.filter((id): id is Id => id !== null && onPage.has(id)));
    }, ctx.signal);
  },
};

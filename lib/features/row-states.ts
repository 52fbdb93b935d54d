// Loads what the user may do with each customer on the page (and whether they follow it), in
// batches, as rows appear; reloads the ones the background says changed.
import type { Id } from '../domain/types';
import { ReplyError, type ProtocolError } from '../messaging/protocol';
import type { Feature, FeatureContext } from './feature';
import { markChanged, setRowStates } from './state';

// The protocol's most per request: every batch of answers copies the state map and repaints what
// depends on it, so a 5,000-row page in 25 batches of 200 was 25 passes over every row.
const CHUNK = 1000;

export interface RowStateLoader {
  want(id: Id): void;
  reload(ids: Id[], fresh?: boolean): Promise<void>;
}

export function createRowStateLoader(ctx: Pick<FeatureContext, 'state' | 'api' | 'signal'>): RowStateLoader {
  const { state, api, signal } = ctx;
  let wanted = new Set<Id>();
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
      if (state.rowStates.value.has(id)) return;
      wanted.add(id);
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const ids = [...wanted];
        wanted = new Set();
        void load(ids, false);
      }, 0);
    },
    reload: (ids, fresh = false) => load(ids, fresh),
  };
}

export function asProtocolError(error: unknown): ProtocolError {
  if (error instanceof ReplyError) return error.error;
  return { code: 'fault', message: error instanceof Error ? error.message : String(error) };
}

export const rowStatesFeature: Feature = {
  name: 'row-states',
  init(ctx) {
    const loader = createRowStateLoader(ctx);
    // Rows are only noted here (eager, in the host's render task); their ids are read in the next task,
    // out of that render: reading 5,000 ids was ~20 ms of it.
    let arrived: Element[] = [];
    ctx.rows.subscribe('row-states', (row) => {
      if (arrived.push(row) > 1) return;
      setTimeout(() => {
        const rows = arrived;
        arrived = [];
        for (const each of rows) {
          const id = each.isConnected ? ctx.adapter.rowId(each) : null;
          if (id) loader.want(id);
        }
      }, 0);
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

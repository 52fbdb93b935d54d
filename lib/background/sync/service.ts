// The background's sync, wired to the connection and the push channel. One per worker (lib/background/services.ts).
import type { Change } from '../../protocol/messages';
import { listedIds } from '../../rules/index';
import type { ConnectionService } from '../connection';
import type { CrmxDb } from '../store/db';
import { createSync, type Sync } from './sync';

export interface SyncServiceDeps {
  db: CrmxDb;
  now: () => Date;
  push(change: Change): void;
  connection: ConnectionService;
}

export function createSyncService(deps: SyncServiceDeps): Sync {
  return createSync({
    db: deps.db,
    now: deps.now,
    crm: async () => (await deps.connection.current()).crm,
    async listed(crm) {
      if (crm.capabilities.serverRules) return (customers) => customers;
      const { ctx } = await deps.connection.acting(crm);
      return (customers) => {
        const ids = new Set(listedIds(ctx, customers));
        return customers.filter((c) => ids.has(c.id));
      };
    },
    onStatus: (status) => deps.push({ kind: 'sync', status }),
    onCustomers: (ids) => deps.push({ kind: 'customers', ids }),
  });
}

// The background's sync, wired to the connection and the push channel. One per worker (lib/background/services.ts).
import type { Change } from '../../protocol/messages';
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
    onStatus: (status) => deps.push({ kind: 'sync', status }),
    onCustomers: (ids) => deps.push({ kind: 'customers', ids }),
  });
}

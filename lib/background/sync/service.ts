// The background's one sync per database, wired to the connection and the push channel.
import type { HandlerDeps } from '../handlers/core';
import { createConnection } from '../connection';
import type { CrmxDb } from '../store/db';
import { createSync, type Sync } from './sync';

const services = new WeakMap<CrmxDb, Sync>();

export function syncService(deps: HandlerDeps): Sync {
  const known = services.get(deps.db);
  if (known) return known;
  const connection = createConnection(deps);
  const sync = createSync({
    db: deps.db,
    now: deps.now,
    client: async () => (await connection.current()).client,
    onStatus: (status) => deps.push({ kind: 'sync', status }),
    onCustomers: (ids) => deps.push({ kind: 'customers', ids }),
  });
  services.set(deps.db, sync);
  return sync;
}

// Background handlers for the sync area of the protocol (lib/protocol/sync.ts): reads come from the cache
// the sync fills, so the timeline, the org and search work offline.
import { CrmError } from '../../crm-client/errors';
import type { Id, LogEntry } from '../../domain/types';
import { searchCustomers } from '../store/customers';
import { timeline } from '../store/logs';
import { readLastSyncAt } from '../store/meta';
import type { OrgDirectory, SyncProtocol, TimelinePage, TimelineRequest } from '../../protocol/sync';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

const unreachable = (error: unknown) => error instanceof CrmError && (error.unreachable || (error.status ?? 0) >= 500);

export function createSyncHandlers({ db, connection, sync }: Pick<BackgroundServices, 'db' | 'connection' | 'sync'>): Pick<Handlers, keyof SyncProtocol> {

  /**
   * Before the first complete sync, or from a CRM without a change cursor: the customer's page of entries from
   * the CRM, kept in the cache (read from there when the CRM is unreachable).
   */
  async function fromCrm(request: TimelineRequest): Promise<TimelinePage> {
    const { crm } = await connection.current();
    const answer = await crm.customerLogs(request.customerId, {
      types: request.types, from: request.from, to: request.to, limit: request.limit ?? 100,
      before: request.before ? Number(request.before.id) : undefined,
    });
    await db.logs.bulkPut(answer.items);
    const last: LogEntry | undefined = answer.items.at(-1);
    return { items: answer.items, next: answer.nextBefore !== null && last ? { at: last.at, id: last.id } : null, fromCache: false };
  }

  return {
    async syncNow() {
      void sync.run({ again: true }).catch(() => undefined);
      return { ...(await sync.status()), running: true };
    },

    getSyncStatus: () => sync.status(),

    async getTimeline(request) {
      let fromCache = false;
      try {
        if (!(await readLastSyncAt(db))) return await fromCrm(request);
        const { crm } = await connection.current();
        // Without a change cursor (SuiteCRM) no sync brings logs: the customer's come from the CRM each time.
        if (!crm.capabilities.changeCursor) return await fromCrm(request);
        fromCache = !(await sync.catchUpLogs(crm));
      } catch (error) {
        if (!unreachable(error)) throw error;
        fromCache = true;
      }
      return { ...(await timeline(db, request)), fromCache };
    },

    async getChangeRecords(logId: Id) {
      const cached = await db.logs.get(logId);
      if (cached) return cached.changes;
      const { crm } = await connection.current();
      return crm.logChanges(logId);
    },

    async getOrgDirectory(): Promise<OrgDirectory> {
      if ((await db.users.count()) === 0) {
        const { crm } = await connection.current();
        await connection.org(crm, true); // fills the org tables too
      }
      const [departments, roles, users] = await Promise.all([
        db.departments.toArray(), db.roles.toArray(), db.users.toArray(),
      ]);
      const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
      return {
        departments: departments.sort(byName),
        roles: roles.sort(byName),
        users: users.sort(byName).map(({ id, name, email, departmentId, roleId }) => ({ id, name, email, departmentId, roleId })),
      };
    },

    searchCached: (request) => searchCustomers(db, request),
    listFollowed: ({ offset, limit }) => searchCustomers(db, { followedOnly: true, offset, limit }),
  };
}

// Background handlers for the mutations area of the protocol (lib/protocol/mutations.ts): every action
// is pre-checked by the rules and goes through the outbox (lib/background/outbox).
import type { CustomerEdit } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import type { ConflictView, MutationProtocol, PendingAction } from '../../protocol/mutations';
import { customerLabelOf } from '../../protocol/jobs';
import type { RuleId } from '../../rules/types';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

export function createMutationHandlers({ db, outbox }: Pick<BackgroundServices, 'db' | 'outbox'>): Pick<Handlers, keyof MutationProtocol> {

  return {
    editCustomer: ({ id, version, changes }) => outbox.run({ op: 'edit', customerId: id, version, changes }),
    deleteCustomer: ({ id }) => outbox.run({ op: 'delete', customerId: id }),
    restoreCustomer: ({ id }) => outbox.run({ op: 'restore', customerId: id }),
    returnToPool: ({ id, reason }) => outbox.run({ op: 'returnToPool', customerId: id, reason }),
    shareCustomer: ({ id, targets }) => outbox.run({ op: 'share', customerId: id, targets }),

    async getPending() {
      const [rows, conflicts] = await Promise.all([db.outbox.orderBy('id').toArray(), db.conflicts.orderBy('createdAt').toArray()]);
      const ids = [...new Set(rows.map((row) => row.op.customerId))];
      const known = new Map((await db.customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
      const actions: PendingAction[] = rows.map((row) => ({
        id: row.id,
        customerId: row.op.customerId,
        action: row.op.op,
        createdAt: row.createdAt,
        attempts: row.attempts,
        lastError: row.lastError ?? null,
        status: row.status,
        customer: known.has(row.op.customerId) ? customerLabelOf(known.get(row.op.customerId)!) : null,
        error: row.lastErrorCode ? { code: row.lastErrorCode, ...(row.lastErrorRule ? { rule: row.lastErrorRule as RuleId } : {}) } : null,
      }));
      const views: ConflictView[] = conflicts.map((c) => ({
        id: c.id, customerId: c.customerId, createdAt: c.createdAt, mine: c.mine as CustomerEdit, theirs: c.current,
      }));
      return { actions, conflicts: views };
    },

    async resolveConflict({ id, keep }) {
      const conflict = await db.conflicts.get(id);
      if (!conflict) throw new CrmError({ code: 'not_found', message: `No conflict ${id} (already resolved?)` });
      await db.conflicts.delete(id);
      void outbox.outbox.pushPending();
      if (keep === 'theirs') return null;
      // Mine over theirs: my changes again, against the version the CRM answered.
      return outbox.run({ op: 'edit', customerId: conflict.customerId, version: conflict.current.version, changes: conflict.mine as CustomerEdit });
    },

    async dismissPending({ id }) {
      const row = await db.outbox.get(id);
      if (!row) return null;
      if (row.status !== 'failed') throw new CrmError({ code: 'not_dismissable', message: 'Only a failed action can be dismissed; a pending one is still to be sent' });
      await db.outbox.delete(id);
      await outbox.outbox.pushPending();
      return null;
    },
  };
}

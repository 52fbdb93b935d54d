// Background handlers for the pool area of the protocol (lib/protocol/pool.ts).
import type { Customer, Id } from '../../domain/types';
import { decide } from '../../rules/index';
import type { AskWhom, RuleId } from '../../rules/types';
import type { PoolProtocol } from '../../protocol/pool';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';
import { askView, orgNames } from '../views';

/** A customer waiting in the pool, as far as the rules need it. */
function waitingIn(poolId: Id | null): Customer {
  return {
    id: '', code: '', name: '', email: '', phone: '', source: '', businessField: '', aeId: null, csrId: null, poolId,
    shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: [], version: 1, createdAt: '', updatedAt: '', deletedAt: null,
  };
}

export function createPoolHandlers(
  { now, connection, outbox, poolSeen }: Pick<BackgroundServices, 'now' | 'connection' | 'outbox' | 'poolSeen'>,
): Pick<Handlers, keyof PoolProtocol> {

  return {
    async listPool({ page, pageSize, q }) {
      const { crm } = await connection.current();
      const acting = await connection.acting(crm);
      const answer = await crm.pool({ page, pageSize, q: q?.trim() || undefined });
      poolSeen.remember(answer.items);
      let refusal = null;
      if (answer.pools.length === 0) {
        // Whom to ask, by the rules: each pool's administrators, then the administrators, once each.
        let rule: RuleId = 'not-pool-member';
        const asks = new Map<AskWhom['kind'], Set<Id>>();
        const pools = acting.org.pools.length > 0 ? acting.org.pools.map((p) => p.id) : [null];
        for (const poolId of pools) {
          const d = decide(acting.ctx, waitingIn(poolId), 'pickUp', now());
          if (d.allowed) continue;
          rule = d.rule;
          for (const a of d.ask) {
            const ids = asks.get(a.kind) ?? new Set<Id>();
            for (const id of a.userIds) ids.add(id);
            asks.set(a.kind, ids);
          }
        }
        const ask = [...asks].map(([kind, ids]) => ({ kind, userIds: [...ids] }));
        refusal = { rule, ask: askView(ask, orgNames(acting.org)) };
      }
      return { ...answer, refusal };
    },

    pickUp: ({ id }) => outbox.run({ op: 'pickUp', customerId: id }),
  };
}

import type { Customer } from '../domain/types';
import { allow, refusalsFor, type Refusals } from './decisions';
import { editRule, listRule } from './scope';
import { ACTIONS, type Action, type Decision, type RuleId, type UserContext } from './types';

export const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

/** One user and one customer: list/edit scope computed at most once (decideAll asks for it for every action). */
class Facts {
  private list: RuleId | null | undefined;
  private edit: RuleId | null | undefined;
  constructor(readonly ctx: UserContext, readonly c: Customer, readonly refusals: Refusals) {}
  listRule(): RuleId | null {
    return this.list === undefined ? (this.list = listRule(this.ctx, this.c)) : this.list;
  }
  editRule(): RuleId | null {
    return this.edit === undefined ? (this.edit = editRule(this.ctx, this.c)) : this.edit;
  }
}

function decideRestore({ ctx, c, refusals }: Facts, now: Date | undefined): Decision {
  if (!c.deletedAt) return refusals.noOne('restore', 'not-deleted');
  if (!ctx.isAdmin) return refusals.administrators('restore', 'administrator-only');
  const deletedAt = Date.parse(c.deletedAt);
  if (Number.isNaN(deletedAt)) throw new Error(`customer "${c.id}": deletedAt is not an ISO time: "${c.deletedAt}"`);
  if ((now ?? new Date()).getTime() - deletedAt > RESTORE_WINDOW_MS) return refusals.noOne('restore', 'restore-expired');
  return allow('restore', 'administrator');
}

function decideReturnToPool({ ctx, c, refusals }: Facts): Decision {
  if (c.aeId === null) return refusals.noOne('returnToPool', 'already-in-pool');
  if (c.aeId === ctx.userId) return allow('returnToPool', 'account-executive');
  if (c.poolId !== null && ctx.administeredPoolIds.has(c.poolId)) return allow('returnToPool', 'pool-admin');
  return refusals.returnToPool(c.poolId);
}

/** Pick up: a live customer without an AE, from a pool the user belongs to (or administers; administrators: any). */
function decidePickUp({ ctx, c, refusals }: Facts): Decision {
  if (c.aeId !== null) return refusals.noOne('pickUp', 'has-account-executive');
  const poolId = c.poolId;
  if (poolId !== null && ctx.administeredPoolIds.has(poolId)) return allow('pickUp', 'pool-admin');
  if (poolId !== null && ctx.memberPoolIds.has(poolId)) return allow('pickUp', 'pool-member');
  if (ctx.isAdmin) return allow('pickUp', 'administrator');
  return refusals.pickUp(poolId);
}

function decideWith(facts: Facts, action: Action, now: Date | undefined): Decision {
  const { ctx, c, refusals } = facts;
  if (!ctx.known) return refusals.administrators(action, 'unknown-user');
  if (action === 'restore') return decideRestore(facts, now);
  if (c.deletedAt) return refusals.administrators(action, 'deleted');
  switch (action) {
    case 'list':
    case 'view': {
      const rule = facts.listRule();
      return rule ? allow(action, rule) : refusals.manager(action, 'not-listed');
    }
    case 'follow':
      return facts.listRule() ? allow(action, 'listed') : refusals.manager(action, 'not-listed');
    case 'edit':
    case 'share':
    case 'cancelShare':
    case 'setLabels':
    case 'addLabels': {
      const rule = facts.editRule();
      return rule ? allow(action, rule) : refusals.manager(action, 'edit-required');
    }
    case 'delete':
      return ctx.isAdmin ? allow(action, 'administrator') : refusals.administrators(action, 'administrator-only');
    case 'returnToPool':
      return decideReturnToPool(facts);
    case 'pickUp':
      return decidePickUp(facts);
  }
}

/**
 * Whether the user may take the action on the customer, which rule says so, and whom to ask when refused.
 * `now` (default: the current time) only matters for restore's 30-day window.
 * The Decision is frozen and shared with other calls: copy it before changing it.
 */
export function decide(ctx: UserContext, customer: Customer, action: Action, now?: Date): Decision {
  if (!ACTION_SET.has(action)) {
    throw new TypeError(`decide: unknown action "${String(action)}" (expected one of ${ACTIONS.join(', ')})`);
  }
  return decideWith(new Facts(ctx, customer, refusalsFor(ctx)), action, now);
}

/** Every action's decision for one customer (scope computed once). */
export function decideAll(ctx: UserContext, customer: Customer, now?: Date): Record<Action, Decision> {
  const f = new Facts(ctx, customer, refusalsFor(ctx));
  // A literal, not a loop over ACTIONS: one fixed shape is several times faster; the type checks every action is here.
  return {
    list: decideWith(f, 'list', now), view: decideWith(f, 'view', now), edit: decideWith(f, 'edit', now),
    delete: decideWith(f, 'delete', now), restore: decideWith(f, 'restore', now),
    returnToPool: decideWith(f, 'returnToPool', now), share: decideWith(f, 'share', now),
    cancelShare: decideWith(f, 'cancelShare', now), setLabels: decideWith(f, 'setLabels', now),
    addLabels: decideWith(f, 'addLabels', now), follow: decideWith(f, 'follow', now), pickUp: decideWith(f, 'pickUp', now),
  };
}

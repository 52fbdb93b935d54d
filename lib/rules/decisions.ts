import type { Id } from '../domain/types';
import { askAdministrators, askManager, askPoolAdminOrAdministrators, askPoolAdminOrManager, NO_ONE } from './ask';
import { allowedReason, refusedReason } from './reasons';
import { ACTIONS, type Action, type AskWhom, type Decision, type RuleId, type UserContext } from './types';

// Decisions are frozen and shared: deciding 100,000 customers then allocates no Decision objects at all.
// Copy one before changing it.

// A flat array per cache, indexed by action and rule: Map look-ups here cost more than deciding itself.
const RULE_INDEX: Record<RuleId, number> = {
  administrator: 0, 'account-executive': 1, 'customer-service': 2, 'subordinate-ae': 3, 'permission-group': 4,
  'permission-group-edit': 5, 'shared-user': 6, 'shared-department': 7, 'shared-role': 8, 'pool-admin': 9, listed: 10,
  'not-listed': 11, 'edit-required': 12, 'administrator-only': 13, 'pool-admin-or-ae-only': 14, 'already-in-pool': 15,
  deleted: 16, 'not-deleted': 17, 'restore-expired': 18, 'unknown-user': 19, 'reassign-not-allowed': 20,
  'return-to-pool-required': 21, 'pool-member': 22, 'has-account-executive': 23, 'not-pool-member': 24,
};
const RULE_COUNT = Object.keys(RULE_INDEX).length;
const ACTION_INDEX = Object.fromEntries(ACTIONS.map((action, i) => [action, i])) as Record<Action, number>;

type Cache = (Decision | undefined)[];

function freeze(allowed: boolean, action: Action, rule: RuleId, ask: readonly AskWhom[]): Decision {
  const reason = allowed ? allowedReason(action, rule) : refusedReason(action, rule);
  return Object.freeze({ allowed, rule, reason, ask: ask as AskWhom[] });
}

function cached(cache: Cache, action: Action, rule: RuleId, make: () => Decision): Decision {
  const key = ACTION_INDEX[action] * RULE_COUNT + RULE_INDEX[rule];
  return cache[key] ?? (cache[key] = make());
}

// Allowed decisions carry no ask, so they are the same for every user.
const ALLOWED: Cache = [];

export function allow(action: Action, rule: RuleId): Decision {
  return cached(ALLOWED, action, rule, () => freeze(true, action, rule, NO_ONE));
}

/** Refusals of one user: whom to ask depends on the user (and, for return to the pool, on the pool). */
export class Refusals {
  private readonly byActionAndRule: Cache = [];
  private readonly returnToPoolByPool = new Map<Id | null, Decision>();
  private readonly pickUpByPool = new Map<Id | null, Decision>();

  constructor(private readonly ctx: UserContext) {}

  /** Refused, ask the user's manager (list/view/edit/share/cancel/labels/follow). */
  manager(action: Action, rule: RuleId): Decision {
    return cached(this.byActionAndRule, action, rule, () => freeze(false, action, rule, askManager(this.ctx)));
  }

  /** Refused, ask the administrators (delete/restore, a deleted customer, an unknown user). */
  administrators(action: Action, rule: RuleId): Decision {
    return cached(this.byActionAndRule, action, rule, () => freeze(false, action, rule, askAdministrators(this.ctx)));
  }

  /** Refused and nobody can grant it (a state, not a right: already in the pool, nothing to restore, too late). */
  noOne(action: Action, rule: RuleId): Decision {
    return cached(this.byActionAndRule, action, rule, () => freeze(false, action, rule, NO_ONE));
  }

  /** Return to the pool refused: ask the pool's administrators, then the user's manager. */
  returnToPool(poolId: Id | null): Decision {
    let decision = this.returnToPoolByPool.get(poolId);
    if (!decision) {
      decision = freeze(false, 'returnToPool', 'pool-admin-or-ae-only', askPoolAdminOrManager(this.ctx, poolId));
      this.returnToPoolByPool.set(poolId, decision);
    }
    return decision;
  }

  /** Pick up refused to a non-member: the pool's administrators (who know who belongs), then the administrators. */
  pickUp(poolId: Id | null): Decision {
    let decision = this.pickUpByPool.get(poolId);
    if (!decision) {
      decision = freeze(false, 'pickUp', 'not-pool-member', askPoolAdminOrAdministrators(this.ctx, poolId));
      this.pickUpByPool.set(poolId, decision);
    }
    return decision;
  }
}

const refusalsByContext = new WeakMap<UserContext, Refusals>();

export function refusalsFor(ctx: UserContext): Refusals {
  let refusals = refusalsByContext.get(ctx);
  if (!refusals) refusalsByContext.set(ctx, (refusals = new Refusals(ctx)));
  return refusals;
}

import type { Customer } from '../domain/types';
import { askAdministrators, askManager, askPoolAdminOrManager, NO_ONE } from './ask';
import { allowedReason, refusedReason } from './reasons';
import { editRule, listRule } from './scope';
import { ACTIONS, type Action, type AskWhom, type Decision, type RuleId, type UserContext } from './types';

export const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

function allow(action: Action, rule: RuleId): Decision {
  return { allowed: true, rule, reason: allowedReason(action, rule), ask: NO_ONE };
}

function refuse(action: Action, rule: RuleId, ask: AskWhom[]): Decision {
  return { allowed: false, rule, reason: refusedReason(action, rule), ask };
}

/** Computes list/edit scope at most once per customer, for decideAll. */
class Facts {
  private list: RuleId | null | undefined;
  private edit: RuleId | null | undefined;
  constructor(readonly ctx: UserContext, readonly c: Customer) {}
  listRule(): RuleId | null {
    return this.list === undefined ? (this.list = listRule(this.ctx, this.c)) : this.list;
  }
  editRule(): RuleId | null {
    return this.edit === undefined ? (this.edit = editRule(this.ctx, this.c)) : this.edit;
  }
}

function decideRestore(ctx: UserContext, c: Customer, now: Date): Decision {
  if (!c.deletedAt) return refuse('restore', 'not-deleted', NO_ONE);
  if (!ctx.isAdmin) return refuse('restore', 'administrator-only', askAdministrators(ctx));
  const deletedAt = Date.parse(c.deletedAt);
  if (Number.isNaN(deletedAt)) throw new Error(`customer "${c.id}": deletedAt is not an ISO time: "${c.deletedAt}"`);
  if (now.getTime() - deletedAt > RESTORE_WINDOW_MS) return refuse('restore', 'restore-expired', NO_ONE);
  return allow('restore', 'administrator');
}

function decideReturnToPool(ctx: UserContext, c: Customer): Decision {
  if (c.aeId === null) return refuse('returnToPool', 'already-in-pool', NO_ONE);
  if (c.aeId === ctx.userId) return allow('returnToPool', 'account-executive');
  if (c.poolId !== null && ctx.administeredPoolIds.has(c.poolId)) return allow('returnToPool', 'pool-admin');
  return refuse('returnToPool', 'pool-admin-or-ae-only', askPoolAdminOrManager(ctx, c.poolId));
}

function decideWith(facts: Facts, action: Action, now: Date): Decision {
  const { ctx, c } = facts;
  if (!ctx.known) return refuse(action, 'unknown-user', askAdministrators(ctx));
  if (action === 'restore') return decideRestore(ctx, c, now);
  if (c.deletedAt) return refuse(action, 'deleted', askAdministrators(ctx));
  switch (action) {
    case 'list':
    case 'view': {
      const rule = facts.listRule();
      return rule ? allow(action, rule) : refuse(action, 'not-listed', askManager(ctx));
    }
    case 'follow':
      return facts.listRule() ? allow(action, 'listed') : refuse(action, 'not-listed', askManager(ctx));
    case 'edit':
    case 'share':
    case 'cancelShare':
    case 'setLabels':
    case 'addLabels': {
      const rule = facts.editRule();
      return rule ? allow(action, rule) : refuse(action, 'edit-required', askManager(ctx));
    }
    case 'delete':
      return ctx.isAdmin ? allow(action, 'administrator') : refuse(action, 'administrator-only', askAdministrators(ctx));
    case 'returnToPool':
      return decideReturnToPool(ctx, c);
  }
}

function checkAction(action: Action): void {
  if (!ACTION_SET.has(action)) throw new TypeError(`decide: unknown action "${String(action)}" (expected one of ${ACTIONS.join(', ')})`);
}

/** Whether the user may take the action on the customer, which rule says so, and whom to ask when refused. */
export function decide(ctx: UserContext, customer: Customer, action: Action, now: Date = new Date()): Decision {
  checkAction(action);
  return decideWith(new Facts(ctx, customer), action, now);
}

/** Every action's decision for one customer (scope computed once). */
export function decideAll(ctx: UserContext, customer: Customer, now: Date = new Date()): Record<Action, Decision> {
  const facts = new Facts(ctx, customer);
  const out = {} as Record<Action, Decision>;
  for (const action of ACTIONS) out[action] = decideWith(facts, action, now);
  return out;
}

import type { Customer, Id } from '../domain/types';
import type { RuleId, UserContext } from './types';

function anyIn(ids: readonly Id[], set: ReadonlySet<Id>): boolean {
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i])) return true;
  return false;
}

/**
 * THE precedence order. When several rules cover a customer, the first one here names the decision: the most
 * direct relation wins (AE, CSR, hierarchy, permission groups, shares, then the administrator's see-everything).
 * The first four also grant edit, so the rule that allows edit is also the rule that allows list.
 * scopeRule() below checks the rules in exactly this order (written out by hand: a table of closures made
 * listedIds over 100,000 customers twice as slow).
 */
export const RULE_PRECEDENCE = [
  'account-executive', 'customer-service', 'subordinate-ae', 'permission-group-edit',
  'permission-group', 'shared-user', 'shared-role', 'shared-department', 'administrator',
] as const satisfies readonly RuleId[];

function scopeRule(ctx: UserContext, c: Customer, editOnly: boolean): RuleId | null {
  if (!ctx.known || c.deletedAt) return null;
  const aeId = c.aeId;
  if (aeId === ctx.userId) return 'account-executive';
  if (c.csrId === ctx.userId) return 'customer-service';
  // The seed's remark: a member of a permission group with edit rights loses the subordinates' AE customers.
  if (!ctx.inEditGroup && aeId !== null && ctx.subordinateIds.size > 0 && ctx.subordinateIds.has(aeId)) return 'subordinate-ae';
  if (ctx.editGroupCustomerIds.size > 0 && ctx.editGroupCustomerIds.has(c.id)) return 'permission-group-edit';
  if (editOnly) return null;
  if (ctx.viewGroupCustomerIds.size > 0 && ctx.viewGroupCustomerIds.has(c.id)) return 'permission-group';
  const s = c.shares;
  if (s.userIds.length > 0 && s.userIds.includes(ctx.userId)) return 'shared-user';
  if (ctx.roleId !== null && s.roleIds.length > 0 && s.roleIds.includes(ctx.roleId)) return 'shared-role';
  if (s.departmentIds.length > 0 && anyIn(s.departmentIds, ctx.departmentAndAncestorIds)) return 'shared-department';
  if (ctx.isAdmin) return 'administrator';
  return null;
}

/** The rule that puts a customer in the user's list, or null. Deleted customers (deletedAt set) are listed for no one. */
export function listRule(ctx: UserContext, c: Customer): RuleId | null {
  return scopeRule(ctx, c, false);
}

/** The rule that lets the user edit a live customer, or null. */
export function editRule(ctx: UserContext, c: Customer): RuleId | null {
  return scopeRule(ctx, c, true);
}

/**
 * Ids of the customers listed for the user, in input order. Same rules as listRule() without naming one:
 * the user's fields are read once and checks that cannot match for this user are skipped, because this runs
 * over every customer (the rules benchmark, P7, times it). properties.test.ts checks it agrees with decide(…, 'list').
 */
export function listedIds(ctx: UserContext, customers: Iterable<Customer>): Id[] {
  const ids: Id[] = [];
  if (!ctx.known) return ids;
  const list = Array.isArray(customers) ? (customers as readonly Customer[]) : [...customers];
  if (ctx.isAdmin) {
    for (let i = 0; i < list.length; i++) if (!list[i].deletedAt) ids.push(list[i].id);
    return ids;
  }
  const { userId, roleId, departmentAndAncestorIds: departments } = ctx;
  const subordinates = !ctx.inEditGroup && ctx.subordinateIds.size > 0 ? ctx.subordinateIds : null;
  const groups = groupCustomerIds(ctx);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c.deletedAt) continue;
    const aeId = c.aeId;
    const s = c.shares;
    if (
      aeId === userId || c.csrId === userId
      || (subordinates !== null && aeId !== null && subordinates.has(aeId))
      || (groups !== null && groups.has(c.id))
      || (s.userIds.length > 0 && s.userIds.includes(userId))
      || (roleId !== null && s.roleIds.length > 0 && s.roleIds.includes(roleId))
      || (s.departmentIds.length > 0 && anyIn(s.departmentIds, departments))
    ) ids.push(c.id);
  }
  return ids;
}

/** Customers of all the user's permission groups as one set (null when none), so listing costs one look-up. */
function groupCustomerIds(ctx: UserContext): ReadonlySet<Id> | null {
  const edit = ctx.editGroupCustomerIds;
  const view = ctx.viewGroupCustomerIds;
  if (edit.size === 0) return view.size === 0 ? null : view;
  if (view.size === 0) return edit;
  return new Set([...edit, ...view]);
}

import type { Customer, Id } from '../domain/types';
import type { RuleId, UserContext } from './types';

interface ScopeRule {
  rule: RuleId;
  /** True when the rule grants edit as well as list/view (the seed's "Customers who can be edited"). */
  grantsEdit: boolean;
  covers: (ctx: UserContext, c: Customer) => boolean;
}

function anyIn(ids: readonly Id[], set: ReadonlySet<Id>): boolean {
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i])) return true;
  return false;
}

/**
 * THE precedence order. When several rules cover a customer, the first one here names the decision: the most
 * direct relation wins (AE, CSR, hierarchy, permission groups, shares, then the administrator's see-everything).
 * Edit-granting rules come first, so the rule that allows edit is also the rule that allows list.
 */
export const SCOPE_RULES: readonly ScopeRule[] = [
  { rule: 'account-executive', grantsEdit: true, covers: (ctx, c) => c.aeId === ctx.userId },
  { rule: 'customer-service', grantsEdit: true, covers: (ctx, c) => c.csrId === ctx.userId },
  // The seed's remark: a member of a permission group with edit rights loses the subordinates' AE customers.
  {
    rule: 'subordinate-ae',
    grantsEdit: true,
    covers: (ctx, c) => !ctx.inEditGroup && c.aeId !== null && ctx.subordinateIds.has(c.aeId),
  },
  { rule: 'permission-group-edit', grantsEdit: true, covers: (ctx, c) => ctx.editGroupCustomerIds.has(c.id) },
  { rule: 'permission-group', grantsEdit: false, covers: (ctx, c) => ctx.viewGroupCustomerIds.has(c.id) },
  { rule: 'shared-user', grantsEdit: false, covers: (ctx, c) => c.shares.userIds.includes(ctx.userId) },
  { rule: 'shared-role', grantsEdit: false, covers: (ctx, c) => ctx.roleId !== null && c.shares.roleIds.includes(ctx.roleId) },
  {
    rule: 'shared-department',
    grantsEdit: false,
    covers: (ctx, c) => anyIn(c.shares.departmentIds, ctx.departmentAndAncestorIds),
  },
  { rule: 'administrator', grantsEdit: false, covers: (ctx) => ctx.isAdmin },
];

export const RULE_PRECEDENCE: readonly RuleId[] = SCOPE_RULES.map((r) => r.rule);

const EDIT_RULES = SCOPE_RULES.filter((r) => r.grantsEdit);

/** The rule that puts a live customer in the user's list, or null. Deleted customers are listed for no one. */
export function listRule(ctx: UserContext, c: Customer): RuleId | null {
  if (!ctx.known || c.deletedAt) return null;
  for (let i = 0; i < SCOPE_RULES.length; i++) if (SCOPE_RULES[i].covers(ctx, c)) return SCOPE_RULES[i].rule;
  return null;
}

/** The rule that lets the user edit a live customer, or null. */
export function editRule(ctx: UserContext, c: Customer): RuleId | null {
  if (!ctx.known || c.deletedAt) return null;
  for (let i = 0; i < EDIT_RULES.length; i++) if (EDIT_RULES[i].covers(ctx, c)) return EDIT_RULES[i].rule;
  return null;
}

/** Ids of the customers listed for the user, in input order. Builds no decisions or reasons. */
export function listedIds(ctx: UserContext, customers: Iterable<Customer>): Id[] {
  const ids: Id[] = [];
  if (!ctx.known) return ids;
  for (const c of customers) if (listRule(ctx, c) !== null) ids.push(c.id);
  return ids;
}

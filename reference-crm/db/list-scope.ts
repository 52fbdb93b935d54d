// The rules' list scope (lib/rules/scope.ts, listedIds) as a condition the database evaluates, built from the
// same UserContext. lib/rules stays the definition: list-scope.test.ts checks, over random orgs and users,
// that the database lists exactly what listedIds lists.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { UserContext } from '../../lib/rules';
import type { Schema } from './schema';

type Eb = ExpressionBuilder<Schema, 'customers'>;

export function listScope(eb: Eb, ctx: UserContext, engine: 'sqlite' | 'postgres'): Expression<SqlBool> {
  return engine === 'sqlite' ? listScopeByUnion(eb, ctx) : listScopeByRules(eb, ctx);
}

/**
 * Each rule tested on each customer. PostgreSQL plans this best (bitmap scans of the indexes, OR-ed); SQLite would
 * test every customer: listScopeByUnion is its form. Both are checked against lib/rules (list-scope.test.ts).
 */
export function listScopeByRules(eb: Eb, ctx: UserContext): Expression<SqlBool> {
  if (!ctx.known) return sql<SqlBool>`1 = 0`;
  const live = eb('customers.deleted_at', 'is', null);
  if (ctx.isAdmin) return live;
  const userId = ctx.userId;
  const any: Expression<SqlBool>[] = [eb('customers.ae_id', '=', userId), eb('customers.csr_id', '=', userId)];
  if (!ctx.inEditGroup && ctx.subordinateIds.size > 0) any.push(eb('customers.ae_id', 'in', [...ctx.subordinateIds]));
  if (ctx.roleId !== null && (ctx.editGroupCustomerIds.size > 0 || ctx.viewGroupCustomerIds.size > 0)) {
    any.push(eb('customers.id', 'in', eb.selectFrom('permission_group_customers as pgc')
      .innerJoin('permission_group_roles as pgr', 'pgr.group_id', 'pgc.group_id')
      .where('pgr.role_id', '=', ctx.roleId)
      .select('pgc.customer_id')));
  }
  any.push(eb.exists(eb.selectFrom('shares as s').select(sql`1`.as('one')).whereRef('s.customer_id', '=', 'customers.id')
    .where((se) => {
      const shared = [se.and([se('s.kind', '=', 'user'), se('s.target_id', '=', userId)])];
      if (ctx.roleId !== null) shared.push(se.and([se('s.kind', '=', 'role'), se('s.target_id', '=', ctx.roleId)]));
      if (ctx.departmentAndAncestorIds.size > 0) {
        shared.push(se.and([se('s.kind', '=', 'department'), se('s.target_id', 'in', [...ctx.departmentAndAncestorIds])]));
      }
      return se.or(shared);
    })));
  return eb.and([live, eb.or(any)]);
}

export function listScopeByUnion(eb: Eb, ctx: UserContext): Expression<SqlBool> {
  if (!ctx.known) return sql<SqlBool>`1 = 0`;
  const live = eb('customers.deleted_at', 'is', null);
  if (ctx.isAdmin) return live;
  const userId = ctx.userId;
  // One id set per rule, united: each comes from an index (AE, CSR, shares by target, groups by role), so the
  // database reads the customers the user reaches rather than testing every customer against every rule.
  const byAe = (ids: string[]) => eb.selectFrom('customers as c').select('c.id').where('c.ae_id', 'in', ids);
  let reached = byAe([userId])
    .union(eb.selectFrom('customers as c').select('c.id').where('c.csr_id', '=', userId))
    .union(eb.selectFrom('shares as s').select('s.customer_id as id').where('s.kind', '=', 'user').where('s.target_id', '=', userId));
  // The seed's remark: a member of a permission group with edit rights loses the subordinates' AE customers.
  if (!ctx.inEditGroup && ctx.subordinateIds.size > 0) reached = reached.union(byAe([...ctx.subordinateIds]));
  // The customers of the user's role's permission groups (editGroupCustomerIds ∪ viewGroupCustomerIds), read
  // where they are stored rather than sent: a group may hold tens of thousands.
  if (ctx.roleId !== null && (ctx.editGroupCustomerIds.size > 0 || ctx.viewGroupCustomerIds.size > 0)) {
    reached = reached.union(eb.selectFrom('permission_group_customers as pgc')
      .innerJoin('permission_group_roles as pgr', 'pgr.group_id', 'pgc.group_id')
      .where('pgr.role_id', '=', ctx.roleId)
      .select('pgc.customer_id as id'));
  }
  if (ctx.roleId !== null) {
    reached = reached.union(eb.selectFrom('shares as s').select('s.customer_id as id').where('s.kind', '=', 'role').where('s.target_id', '=', ctx.roleId));
  }
  if (ctx.departmentAndAncestorIds.size > 0) {
    reached = reached.union(eb.selectFrom('shares as s').select('s.customer_id as id')
      .where('s.kind', '=', 'department').where('s.target_id', 'in', [...ctx.departmentAndAncestorIds]));
  }
  return eb.and([live, eb('customers.id', 'in', reached)]);
}

/** Whether the user may pick up from a free customer's pool (lib/rules/pool.ts, pickableIds), as a condition. */
export function pickScope(eb: Eb, ctx: UserContext): Expression<SqlBool> {
  if (!ctx.known) return sql<SqlBool>`1 = 0`;
  const free = eb.and([eb('customers.deleted_at', 'is', null), eb('customers.ae_id', 'is', null)]);
  if (ctx.isAdmin) return free;
  const pools = [...new Set([...ctx.memberPoolIds, ...ctx.administeredPoolIds])];
  if (pools.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.and([free, eb('customers.pool_id', 'in', pools)]);
}

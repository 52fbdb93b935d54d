// The rules' list scope (lib/rules/scope.ts, listedIds) as a condition the database evaluates, built from the
// same UserContext. lib/rules stays the definition: list-scope.test.ts checks, over random orgs and users,
// that the database lists exactly what listedIds lists.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { UserContext } from '../../lib/rules';
import type { Schema } from './schema';

type Eb = ExpressionBuilder<Schema, 'customers'>;

export function listScope(eb: Eb, ctx: UserContext): Expression<SqlBool> {
  if (!ctx.known) return sql<SqlBool>`1 = 0`;
  const live = eb('customers.deleted_at', 'is', null);
  if (ctx.isAdmin) return live;
  const userId = ctx.userId;
  const any: Expression<SqlBool>[] = [eb('customers.ae_id', '=', userId), eb('customers.csr_id', '=', userId)];
  // The seed's remark: a member of a permission group with edit rights loses the subordinates' AE customers.
  if (!ctx.inEditGroup && ctx.subordinateIds.size > 0) any.push(eb('customers.ae_id', 'in', [...ctx.subordinateIds]));
  // The customers of the user's role's permission groups (editGroupCustomerIds ∪ viewGroupCustomerIds), read
  // where they are stored rather than sent: a group may hold tens of thousands.
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

/** Whether the user may pick up from a free customer's pool (lib/rules/pool.ts, pickableIds), as a condition. */
export function pickScope(eb: Eb, ctx: UserContext): Expression<SqlBool> {
  if (!ctx.known) return sql<SqlBool>`1 = 0`;
  const free = eb.and([eb('customers.deleted_at', 'is', null), eb('customers.ae_id', 'is', null)]);
  if (ctx.isAdmin) return free;
  const pools = [...new Set([...ctx.memberPoolIds, ...ctx.administeredPoolIds])];
  if (pools.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.and([free, eb('customers.pool_id', 'in', pools)]);
}

// Turning rules decisions and customers into what the UIs show: ids resolved to names.
import type { Customer, Id, Org } from '../domain/types';
import { ACTIONS, type AskWhom, type Decision } from '../rules/types';
import type { AskView, CustomerDetails, Decisions, DecisionView } from '../protocol/messages';

export interface OrgNames {
  user(id: Id | null): string | null;
  department(id: Id): string;
  role(id: Id): string;
  pool(id: Id | null): string | null;
}

export function orgNames(org: Org | null): OrgNames {
  const users = new Map(org?.users.map((u) => [u.id, u.name]));
  const departments = new Map(org?.departments.map((d) => [d.id, d.name]));
  const roles = new Map(org?.roles.map((r) => [r.id, r.name]));
  const pools = new Map(org?.pools.map((p) => [p.id, p.name]));
  return {
    user: (id) => (id === null ? null : users.get(id) ?? id),
    department: (id) => departments.get(id) ?? id,
    role: (id) => roles.get(id) ?? id,
    pool: (id) => (id === null ? null : pools.get(id) ?? id),
  };
}

export function askView(ask: readonly AskWhom[], names: OrgNames): AskView[] {
  return ask.map((a) => ({ kind: a.kind, userIds: [...a.userIds], names: a.userIds.map((id) => names.user(id) ?? id) }));
}

export function decisionsView(decisions: Record<(typeof ACTIONS)[number], Decision>, names: OrgNames): Decisions {
  const view = {} as Decisions;
  for (const action of ACTIONS) {
    const d = decisions[action];
    const item: DecisionView = { allowed: d.allowed, rule: d.rule, reason: d.reason, ask: askView(d.ask, names) };
    view[action] = item;
  }
  return view;
}

export function detailsView(
  customer: Customer, names: OrgNames, decisions: Decisions, followed: boolean, fromCache: boolean, listedAfterReturn?: boolean,
): CustomerDetails {
  return {
    customer,
    aeName: names.user(customer.aeId),
    csrName: names.user(customer.csrId),
    poolName: names.pool(customer.poolId),
    shares: {
      departments: customer.shares.departmentIds.map(names.department),
      roles: customer.shares.roleIds.map(names.role),
      users: customer.shares.userIds.map((id) => names.user(id) ?? id),
    },
    followed,
    decisions,
    fromCache,
    ...(listedAfterReturn === undefined ? {} : { listedAfterReturn }),
  };
}

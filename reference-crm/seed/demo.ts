// Deterministic demo data for the reference CRM: a realistic organisation and thousands of customers.
import type { SeedCustomer, SeedFile, SeedFollow, SeedLog } from './format';
import { Dice, makeCustomer, prng } from './demo-customers';
import { DEPARTMENTS, EDIT_GROUP, POOLS, ROLES, SALES_REP_IDS, USERS, VIEW_GROUP } from './demo-org';
import { BUSINESS_FIELDS, RETURN_REASONS } from './demo-words';

export interface DemoSeedOptions {
  /** How many customers (default 5,000). */
  customers?: number;
  /** PRNG seed: the same seed and count give the same data (default 20240823). */
  seed?: number;
}

export function generateDemoSeed(opts: DemoSeedOptions = {}): SeedFile {
  const count = opts.customers ?? 5000;
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
    throw new Error(`generateDemoSeed: customers must be an integer from 0 to 1,000,000 (got ${count})`);
  }
  const d = new Dice(prng(opts.seed ?? 20240823));
  const usedPhones = new Set<string>();
  const customers: SeedCustomer[] = [];
  const editGroupIds: string[] = [];
  const viewGroupIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const keyAccount = d.chance(0.03);
    const inPool = !keyAccount && d.chance(0.03);
    const c = makeCustomer(d, i, { keyAccount, inPool }, usedPhones);
    customers.push(c);
    if (keyAccount) editGroupIds.push(c.id);
    if (d.chance(0.06)) viewGroupIds.push(c.id);
  }
  return {
    version: 1,
    departments: DEPARTMENTS,
    roles: ROLES,
    users: USERS,
    permissionGroups: [
      { ...EDIT_GROUP, customerIds: editGroupIds },
      { ...VIEW_GROUP, customerIds: viewGroupIds },
    ],
    pools: POOLS,
    customers,
    follows: demoFollows(d, customers),
    logs: demoLogs(d, customers),
  };
}

/** Every rep and manager follows up to three of the customers they are account executive for. */
function demoFollows(d: Dice, customers: SeedCustomer[]): SeedFollow[] {
  const byAe = new Map<string, string[]>();
  for (const c of customers) if (c.aeId) byAe.set(c.aeId, [...(byAe.get(c.aeId) ?? []), c.id]);
  const follows: SeedFollow[] = [];
  for (const [userId, ids] of byAe) {
    const chosen = new Set<string>();
    for (let n = Math.min(3, ids.length); n > 0; n--) chosen.add(d.pick(ids));
    for (const customerId of chosen) follows.push({ userId, customerId });
  }
  return follows;
}

const names = new Map<string, string>([...DEPARTMENTS, ...ROLES, ...USERS].map((x) => [x.id, x.name]));

function shareDetails(c: SeedCustomer): string {
  const part = (label: string, ids: string[]) => (ids.length ? `${label}: ${ids.map((id) => names.get(id)).join(', ')}` : '');
  return [part('Departments', c.shares.departmentIds), part('Roles', c.shares.roleIds), part('Users', c.shares.userIds)].filter(Boolean).join('; ');
}

/** A plausible history per customer, oldest first: created, maybe shared, edited or returned to the pool. */
function demoLogs(d: Dice, customers: SeedCustomer[]): SeedLog[] {
  const logs: SeedLog[] = [];
  for (const c of customers) {
    const created = c.createdAt!;
    const updated = c.updatedAt!;
    const middle = new Date((Date.parse(created) + Date.parse(updated)) / 2).toISOString();
    const creator = c.aeId ?? d.pick(SALES_REP_IDS);
    logs.push({ customerId: c.id, type: 'Create customer', at: created, actorId: creator, details: `Created from ${c.source}` });
    if (c.shares.departmentIds.length + c.shares.roleIds.length + c.shares.userIds.length > 0) {
      logs.push({ customerId: c.id, type: 'Share customer', at: middle, actorId: creator, details: shareDetails(c) });
    }
    if (c.aeId === null) {
      const reason = d.pick(RETURN_REASONS);
      const actor = d.chance(0.5) ? creator : 'u-pool';
      logs.push({ customerId: c.id, type: 'Back customer', at: updated, actorId: actor, details: reason, changes: [{ field: 'aeId', before: creator, after: null }] });
    } else if (updated !== created) {
      const before = BUSINESS_FIELDS.find((f) => f !== c.businessField)!;
      logs.push({
        customerId: c.id, type: 'Edit customer', at: updated, actorId: c.csrId && d.chance(0.3) ? c.csrId : c.aeId,
        details: 'Changed: businessField', changes: [{ field: 'businessField', before, after: c.businessField }],
      });
    }
  }
  return logs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

// The server agrees with the rules: over random orgs, users, customers and operations, the CRM's answer
// (2xx, or 403/404 for a refusal) always equals the rules module's decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, Org } from '../../lib/domain/types';
import { decide, decideEdit, userContext, type Action } from '../../lib/rules';
import { orgWithCustomers } from '../../lib/rules/test-arbitraries';
import type { SeedFile } from '../seed/format';
import { NOW, testCrm } from './support';

type Operation = { action: Action; method: string; path: (id: string) => string; body?: unknown; ifMatch?: boolean };
/** A field change of the AE or the CSR: to one of the org's users (by index) or to nobody. */
type Assignment = { field: 'aeId' | 'csrId'; to: number | null };

const OPERATIONS: Operation[] = [
  { action: 'view', method: 'GET', path: (id) => `/customers/${id}` },
  { action: 'edit', method: 'PATCH', path: (id) => `/customers/${id}`, body: { name: 'Renamed' }, ifMatch: true },
  { action: 'delete', method: 'DELETE', path: (id) => `/customers/${id}` },
  { action: 'restore', method: 'POST', path: (id) => `/customers/${id}/restore` },
  { action: 'returnToPool', method: 'POST', path: (id) => `/customers/${id}/return-to-pool`, body: { reason: 'moved away' } },
  { action: 'share', method: 'POST', path: (id) => `/customers/${id}/share`, body: 'TARGET' },
  { action: 'follow', method: 'PUT', path: (id) => `/follows/${id}` },
];

function toSeed(org: Org, customers: Customer[]): SeedFile {
  return {
    version: 1,
    departments: org.departments,
    roles: org.roles,
    users: org.users.map((u) => ({ ...u, token: `tok-${u.id}` })),
    permissionGroups: org.permissionGroups,
    pools: org.pools,
    customers: customers.map(({ version: _v, createdAt: _c, updatedAt: _u, ...rest }) => rest),
  } as SeedFile;
}

/** The CRM refuses manager cycles (a seed error); keep only managers listed before their subordinate. */
function withoutManagerCycles(org: Org): Org {
  const index = new Map(org.users.map((u, i) => [u.id, i]));
  return { ...org, users: org.users.map((u, i) => ({ ...u, managerId: u.managerId && index.get(u.managerId)! < i ? u.managerId : null })) };
}

describe('the CRM agrees with the rules module', () => {
  it('answers 2xx exactly when the rules allow a change of AE or CSR, for random orgs, users, customers and targets', async () => {
    const assignment = fc.record({ field: fc.constantFrom<Assignment['field']>('aeId', 'csrId'), to: fc.option(fc.nat(), { nil: null }) });
    await fc.assert(
      fc.asyncProperty(orgWithCustomers, fc.nat(), fc.nat(), assignment, async ({ org: anyOrg, customers }, u, c, change: Assignment) => {
        const org = withoutManagerCycles(anyOrg);
        const user = org.users[u % org.users.length];
        const customer = customers[c % customers.length];
        const edit = { [change.field]: change.to === null ? null : org.users[change.to % org.users.length].id };
        const crm = await testCrm({ seed: toSeed(org, customers) });
        try {
          const expected = decideEdit(userContext(org, user.id), customer, edit, NOW);
          const reply = await crm.call(`tok-${user.id}`, 'PATCH', `/customers/${customer.id}`, edit, { 'if-match': `"${customer.version}"` });
          const allowed = reply.status === 200;
          if (!allowed) expect([403, 404]).toContain(reply.status);
          expect({ edit, allowed, rule: allowed ? expected.rule : reply.body?.error?.rule ?? expected.rule })
            .toEqual({ edit, allowed: expected.allowed, rule: expected.rule });
        } finally {
          crm.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers 2xx exactly when the rules allow, for random orgs, users, customers and operations', async () => {
    await fc.assert(
      fc.asyncProperty(orgWithCustomers, fc.nat(), fc.nat(), fc.nat({ max: OPERATIONS.length - 1 }), async ({ org: anyOrg, customers }, u, c, o) => {
        const org = withoutManagerCycles(anyOrg);
        const user = org.users[u % org.users.length];
        const customer = customers[c % customers.length];
        const op = OPERATIONS[o];
        const crm = await testCrm({ seed: toSeed(org, customers) });
        try {
          const expected = decide(userContext(org, user.id), customer, op.action, NOW).allowed;
          const body = op.body === 'TARGET' ? { departmentIds: [], roleIds: [], userIds: [user.id] } : op.body;
          const headers: Record<string, string> = op.ifMatch ? { 'if-match': `"${customer.version}"` } : {};
          const reply = await crm.call(`tok-${user.id}`, op.method, op.path(customer.id), body, headers);
          const allowed = reply.status >= 200 && reply.status < 300;
          if (!allowed) expect([403, 404, 409]).toContain(reply.status);
          expect({ action: op.action, allowed, status: reply.status, error: reply.body?.error?.rule }).toMatchObject({ action: op.action, allowed: expected });
        } finally {
          crm.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

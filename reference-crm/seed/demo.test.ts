import { describe, expect, it } from 'vitest';
import { phoneKey } from '../phone';
import { generateDemoSeed } from './demo';
import { formatLandline, formatMobile } from './demo-phone';
import { seedIssues } from './format';

const seed = generateDemoSeed();

describe('generateDemoSeed', () => {
  it('is a valid seed file: every id unique and every reference resolves', () => {
    expect(seedIssues(seed)).toEqual([]);
  });

  it('makes 5,000 customers by default and the requested number otherwise', () => {
    expect(seed.customers).toHaveLength(5000);
    expect(generateDemoSeed({ customers: 120 }).customers).toHaveLength(120);
    expect(generateDemoSeed({ customers: 0 }).customers).toHaveLength(0);
  });

  it('refuses a nonsensical customer count with a clear error', () => {
    expect(() => generateDemoSeed({ customers: -1 })).toThrow(/customers must be an integer/);
    expect(() => generateDemoSeed({ customers: 2.5 })).toThrow(/customers must be an integer/);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoSeed({ customers: 300, seed: 7 })).toEqual(generateDemoSeed({ customers: 300, seed: 7 }));
    const other = generateDemoSeed({ customers: 300, seed: 8 });
    expect(other.customers.map((c) => c.phone)).not.toEqual(generateDemoSeed({ customers: 300, seed: 7 }).customers.map((c) => c.phone));
  });

  it('has a department tree with one root that every department reaches', () => {
    expect(seed.departments.length).toBeGreaterThanOrEqual(4);
    const roots = seed.departments.filter((d) => d.parentId === null);
    expect(roots.map((d) => d.name)).toEqual(['Head office']);
    const byId = new Map(seed.departments.map((d) => [d.id, d]));
    for (const d of seed.departments) {
      let at = d;
      for (let hops = 0; at.parentId !== null; hops++) {
        expect(hops).toBeLessThan(seed.departments.length);
        at = byId.get(at.parentId)!;
      }
      expect(at.id).toBe(roots[0].id);
    }
  });

  it('has the headline users with readable tokens and the expected roles', () => {
    const roleOf = (token: string) => {
      const user = seed.users.find((u) => u.token === token);
      return seed.roles.find((r) => r.id === user?.roleId)?.name;
    };
    expect(seed.users.length).toBeGreaterThanOrEqual(25);
    expect(roleOf('demo-admin')).toBe('Administrator');
    expect(roleOf('demo-manager')).toBe('Sales manager');
    expect(roleOf('demo-rep')).toBe('Sales rep');
    expect(roleOf('demo-csr')).toBe('Customer service');
    expect(roleOf('demo-pool')).toBe('Pool administrator');
    expect(seed.roles.filter((r) => r.admin).map((r) => r.id)).toEqual(['r-admin']);
    const poolAdmin = seed.users.find((u) => u.token === 'demo-pool')!;
    expect(seed.pools).toHaveLength(1);
    expect(seed.pools[0].adminUserIds).toEqual([poolAdmin.id]);
  });

  it('gives every rep a manager and the sales managers reps to manage', () => {
    const reps = seed.users.filter((u) => u.roleId === 'r-sales-rep');
    expect(reps.every((u) => u.managerId !== null)).toBe(true);
    const manager = seed.users.find((u) => u.token === 'demo-manager')!;
    expect(reps.filter((u) => u.managerId === manager.id).length).toBeGreaterThanOrEqual(5);
  });

  it('has an edit permission group and a view-only one, both covering customers', () => {
    const edit = seed.permissionGroups.filter((g) => g.canEdit);
    const view = seed.permissionGroups.filter((g) => !g.canEdit);
    expect(edit.length).toBeGreaterThanOrEqual(1);
    expect(view.length).toBeGreaterThanOrEqual(1);
    for (const g of seed.permissionGroups) {
      expect(g.customerIds.length).toBeGreaterThan(20);
      expect(g.roleIds.length).toBeGreaterThan(0);
    }
  });

  it('gives every customer a phone number no other customer has, however it is written', () => {
    const keys = seed.customers.map((c) => phoneKey(c.phone));
    expect(keys.every((k) => /^\d{9,10}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['spaced mobile', /^0\d{3} \d{3} \d{3}$/],
    ['+84 mobile', /^\+84 \d{3} \d{3} \d{3}$/],
    ['84- mobile', /^84-\d{3}-\d{3}-\d{3}$/],
    ['dotted mobile', /^0\d{3}\.\d{3}\.\d{3}$/],
    ['Hà Nội landline', /^(\(024\) |024 |\+84 24 |024)\d{4} ?\d{4}$/],
  ])('writes phone numbers in mixed formats: %s', (_, pattern) => {
    expect(seed.customers.some((c) => pattern.test(c.phone))).toBe(true);
  });

  it('mixes Vietnamese names with diacritics and English names', () => {
    const names = seed.customers.map((c) => c.name);
    for (const family of ['Nguyễn', 'Trần', 'Lê', 'Phạm']) expect(names.some((n) => n.startsWith(`${family} `))).toBe(true);
    expect(names.some((n) => /^(James|Olivia|Emma|David) /.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('Công ty'))).toBe(true);
  });

  it('has sources, business fields, tags, shares and customers in the pool without an account executive', () => {
    const sources = new Set(seed.customers.map((c) => c.source));
    for (const s of ['Website', 'Facebook', 'Zalo', 'Referral', 'Trade show']) expect(sources.has(s)).toBe(true);
    expect(new Set(seed.customers.map((c) => c.businessField)).size).toBeGreaterThan(5);
    expect(seed.customers.filter((c) => c.tags.length > 0).length).toBeGreaterThan(1000);
    const shared = seed.customers.filter((c) => c.shares.departmentIds.length + c.shares.roleIds.length + c.shares.userIds.length > 0);
    expect(shared.length).toBeGreaterThan(100);
    const pooled = seed.customers.filter((c) => c.aeId === null);
    expect(pooled.length).toBeGreaterThan(50);
    expect(pooled.every((c) => c.poolId === 'p-main')).toBe(true);
  });

  it('records a history: one creation per customer, shares, edits and returns to the pool, oldest first', () => {
    const logs = seed.logs!;
    const count = (type: string) => logs.filter((l) => l.type === type).length;
    expect(count('Create customer')).toBe(seed.customers.length);
    expect(count('Share customer')).toBeGreaterThan(100);
    expect(count('Edit customer')).toBeGreaterThan(1000);
    expect(count('Back customer')).toBe(seed.customers.filter((c) => c.aeId === null).length);
    expect(logs.every((l, i) => i === 0 || logs[i - 1].at <= l.at)).toBe(true);
    const byId = new Map(seed.customers.map((c) => [c.id, c]));
    expect(logs.every((l) => l.at >= byId.get(l.customerId)!.createdAt! && l.at <= byId.get(l.customerId)!.updatedAt!)).toBe(true);
  });

  it('has follows only on customers the follower is account executive for', () => {
    const byId = new Map(seed.customers.map((c) => [c.id, c]));
    expect(seed.follows!.length).toBeGreaterThan(20);
    expect(seed.follows!.every((f) => byId.get(f.customerId)!.aeId === f.userId)).toBe(true);
  });
});

describe('demo phone formats', () => {
  it.each([
    ['spaced', '0912 345 678'],
    ['international', '+84 912 345 678'],
    ['dashed', '84-912-345-678'],
    ['dotted', '0912.345.678'],
    ['plain', '0912345678'],
    ['e164', '+84912345678'],
  ] as const)('writes a mobile number %s as %s', (format, expected) => {
    expect(formatMobile('0912345678', format)).toBe(expected);
  });

  it.each([
    ['24', '38251234', 'spaced', '024 3825 1234'],
    ['24', '38251234', 'parenthesised', '(024) 3825 1234'],
    ['28', '38251234', 'international', '+84 28 3825 1234'],
    ['236', '3821234', 'spaced', '0236 382 1234'],
  ] as const)('writes landline %s %s %s as %s', (area, local, format, expected) => {
    expect(formatLandline(area, local, format)).toBe(expected);
  });

  it('refuses numbers of the wrong shape', () => {
    expect(() => formatMobile('912345678', 'plain')).toThrow(/not a 10-digit national mobile number/);
    expect(() => formatLandline('24', '123', 'plain')).toThrow(/not a 10-digit landline/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedIssues, validateSeed, SeedError } from './format';

const example = JSON.parse(readFileSync(new URL('./example.json', import.meta.url), 'utf8'));

function broken(change: (seed: typeof example) => void) {
  const seed = structuredClone(example);
  change(seed);
  return seed;
}

describe('the seed format', () => {
  it('accepts the documented example', () => {
    expect(seedIssues(example)).toEqual([]);
    expect(validateSeed(example).customers).toHaveLength(4);
  });

  it.each([
    ['an unknown AE', (s: typeof example) => (s.customers[1].aeId = 'u-9'), 'customers[1].aeId: unknown user u-9'],
    ['a missing field', (s: typeof example) => delete s.customers[0].phone, 'customers[0].phone:'],
    ['an extra field', (s: typeof example) => (s.users[0].password = 'x'), 'users[0].password: unknown field'],
    ['a wrong log type', (s: typeof example) => (s.logs[0].type = 'Edited'), 'logs[0].type: must be one of'],
    ['a duplicate id', (s: typeof example) => (s.customers[1].id = 'c-1'), 'customers[1].id: duplicate id c-1'],
    ['a duplicate token', (s: typeof example) => (s.users[1].token = s.users[0].token), 'users[1].token: duplicate token'],
    ['a share to an unknown department', (s: typeof example) => s.customers[0].shares.departmentIds.push('d-x'),
      'customers[0].shares.departmentIds[0]: unknown department d-x'],
    ['a department cycle', (s: typeof example) => (s.departments[0].parentId = 'd-sales-north'), 'departments[0].parentId: cycle'],
    ['a bad time', (s: typeof example) => (s.customers[1].createdAt = 'yesterday'), 'customers[1].createdAt: must be an ISO timestamp'],
    ['a wrong version', (s: typeof example) => (s.version = 2), 'version: must be 1'],
  ])('names %s by its path', (_, change, message) => {
    const issues = seedIssues(broken(change));
    expect(issues.some((issue) => issue.startsWith(message))).toBe(true);
  });

  it('throws a SeedError listing every issue', () => {
    const seed = broken((s) => {
      s.customers[0].aeId = 'u-x';
      s.customers[1].csrId = 'u-y';
    });
    expect(() => validateSeed(seed, 'seed.json')).toThrow(SeedError);
    expect(() => validateSeed(seed, 'seed.json')).toThrow(/Invalid seed\.json:\n {2}customers\[0\]\.aeId: unknown user u-x\n {2}customers\[1\]\.csrId: unknown user u-y/);
  });
});

describe('the README\'s seed example', () => {
  it('is a valid seed', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    expect(seedIssues(JSON.parse(block![1]))).toEqual([]);
  });
});

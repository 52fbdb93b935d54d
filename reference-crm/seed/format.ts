// The seed file: an exact organisation and customer base the CRM loads into an empty database.
import * as v from 'valibot';
import { LOG_TYPES } from '../../lib/domain/log-types';
import type { SeedFile } from './types';
import { crossReferenceIssues } from './references';

export type { SeedFile, SeedUser, SeedCustomer, SeedFollow, SeedLog } from './types';

const id = v.pipe(v.string(), v.minLength(1, 'must be a non-empty id'));
const ids = v.array(id);
const iso = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp like 2024-08-23T09:00:00.000Z'));
const nullableId = v.nullable(id);

const shareTargets = v.strictObject({ departmentIds: ids, roleIds: ids, userIds: ids });
const changeRecord = v.strictObject({ field: v.string(), before: v.unknown(), after: v.unknown() });

const seedSchema = v.strictObject({
  version: v.literal(1, 'must be 1'),
  departments: v.array(v.strictObject({ id, name: v.string(), parentId: nullableId })),
  roles: v.array(v.strictObject({ id, name: v.string(), admin: v.boolean() })),
  users: v.array(
    v.strictObject({
      id,
      name: v.string(),
      email: v.string(),
      departmentId: id,
      roleId: id,
      managerId: nullableId,
      token: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    }),
  ),
  permissionGroups: v.array(
    v.strictObject({ id, name: v.string(), roleIds: ids, canEdit: v.boolean(), customerIds: ids }),
  ),
  pools: v.array(v.strictObject({ id, name: v.string(), adminUserIds: ids, memberDepartmentIds: v.optional(ids) })),
  customers: v.array(
    v.strictObject({
      id,
      code: v.string(),
      name: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
      email: v.string(),
      phone: v.string(),
      source: v.string(),
      businessField: v.string(),
      aeId: nullableId,
      csrId: nullableId,
      poolId: nullableId,
      shares: shareTargets,
      tags: v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
      version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      createdAt: v.optional(iso),
      updatedAt: v.optional(iso),
      deletedAt: v.optional(v.nullable(iso)),
    }),
  ),
  follows: v.optional(v.array(v.strictObject({ userId: id, customerId: id }))),
  logs: v.optional(
    v.array(
      v.strictObject({
        customerId: id,
        type: v.picklist(LOG_TYPES, `must be one of: ${LOG_TYPES.join(', ')}`),
        at: iso,
        actorId: nullableId,
        details: v.string(),
        changes: v.optional(v.array(changeRecord)),
      }),
    ),
  ),
});

export class SeedError extends Error {
  constructor(readonly issues: string[], source = 'seed') {
    const shown = issues.slice(0, 20).join('\n  ');
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : '';
    super(`Invalid ${source}:\n  ${shown}${more}`);
    this.name = 'SeedError';
  }
}

/** "customers.12.aeId" → "customers[12].aeId" */
function formatPath(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  let out = '';
  for (const item of path) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function describe(issue: v.BaseIssue<unknown>): string {
  return issue.kind === 'schema' && issue.expected === 'never' ? 'unknown field' : issue.message;
}

/** Every problem in the seed, each "path: what is wrong"; empty when the seed is valid. */
export function seedIssues(input: unknown): string[] {
  const parsed = v.safeParse(seedSchema, input, { abortEarly: false });
  if (!parsed.success) return parsed.issues.map((issue) => `${formatPath(issue)}: ${describe(issue)}`);
  return crossReferenceIssues(parsed.output as SeedFile);
}

/** Returns the seed typed, or throws a SeedError listing every problem. */
export function validateSeed(input: unknown, source = 'seed'): SeedFile {
  const issues = seedIssues(input);
  if (issues.length > 0) throw new SeedError(issues, source);
  return input as SeedFile;
}

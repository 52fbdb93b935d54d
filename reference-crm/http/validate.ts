// Request parsing helpers: each failure is a 400 whose message names the field.
import type { Context } from 'hono';
import type { Id, Org, ShareTargets } from '../../lib/domain/types';
import { invalid } from './errors';

export const MAX_BATCH = 1000;

export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('body: not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('body: must be a JSON object');
  return value as Record<string, unknown>;
}

export function stringArray(value: unknown, field: string, options: { max?: number; required?: boolean } = {}): string[] {
  if (value === undefined && !options.required) return [];
  if (!Array.isArray(value)) throw invalid(`${field}: must be an array of strings`);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') throw invalid(`${field}[${i}]: must be a non-empty string`);
  });
  if (options.max !== undefined && value.length > options.max) {
    throw invalid(`${field}: at most ${options.max} items per call (got ${value.length})`);
  }
  return value as string[];
}

export function customerIds(body: Record<string, unknown>): Id[] {
  return stringArray(body.customerIds, 'customerIds', { max: MAX_BATCH, required: true });
}

export function booleanField(body: Record<string, unknown>, field: string): boolean {
  if (typeof body[field] !== 'boolean') throw invalid(`${field}: must be true or false`);
  return body[field] as boolean;
}

/** Share targets whose ids must all exist in the org; missing lists count as empty, but not all of them. */
export function shareTargets(value: unknown, org: Org, field: string): ShareTargets {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`${field}: must be an object with departmentIds, roleIds and userIds`);
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['departmentIds', 'roleIds', 'userIds'].includes(key)) throw invalid(`${field}.${key}: unknown field`);
  }
  const check = (key: 'departmentIds' | 'roleIds' | 'userIds', known: { id: Id }[], kind: string) => {
    const ids = stringArray(raw[key], `${field}.${key}`);
    const set = new Set(known.map((k) => k.id));
    ids.forEach((id, i) => {
      if (!set.has(id)) throw invalid(`${field}.${key}[${i}]: unknown ${kind} ${id}`);
    });
    return ids;
  };
  const targets = {
    departmentIds: check('departmentIds', org.departments, 'department'),
    roleIds: check('roleIds', org.roles, 'role'),
    userIds: check('userIds', org.users, 'user'),
  };
  if (targets.departmentIds.length + targets.roleIds.length + targets.userIds.length === 0) {
    throw invalid(`${field}: name at least one department, role or user`);
  }
  return targets;
}

/** An integer query parameter within bounds; absent → fallback. */
export function intQuery(c: Context, name: string, min: number, max: number, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

export function isoQuery(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw invalid(`${name}: must be an ISO date or time (got "${raw}")`);
  return new Date(time).toISOString();
}

// Request parsing helpers: each failure is a 400 whose message names the field.
import type { Context } from 'hono';
import type { Id, Org, ShareTargets } from '../../lib/domain/types';
import { ApiError, invalid } from './errors';

export const MAX_BATCH = 1000;
/** The longest request body read; batches are capped by their id count first. */
export const MAX_BODY_BYTES = 1024 * 1024;
// The extension's own limits (its edit form and message schemas): the server holds every client to them.
/** Any free text: a customer's fields, a return reason, a phone number as typed. */
export const MAX_TEXT = 500;
export const MAX_ID = 200;
export const MAX_TAG = 100;
/** A phone number in a bulk-delete file. */
export const MAX_PHONE = 100;

/** A lone UTF-16 surrogate: with the u flag a paired one is one code point and does not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Text a person could have typed: well-formed Unicode (a lone surrogate would be stored as U+FFFD). */
export function wellFormed(text: string, field: string): string {
  if (LONE_SURROGATE.test(text)) throw invalid(`${field}: holds a lone UTF-16 surrogate, which is not text`);
  return text;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The JSON object in the body, holding only `fields`: anything else is refused, so a client learns at once
 * that a field it sends means nothing here. Bytes that are not UTF-8 and lone surrogates are refused too.
 */
export async function jsonBody(c: Context, fields: readonly string[]): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw invalid('body: not valid UTF-8');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      wellFormed(key, 'body');
      if (typeof item === 'string') wellFormed(item, key === '' ? 'body' : key);
      return item;
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw invalid('body: not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('body: must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      throw invalid(`${key.slice(0, MAX_ID)}: unknown field (${fields.length ? `known: ${fields.join(', ')}` : 'this request takes no body'})`);
    }
  }
  return value as Record<string, unknown>;
}

/** A string field of at most `max` characters (trimmed when asked). */
export function text(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw invalid(`${field}: must be a string`);
  if (value.length > max) throw invalid(`${field}: at most ${max} characters (got ${value.length})`);
  return value;
}

export function stringArray(
  value: unknown,
  field: string,
  options: { max?: number; required?: boolean; maxLength?: number } = {},
): string[] {
  if (value === undefined && !options.required) return [];
  if (!Array.isArray(value)) throw invalid(`${field}: must be an array of strings`);
  if (options.max !== undefined && value.length > options.max) {
    throw invalid(`${field}: at most ${options.max} items per call (got ${value.length})`);
  }
  const maxLength = options.maxLength ?? MAX_ID;
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') throw invalid(`${field}[${i}]: must be a non-empty string`);
    if (item.length > maxLength) throw invalid(`${field}[${i}]: at most ${maxLength} characters`);
  });
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

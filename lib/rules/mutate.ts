import type { Customer, Id, ShareTargets } from '../domain/types';

const TARGET_KEYS = ['departmentIds', 'roleIds', 'userIds'] as const;

function checkIds(where: string, value: unknown): Id[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new TypeError(`${where} must be an array of id strings`);
  }
  return value as Id[];
}

/** Validates share targets; a missing list counts as empty. */
function checkTargets(fn: string, t: unknown): ShareTargets {
  if (t === null || typeof t !== 'object') throw new TypeError(`${fn}: targets must be an object with departmentIds, roleIds, userIds`);
  const raw = t as Partial<Record<(typeof TARGET_KEYS)[number], unknown>>;
  return {
    departmentIds: checkIds(`${fn}: targets.departmentIds`, raw.departmentIds ?? []),
    roleIds: checkIds(`${fn}: targets.roleIds`, raw.roleIds ?? []),
    userIds: checkIds(`${fn}: targets.userIds`, raw.userIds ?? []),
  };
}

function union(current: readonly Id[], added: readonly Id[]): Id[] {
  return [...new Set([...current, ...added])];
}

/** The customer's shares after sharing with t: the union, deduplicated, current shares first. Never removes. */
export function applyShare(c: Customer, t: ShareTargets): ShareTargets {
  const add = checkTargets('applyShare', t);
  return {
    departmentIds: union(c.shares.departmentIds, add.departmentIds),
    roleIds: union(c.shares.roleIds, add.roleIds),
    userIds: union(c.shares.userIds, add.userIds),
  };
}

/** The customer's shares after cancelling: all=true clears every share, otherwise only t's ids are removed. */
export function applyCancelShare(c: Customer, all: boolean, t?: ShareTargets): ShareTargets {
  if (typeof all !== 'boolean') throw new TypeError('applyCancelShare: all must be a boolean');
  if (all) return { departmentIds: [], roleIds: [], userIds: [] };
  if (t === undefined) throw new TypeError('applyCancelShare: targets are required when all is false');
  const remove = checkTargets('applyCancelShare', t);
  const keep = (current: readonly Id[], removed: readonly Id[]) => {
    const gone = new Set(removed);
    return [...new Set(current.filter((id) => !gone.has(id)))];
  };
  return {
    departmentIds: keep(c.shares.departmentIds, remove.departmentIds),
    roleIds: keep(c.shares.roleIds, remove.roleIds),
    userIds: keep(c.shares.userIds, remove.userIds),
  };
}

function cleanTags(tags: readonly string[]): string[] {
  return tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** The customer's tags after 'set' (overwrite) or 'add' (append new ones, keeping order); trimmed, no empties, no repeats. */
export function applyLabels(c: Customer, mode: 'set' | 'add', tags: string[]): string[] {
  if (mode !== 'set' && mode !== 'add') throw new TypeError(`applyLabels: mode must be "set" or "add", got "${String(mode)}"`);
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
    throw new TypeError('applyLabels: tags must be an array of strings');
  }
  const added = cleanTags(tags);
  return [...new Set(mode === 'set' ? added : [...c.tags, ...added])];
}

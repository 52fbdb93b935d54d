// Version 3 of the database stores operations, not requests: outbox rows and job plans written by
// version 2 held a REST method, path and body of the reference CRM's API. These read them back as the
// operations they were. Pure.
import type { BatchOp, CustomerOp, PhoneOpRow } from '../../crm-client/connector';
import type { CustomerEdit, Id, ShareTargets } from '../../domain/types';

/** An outbox row as version 2 wrote it. */
export interface OutboxRowV2 {
  method: string;
  path: string;
  body: unknown;
  ifMatch?: string;
}

const NO_TARGETS: ShareTargets = { departmentIds: [], roleIds: [], userIds: [] };

function targetsOf(body: unknown): ShareTargets {
  const b = (body ?? {}) as Partial<ShareTargets>;
  return { departmentIds: b.departmentIds ?? [], roleIds: b.roleIds ?? [], userIds: b.userIds ?? [] };
}

/** The operation a version 2 outbox request was, or null when it is none the outbox ever made. */
export function customerOpOfRequest(row: OutboxRowV2): CustomerOp | null {
  const follow = /^\/follows\/([^/]+)$/.exec(row.path);
  if (follow) {
    const customerId = decodeURIComponent(follow[1]);
    if (row.method === 'PUT') return { op: 'follow', customerId };
    if (row.method === 'DELETE') return { op: 'unfollow', customerId };
    return null;
  }
  const at = /^\/customers\/([^/]+)(?:\/(restore|return-to-pool|pick-up|share))?$/.exec(row.path);
  if (!at) return null;
  const customerId = decodeURIComponent(at[1]);
  const body = (row.body ?? {}) as Record<string, unknown>;
  switch (`${row.method} ${at[2] ?? ''}`) {
    case 'PATCH ': return { op: 'edit', customerId, version: Number(row.ifMatch ?? NaN), changes: body as CustomerEdit };
    case 'DELETE ': return { op: 'delete', customerId };
    case 'POST restore': return { op: 'restore', customerId };
    case 'POST return-to-pool': return { op: 'returnToPool', customerId, reason: typeof body.reason === 'string' ? body.reason : '' };
    case 'POST pick-up': return { op: 'pickUp', customerId };
    case 'POST share': return { op: 'share', customerId, targets: targetsOf(body) };
    default: return null;
  }
}

/** A job's step as version 2 wrote it: a batch endpoint, its body without the ids, and the ids. */
export interface JobOpV2 {
  path: string;
  body: Record<string, unknown>;
  ids: Id[];
}

/** The batch operation a version 2 job step was, or null when it is none a job ever made. */
export function batchOpOfRequest(step: Pick<JobOpV2, 'path' | 'body'>): BatchOp | null {
  const b = step.body ?? {};
  switch (step.path) {
    case '/batch/share': return { op: 'share', targets: targetsOf(b.targets) };
    case '/batch/cancel-share':
      return b.all === true ? { op: 'cancelShare', all: true } : { op: 'cancelShare', all: false, targets: b.targets ? targetsOf(b.targets) : NO_TARGETS };
    case '/batch/labels':
      return { op: 'labels', mode: b.mode === 'set' ? 'set' : 'add', tags: Array.isArray(b.tags) ? b.tags.map(String) : [] };
    case '/batch/follow': return { op: 'follow', follow: b.follow === true };
    case '/batch/delete': return { op: 'delete' };
    case '/batch/delete-by-phone':
      return { op: 'deleteByPhone', ...(typeof b.file === 'string' && b.file ? { file: b.file } : {}), rows: (b.rows ?? {}) as Record<Id, PhoneOpRow> };
    default: return null;
  }
}

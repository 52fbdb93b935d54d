// Undo of a finished share, labels, reassign or delete job: the before-state taken while planning, and the
// ops that put it back on the customers the job changed (a delete: restore exactly those it deleted). Pure.
import type { Customer, Id, ShareTargets } from '../../domain/types';
import type { BatchOp } from '../../crm-client/connector';
import type { AssignmentField } from '../../rules/reassignable';
import type { JobKind } from '../../protocol/jobs';
import { chunkAt, type JobOp, type JobRecord, type JobState } from './plan';

/** Before-state for undo: the share targets each customer did not have yet, or its tags. */
export function beforeOf(
  request: { kind: JobKind; targets?: ShareTargets; field?: AssignmentField }, customers: Map<Id, Customer>,
): JobState['before'] {
  if (request.kind === 'delete') return {};
  if (request.kind === 'reassign' && request.field) {
    const field = request.field;
    return { assignees: Object.fromEntries([...customers].map(([id, c]) => [id, c[field]])) };
  }
  if (request.kind === 'share' && request.targets) {
    const targets = request.targets;
    const shares: Record<Id, ShareTargets> = {};
    const missing = (have: Id[], want: Id[]) => want.filter((id) => !have.includes(id));
    for (const [id, c] of customers) {
      shares[id] = {
        departmentIds: missing(c.shares.departmentIds, targets.departmentIds),
        roleIds: missing(c.shares.roleIds, targets.roleIds),
        userIds: missing(c.shares.userIds, targets.userIds),
      };
    }
    return { shares };
  }
  if (request.kind === 'setLabels' || request.kind === 'addLabels') {
    return { tags: Object.fromEntries([...customers].map(([id, c]) => [id, [...c.tags]])) };
  }
  return undefined;
}

/**
 * The ops that put back what a finished job changed, on the customers it changed: shares taken off, tags set
 * back, deleted customers restored, and each customer's previous AE or CSR set back only where the field still
 * holds what the job set (someone's later change is left as it is, and reported).
 */
export function undoOps(job: JobRecord): JobOp[] {
  const failed = new Set(job.state.errors.map((e) => e.item));
  const groups = new Map<string, JobOp>();
  const add = (operation: BatchOp, id: Id) => {
    const key = JSON.stringify(operation);
    const group = groups.get(key) ?? { operation, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  };
  const sent = job.state.ops.flatMap((op) => op.ids).slice(0, sentCount(job.state));
  const operation = job.state.ops[0]?.operation;
  for (const id of sent) {
    if (failed.has(id)) continue;
    if (operation?.op === 'delete') {
      add({ op: 'restore' }, id);
      continue;
    }
    if (operation?.op === 'reassign') {
      const previous = job.state.before?.assignees?.[id];
      if (previous !== undefined && previous !== operation.to) add({ op: 'reassign', field: operation.field, to: previous, from: operation.to }, id);
      continue;
    }
    const added = job.state.before?.shares?.[id];
    const tags = job.state.before?.tags?.[id];
    if (added && added.departmentIds.length + added.roleIds.length + added.userIds.length > 0) {
      add({ op: 'cancelShare', all: false, targets: added }, id);
    } else if (tags) {
      add({ op: 'labels', mode: 'set', tags }, id);
    }
  }
  return [...groups.values()];
}

/** How many of the ops' ids were sent (chunks recorded). */
function sentCount(state: JobState): number {
  let count = 0;
  for (let k = 0; k < state.nextChunk; k++) count += chunkAt(state, k)?.ids.length ?? 0;
  return count;
}


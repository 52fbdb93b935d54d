import type { Id } from '../domain/types';
import type { AskWhom, UserContext } from './types';

// Built once per user and rule (see decisions.ts) and frozen, since refusals share them.

export const NO_ONE: readonly AskWhom[] = Object.freeze([]);

function entry(kind: AskWhom['kind'], userIds: readonly Id[]): AskWhom[] {
  return userIds.length === 0 ? [] : [Object.freeze({ kind, userIds: Object.freeze([...userIds]) as Id[] })];
}

/** Whom to ask for delete/restore (and about a deleted customer): the administrators other than the user. */
export function askAdministrators(ctx: UserContext): readonly AskWhom[] {
  return Object.freeze(entry('administrator', ctx.adminUserIds.filter((id) => id !== ctx.userId)));
}

/** Whom to ask for list/view/edit/share/labels/cancelShare/follow: the manager, else the administrators. */
export function askManager(ctx: UserContext): readonly AskWhom[] {
  return ctx.managerId ? Object.freeze(entry('manager', [ctx.managerId])) : askAdministrators(ctx);
}

function poolAdminsOf(ctx: UserContext, poolId: Id | null): Id[] {
  return poolId === null ? [] : (ctx.poolAdminIds.get(poolId) ?? []).filter((id) => id !== ctx.userId);
}

/** Whom to ask for return to the pool: the pool's administrators, then as for askManager. */
export function askPoolAdminOrManager(ctx: UserContext, poolId: Id | null): readonly AskWhom[] {
  return Object.freeze([...entry('pool-admin', poolAdminsOf(ctx, poolId)), ...askManager(ctx)]);
}

/** Whom to ask to join a pool: its administrators, then the administrators (a manager cannot grant it). */
export function askPoolAdminOrAdministrators(ctx: UserContext, poolId: Id | null): readonly AskWhom[] {
  return Object.freeze([...entry('pool-admin', poolAdminsOf(ctx, poolId)), ...askAdministrators(ctx)]);
}

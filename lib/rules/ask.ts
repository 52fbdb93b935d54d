import type { Id } from '../domain/types';
import type { AskWhom, UserContext } from './types';

interface UserAsks {
  manager: readonly AskWhom[];
  administrators: readonly AskWhom[];
}

// Per-context cache: refusals share these frozen arrays instead of building new ones per customer.
const cache = new WeakMap<UserContext, UserAsks>();

function freezeAsk(kind: AskWhom['kind'], userIds: readonly Id[]): readonly AskWhom[] {
  if (userIds.length === 0) return Object.freeze([]);
  return Object.freeze([Object.freeze({ kind, userIds: Object.freeze([...userIds]) as Id[] })]);
}

function asksFor(ctx: UserContext): UserAsks {
  let asks = cache.get(ctx);
  if (!asks) {
    const administrators = freezeAsk('administrator', ctx.adminUserIds.filter((id) => id !== ctx.userId));
    // Without a manager, the administrators are the ones who can grant rights.
    const manager = ctx.managerId ? freezeAsk('manager', [ctx.managerId]) : administrators;
    asks = { manager, administrators };
    cache.set(ctx, asks);
  }
  return asks;
}

/** Whom to ask for list/view/edit/share/labels/cancelShare/follow: the user's manager. */
export function askManager(ctx: UserContext): AskWhom[] {
  return asksFor(ctx).manager as AskWhom[];
}

/** Whom to ask for delete/restore (and for a deleted customer): the administrators other than the user. */
export function askAdministrators(ctx: UserContext): AskWhom[] {
  return asksFor(ctx).administrators as AskWhom[];
}

/** Whom to ask for return to the pool: the pool's administrators, then the user's manager. */
export function askPoolAdminOrManager(ctx: UserContext, poolId: Id | null): AskWhom[] {
  const poolAdmins = poolId === null ? [] : (ctx.poolAdminIds.get(poolId) ?? []).filter((id) => id !== ctx.userId);
  const asks: AskWhom[] = [];
  if (poolAdmins.length > 0) asks.push({ kind: 'pool-admin', userIds: poolAdmins });
  asks.push(...askManager(ctx));
  return asks;
}

export const NO_ONE: AskWhom[] = Object.freeze([]) as unknown as AskWhom[];

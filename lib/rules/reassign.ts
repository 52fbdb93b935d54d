import type { Customer, CustomerEdit } from '../domain/types';
import { decide } from './decide';
import { refusalsFor } from './decisions';
import type { Decision, UserContext } from './types';
import { reassignableFields } from './reassignable';

/**
 * Whether the user may make this edit: the edit right first, then each change of AE or CSR against
 * reassignableFields(). Emptying the AE is never an edit: it is a return to the pool, which has its own
 * rule, a reason and its own log entry. Fields equal to the customer's count as unchanged.
 */
export function decideEdit(ctx: UserContext, customer: Customer, edit: CustomerEdit, now?: Date): Decision {
  const decision = decide(ctx, customer, 'edit', now);
  if (!decision.allowed) return decision;
  const changed = (['aeId', 'csrId'] as const).filter((field) => field in edit && edit[field] !== customer[field]);
  if (changed.length === 0) return decision;
  const allowed = reassignableFields(decision.rule);
  const refusals = refusalsFor(ctx);
  if (changed.some((field) => !allowed.includes(field))) return refusals.manager('edit', 'reassign-not-allowed');
  if (changed.includes('aeId') && edit.aeId === null) return refusals.noOne('edit', 'return-to-pool-required');
  return decision;
}

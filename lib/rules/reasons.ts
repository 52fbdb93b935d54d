import type { Action, RuleId } from './types';

// Constant sentences: deciding 100,000 customers builds no strings. The UI translates by rule id.

const ALLOWED: Partial<Record<RuleId, string>> = {
  'account-executive': 'You are the account executive of this customer.',
  'customer-service': 'You are the customer service representative of this customer.',
  'subordinate-ae': 'One of your direct subordinates is the account executive of this customer.',
  'permission-group-edit': 'Your role is in a permission group with edit rights that covers this customer.',
  'permission-group': 'Your role is in a permission group that covers this customer.',
  'shared-user': 'This customer is shared with you.',
  'shared-role': 'This customer is shared with your role.',
  'shared-department': 'This customer is shared with your department or a department above it.',
  administrator: 'Administrators see every customer.',
  'pool-admin': "You administer this customer's pool.",
  listed: 'Any customer in your list can be followed.',
  'pool-member': "Your department is a member of this customer's pool.",
};

const ADMIN_ALLOWED: Partial<Record<Action, string>> = {
  delete: 'Administrators may delete customers.',
  restore: 'Administrators may restore a customer within 30 days of its deletion.',
  pickUp: 'Administrators may pick up a customer from any pool.',
};

const ALLOWED_ACTION: Partial<Record<Action, string>> = {
  returnToPool: 'The account executive may return this customer to the pool.',
};

const EDIT_REQUIRED: Partial<Record<Action, string>> = {
  edit: 'Editing needs you to be the account executive or customer service representative, the manager of the account executive, or in a permission group with edit rights over this customer.',
  share: 'Sharing needs edit rights on this customer.',
  cancelShare: 'Cancelling shares needs edit rights on this customer.',
  setLabels: 'Setting labels needs edit rights on this customer.',
  addLabels: 'Adding labels needs edit rights on this customer.',
};

const ADMIN_ONLY: Partial<Record<Action, string>> = {
  delete: 'Only administrators may delete customers.',
  restore: 'Only administrators may restore customers.',
};

const REFUSED: Partial<Record<RuleId, string>> = {
  'not-listed': 'This customer is not in your list: you are not its account executive or customer service representative, and it is not shared with you, your department or your role.',
  'pool-admin-or-ae-only': "Only the pool's administrator or the customer's account executive may return it to the pool.",
  'already-in-pool': 'This customer is already in the pool: it has no account executive.',
  deleted: 'This customer is deleted; only an administrator can restore it.',
  'not-deleted': 'This customer is not deleted, so there is nothing to restore.',
  'restore-expired': 'This customer was deleted more than 30 days ago and can no longer be restored.',
  'unknown-user': 'The acting user is not in the organisation.',
  'reassign-not-allowed': "Only the account executive's manager or a permission group with edit rights may change the account executive; the account executive may also change the customer service representative; a customer service representative changes neither.",
  'return-to-pool-required': 'An edit cannot leave a customer without an account executive: return it to the pool, with a reason, instead.',
  'has-account-executive': 'This customer already has an account executive: only a customer waiting in the pool can be picked up.',
  'not-pool-member': "You are not a member of this customer's pool: its administrators can add your department.",
};

export function allowedReason(action: Action, rule: RuleId): string {
  if (rule === 'administrator' && ADMIN_ALLOWED[action]) return ADMIN_ALLOWED[action]!;
  if (rule === 'account-executive' && ALLOWED_ACTION[action]) return ALLOWED_ACTION[action]!;
  return ALLOWED[rule] ?? `Allowed by rule "${rule}".`;
}

export function refusedReason(action: Action, rule: RuleId): string {
  if (rule === 'edit-required') return EDIT_REQUIRED[action] ?? EDIT_REQUIRED.edit!;
  if (rule === 'administrator-only') return ADMIN_ONLY[action] ?? ADMIN_ONLY.delete!;
  return REFUSED[rule] ?? `Refused by rule "${rule}".`;
}

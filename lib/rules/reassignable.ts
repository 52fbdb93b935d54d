// Which of AE and CSR a user may change, by the rule that lets them edit: its own file, free of the rest
// of the rules, because the edit dialog (a script loaded into the CRM tab on first use) asks it too.
import type { RuleId } from './types';

export type AssignmentField = 'aeId' | 'csrId';

/**
 * Which of the account executive and the customer service representative a user may change, by the rule
 * that lets them edit: a right from above the customer's own people (the AE's manager, a permission group
 * with edit rights) changes both; the AE changes the CSR (their support); a CSR changes neither.
 */
export function reassignableFields(editRule: RuleId | null): AssignmentField[] {
  if (editRule === 'administrator' || editRule === 'subordinate-ae' || editRule === 'permission-group-edit') return ['aeId', 'csrId'];
  if (editRule === 'account-executive') return ['csrId'];
  return [];
}

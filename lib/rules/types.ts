import type { Id } from '../domain/types';

export const ACTIONS = [
  'list', 'view', 'edit', 'delete', 'restore', 'returnToPool', 'share', 'cancelShare', 'setLabels', 'addLabels', 'follow', 'pickUp',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Which rule allowed or refused a decision. Stable ids: the CRM puts them in its 403 answers. */
export type RuleId =
  | 'administrator'            // the user is an administrator
  | 'account-executive'        // the user is the customer's AE
  | 'customer-service'         // the user is the customer's CSR
  | 'subordinate-ae'           // a direct subordinate is the customer's AE
  | 'permission-group'         // the user's role is in a group covering the customer (view)
  | 'permission-group-edit'    // … in a group with edit rights covering the customer
  | 'shared-user'              // the customer is shared with the user
  | 'shared-department'        // … with the user's department (or one above it)
  | 'shared-role'              // … with the user's role
  | 'pool-admin'               // the user administers the customer's pool
  | 'pool-member'              // pick up: the user's department (or one above it) is a member of the customer's pool
  | 'listed'                   // follow: any customer in the user's list
  | 'not-listed'               // refused: the customer is not in the user's list
  | 'edit-required'            // refused: share/cancel/labels need edit rights
  | 'administrator-only'       // refused: only administrators delete/restore
  | 'pool-admin-or-ae-only'    // refused: only the pool administrator or the AE returns to the pool
  | 'already-in-pool'          // refused: the customer has no AE already
  | 'deleted'                  // refused: the customer is deleted
  | 'not-deleted'              // refused: restore of a live customer
  | 'restore-expired'          // refused: deleted more than 30 days ago
  | 'unknown-user'             // refused: the acting user is not in the org
  | 'reassign-not-allowed'     // refused: this user's edit right does not cover changing the AE or CSR
  | 'return-to-pool-required'  // refused: an edit cannot empty the AE; that is a return to the pool
  | 'has-account-executive'    // refused: pick up of a customer that has an AE (someone picked it up first)
  | 'not-pool-member';         // refused: pick up from a pool the user is not a member of

export interface AskWhom {
  /** Who could grant it: the user's manager, the pool's administrators, the administrators. */
  kind: 'manager' | 'pool-admin' | 'administrator';
  userIds: Id[];
}

export interface Decision {
  allowed: boolean;
  rule: RuleId;
  /** One plain-English sentence; the UI translates by rule id. */
  reason: string;
  /** Only on refusals: whom the user could ask. */
  ask: AskWhom[];
}

/**
 * What the rules need to know about one user, computed once by userContext() so that gating many customers
 * costs only Set look-ups. Treat as read-only; build it again when the org changes.
 */
export interface UserContext {
  userId: Id;
  /** False when the user is not in the org: every decision is then refused with 'unknown-user'. */
  known: boolean;
  isAdmin: boolean;
  roleId: Id | null;
  departmentId: Id | null;
  managerId: Id | null;
  /** Users whose manager is this user. */
  subordinateIds: ReadonlySet<Id>;
  /** True when the user's role is in any permission group with edit rights (drops the 'subordinate-ae' scope). */
  inEditGroup: boolean;
  /** Customers of the user's permission groups that have edit rights. */
  editGroupCustomerIds: ReadonlySet<Id>;
  /** Customers of the user's permission groups without edit rights. */
  viewGroupCustomerIds: ReadonlySet<Id>;
  /** The user's department and every department above it (a share to a department covers its sub-departments). */
  departmentAndAncestorIds: ReadonlySet<Id>;
  /** Pools this user administers. */
  administeredPoolIds: ReadonlySet<Id>;
  /** Pools whose customers this user may pick up as a member (their department or one above it is a member, or the pool is open). */
  memberPoolIds: ReadonlySet<Id>;
  /** Every pool's administrators, for "whom to ask" on return to the pool and pick up. */
  poolAdminIds: ReadonlyMap<Id, readonly Id[]>;
  /** Users whose role is an administrator role (the acting user included). */
  adminUserIds: readonly Id[];
}

import type { RuleId } from '../rules/types';
import { exportEn } from './areas/export';
import { batchEn } from './areas/batch';
import { undoReassignEn } from './areas/undo-reassign';
import { overlayEn } from './areas/overlay';
import { poolEn } from './areas/pool';
import { syncEn } from './areas/sync';
import { shortcutsEn } from './areas/shortcuts';

/** Error codes that get their own sentence; any other code shows the CRM's message. */
export type TranslatedErrorCode =
  | 'not_connected' | 'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'not_found' | 'refused_sender'
  | 'invalid_message' | 'bad_response' | 'fault' | 'rate_limited' | 'permission_denied'
  // The CRM's own codes, so its English messages never reach a Vietnamese screen.
  | 'invalid' | 'stale' | 'precondition_required' | 'idempotency_mismatch' | 'internal' | 'too_large'
  | 'duplicate' | 'duplicate_in_request' | 'ambiguous' | 'not_dismissable'
  | 'file_encoding' | 'file_wrong_type' | 'file_empty' | 'file_too_large' | 'file_no_phone_column'
  | 'file_too_many_rows' | 'file_unreadable' | 'unsupported' | 'other_user';

type Required = Record<`rule.${RuleId}` | `error.${TranslatedErrorCode}`, string>;

export const en = {
  ...overlayEn,
  ...batchEn,
  ...undoReassignEn,
  ...syncEn,
  ...poolEn,
  ...shortcutsEn,
  ...exportEn,
  'app.name': 'CRM Overlay',

  'menu.moreActionsFor': 'More actions for {name}',
  'menu.label': 'Actions for {name}',
  'menu.view': 'View',
  'menu.edit': 'Edit',
  'menu.delete': 'Delete',
  'menu.returnToPool': 'Return to the pool',
  'menu.share': 'Share',
  'menu.log': 'Log',
  'menu.follow': 'Follow',
  'menu.unfollow': 'Unfollow',
  'menu.checking': 'Checking what you may do…',

  'details.title': 'Customer details',
  'details.close': 'Close details',
  'details.loading': 'Loading…',
  'details.fromCache': 'The CRM cannot be reached: this is the copy saved earlier.',
  'details.followed': '☆ Followed',
  'details.field.code': 'Customer code',
  'details.field.email': 'Email',
  'details.field.phone': 'Phone',
  'details.field.source': 'Source',
  'details.field.businessField': 'Business field',
  'details.field.ae': 'Account executive',
  'details.field.csr': 'Customer service representative',
  'details.field.pool': 'Pool',
  'details.field.tags': 'Tags',
  'details.field.sharedDepartments': 'Shared with departments',
  'details.field.sharedRoles': 'Shared with roles',
  'details.field.sharedUsers': 'Shared with users',
  'details.field.createdAt': 'Created',
  'details.field.updatedAt': 'Updated',
  'details.none': '—',

  'refusal.ask': 'Ask {whom}.',
  'ask.manager': 'your manager',
  'ask.pool-admin': 'the pool administrator',
  'ask.administrator': 'an administrator',

  'options.title': 'Connect to your CRM',
  'options.crmUrl': 'CRM address',
  'options.token': 'API token',
  'options.urlInvalid': 'Enter the CRM address, starting with https:// or http://',
  'options.tokenMissing': 'Enter the API token',
  'options.tokenHelp': 'Kept inside the extension only; web pages never see it.',
  'options.crmKind': 'Your CRM',
  'options.crmKind.token': 'A CRM with an API token',
  'options.crmKind.suitecrm': 'SuiteCRM',
  'options.username': 'SuiteCRM user name',
  'options.password': 'SuiteCRM password',
  'options.clientId': 'OAuth client ID',
  'options.clientSecret': 'OAuth client secret',
  'options.suitecrmHelp': 'Your password goes to SuiteCRM once to sign you in and is never kept; the extension keeps only the sign-in SuiteCRM gives it. Your SuiteCRM administrator gives you the OAuth client ID and secret.',
  'options.signInMissing': 'Enter your SuiteCRM user name and password, and the OAuth client ID and secret',
  'options.connect': 'Connect',
  'options.connecting': 'Connecting…',
  'options.signedInAs': 'Signed in as {user} ({role})',
  'options.signedInOffline': 'Signed in as {user} ({role}) — the CRM cannot be reached right now',
  'options.notConnected': 'Not connected',
  'options.language': 'Language',
  'options.language.auto': 'Browser language',
  'options.language.en': 'English',
  'options.language.vi': 'Tiếng Việt',

  'rule.administrator': 'You are an administrator',
  'rule.account-executive': 'You are the account executive',
  'rule.customer-service': 'You are the customer service representative',
  'rule.subordinate-ae': 'A direct subordinate of yours is the account executive',
  'rule.permission-group': 'A permission group of your role covers this customer',
  'rule.permission-group-edit': 'A permission group of your role may edit this customer',
  'rule.shared-user': 'The customer is shared with you',
  'rule.shared-department': 'The customer is shared with your department',
  'rule.shared-role': 'The customer is shared with your role',
  'rule.pool-admin': 'You administer this customer\'s pool',
  'rule.listed': 'The customer is in your list',
  'rule.not-listed': 'The customer is not in your list',
  'rule.edit-required': 'You need the right to edit this customer',
  'rule.administrator-only': 'Only administrators may do this',
  'rule.pool-admin-or-ae-only': 'Only the pool administrator or the account executive may do this',
  'rule.already-in-pool': 'The customer is already in the pool (no account executive)',
  'rule.deleted': 'The customer is deleted',
  'rule.not-deleted': 'The customer is not deleted',
  'rule.restore-expired': 'Deleted more than 30 days ago: it can no longer be restored',
  'rule.unknown-user': 'Your user is not in the CRM\'s organisation',
  'rule.reassign-not-allowed': 'Your edit right does not let you change the account executive or the customer service representative',
  'rule.return-to-pool-required': 'To leave the customer without an account executive, return it to the pool with a reason',
  'rule.pool-member': 'Your department is a member of this customer\'s pool',
  'rule.has-account-executive': 'The customer already has an account executive: someone picked it up first',
  'rule.not-pool-member': 'You are not a member of the customer pool',

  'error.not_connected': 'Not connected to a CRM yet: open the extension\'s options and connect.',
  'error.network': 'The CRM cannot be reached.',
  'error.timeout': 'The CRM did not answer in time; try again in a moment.',
  'error.unauthorized': 'The CRM did not accept your sign-in: check your API token or password in the extension’s options and connect again.',
  'error.forbidden': 'The CRM refused this: you may not have the right to do it. Ask your manager.',
  'error.not_found': 'The CRM has no such customer in your list.',
  'error.refused_sender': 'This page may not ask for that.',
  'error.invalid_message': 'This could not be sent as it was: reload the page and try again.',
  'error.bad_response': 'The CRM answered something unexpected: try again, and tell your administrator if it keeps happening.',
  'error.fault': 'Something went wrong: try again, and tell your administrator if it keeps happening.',
  'error.unsupported': 'Your CRM cannot do this.',
  'error.other_user': 'It was made while someone else was signed in, so it was not sent in your name.',
  'error.rate_limited': 'The CRM is busy; try again in a moment.',
  'error.permission_denied': 'Permission to reach {origin} was not granted.',
  'error.invalid': 'The CRM did not accept what was sent; check the values and try again.',
  'error.stale': 'Someone changed this customer meanwhile; open it again to see the current version.',
  'error.precondition_required': 'The CRM needs to know which version you edited; open the customer again and retry.',
  'error.idempotency_mismatch': 'The CRM took this for an earlier action; try again.',
  'error.internal': 'The CRM had an internal error; try again later.',
  'error.too_large': 'The request is too large for the CRM; choose fewer customers.',
  'error.duplicate': 'This customer is already in the request once.',
  'error.duplicate_in_request': 'The same phone number is already in the request.',
  'error.ambiguous': 'Several customers have this phone number.',
  'error.not_dismissable': 'Only a failed action can be dismissed; a pending one is still to be sent.',
  'error.file_encoding': 'The file\'s text could not be read: save it again as CSV UTF-8, or upload an XLSX file.',
  'error.file_wrong_type': 'The file is not a CSV or XLSX file (old .xls files must be saved as .xlsx or CSV).',
  'error.file_empty': 'The file has no rows to read.',
  'error.file_too_large': 'The file is larger than 20 MB.',
  'error.file_no_phone_column': 'The file has no phone number column: its first row must name one (for example "Phone" or "Số điện thoại").',
  'error.file_too_many_rows': 'The file has more than 200,000 rows; split it into smaller files.',
  'error.file_unreadable': 'The file could not be read; upload it again, or save it again as XLSX or CSV.',
} satisfies Required & Record<string, string>;

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;

import type { RuleId } from '../rules/types';
import { batchEn } from './areas/batch';
import { overlayEn } from './areas/overlay';
import { syncEn } from './areas/sync';

/** Error codes that get their own sentence; any other code shows the CRM's message. */
export type TranslatedErrorCode =
  | 'not_connected' | 'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'not_found' | 'refused_sender'
  | 'invalid_message' | 'bad_response' | 'fault' | 'rate_limited' | 'permission_denied';

type Required = Record<`rule.${RuleId}` | `error.${TranslatedErrorCode}`, string>;

export const en = {
  ...overlayEn,
  ...batchEn,
  ...syncEn,
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
  'details.field.code': 'Code',
  'details.field.email': 'Email',
  'details.field.phone': 'Phone',
  'details.field.source': 'Source',
  'details.field.businessField': 'Business field',
  'details.field.ae': 'Account executive',
  'details.field.csr': 'Customer service',
  'details.field.pool': 'Pool',
  'details.field.tags': 'Tags',
  'details.field.sharedDepartments': 'Shared with departments',
  'details.field.sharedRoles': 'Shared with roles',
  'details.field.sharedUsers': 'Shared with users',
  'details.field.createdAt': 'Created',
  'details.field.updatedAt': 'Updated',
  'details.field.version': 'Version',
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

  'error.not_connected': 'Not connected to a CRM yet: open the extension\'s options and connect.',
  'error.network': 'The CRM cannot be reached.',
  'error.timeout': 'The CRM did not answer in time.',
  'error.unauthorized': 'The CRM refused the API token.',
  'error.forbidden': 'The CRM refused this.',
  'error.not_found': 'The CRM has no such customer in your list.',
  'error.refused_sender': 'This page may not ask for that.',
  'error.invalid_message': 'The request was malformed.',
  'error.bad_response': 'The CRM answered something unexpected.',
  'error.fault': 'Something went wrong.',
  'error.rate_limited': 'The CRM is busy; try again in a moment.',
  'error.permission_denied': 'Permission to reach {origin} was not granted.',
} satisfies Required & Record<string, string>;

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;

// A waiting action in the side panel's list as a person reads it: what, on which customer (name and
// code), and why it waits or was not sent, never the request it makes or the raw error.
import { errorText, hasMessage, t } from '../i18n/index';
import type { PendingAction } from '../protocol/mutations';
import { customerText } from './customer-label';

/** The action by the menu's name for it (the outbox stores its own action names). */
export function pendingActionText(action: string): string {
  if (action === 'restore') return t('delete.restore');
  const key = `menu.${action}`;
  return hasMessage(key) ? t(key) : t('change.field.other');
}

/** "Edit · Anna Wilson (KH000123)" and, when there is one, why it waits or was not sent. */
export function pendingText(a: PendingAction): { what: string; why: string | null } {
  const what = `${pendingActionText(a.action)} · ${customerText(a.customer)}`;
  if (a.status === 'failed') {
    const reason = a.error ? errorText({ code: a.error.code, rule: a.error.rule, message: '' }) : t('error.fault');
    return { what, why: t('batch.panel.notSent', { reason }) };
  }
  return { what, why: a.attempts > 0 || a.error ? t('batch.panel.waitingForCrm') : null };
}

// What the user reads when actions that waited in the outbox got the CRM's answer (the CRM page's toast,
// the side panel's status).
import { hasMessage, t } from '../i18n';
import type { SentAction } from '../protocol/messages';

/** The action by the menu's name for it (the outbox stores its own names). */
export function actionText(action: string): string {
  if (action === 'restore') return t('delete.restore');
  const key = `menu.${action}`;
  return hasMessage(key) ? t(key) : t('change.field.other');
}

/** One message per outcome: those saved together in one sentence, each conflict or refusal by itself. */
export function sentMessages(actions: readonly SentAction[]): { text: string; tone: 'info' | 'error' }[] {
  const name = (a: SentAction) => a.name || t('sent.someCustomer');
  const applied = actions.filter((a) => a.outcome === 'applied');
  const messages: { text: string; tone: 'info' | 'error' }[] = [];
  if (applied.length === 1) messages.push({ text: t('sent.applied', { name: name(applied[0]), action: actionText(applied[0].action) }), tone: 'info' });
  else if (applied.length > 1) messages.push({ text: t('sent.appliedMany', { count: applied.length }), tone: 'info' });
  for (const a of actions) {
    if (a.outcome === 'conflict') messages.push({ text: t('sent.conflict', { name: name(a) }), tone: 'error' });
    if (a.outcome === 'failed') messages.push({ text: t('sent.failed', { name: name(a), action: actionText(a.action) }), tone: 'error' });
  }
  return messages;
}

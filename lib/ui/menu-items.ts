// What the row menu shows for a customer: pure, from the background's decisions.
import type { Action } from '../rules/types';
import type { ProtocolError, RowState } from '../protocol/messages';
import { errorText, refusalText, t, type MessageKey } from '../i18n/index';
import type { MenuItemId } from './state';

const ITEMS: ReadonlyArray<{ id: MenuItemId; action: Action; label: MessageKey }> = [
  { id: 'view', action: 'view', label: 'menu.view' },
  { id: 'edit', action: 'edit', label: 'menu.edit' },
  { id: 'delete', action: 'delete', label: 'menu.delete' },
  { id: 'returnToPool', action: 'returnToPool', label: 'menu.returnToPool' },
  { id: 'share', action: 'share', label: 'menu.share' },
  { id: 'log', action: 'view', label: 'menu.log' },
  { id: 'follow', action: 'follow', label: 'menu.follow' },
];

export interface MenuItemView {
  id: MenuItemId;
  label: string;
  disabled: boolean;
  /** Why it is disabled: the rule, and whom to ask. */
  reason: string | null;
}

/**
 * `rowState` undefined = not known yet (View still works: the CRM decides on the details);
 * null = the CRM does not list the customer for this user.
 */
export function menuItems(rowState: RowState | null | undefined, loadError: ProtocolError | null): MenuItemView[] {
  return ITEMS.map(({ id, action, label }) => {
    const text = id === 'follow' && rowState?.followed ? t('menu.unfollow') : t(label);
    if (rowState === undefined) {
      if (id === 'view') return { id, label: text, disabled: false, reason: null };
      return { id, label: text, disabled: true, reason: loadError ? errorText(loadError) : t('menu.checking') };
    }
    if (rowState === null) return { id, label: text, disabled: true, reason: refusalText('not-listed') };
    const decision = rowState.decisions[action];
    if (decision.allowed) return { id, label: text, disabled: false, reason: null };
    return { id, label: text, disabled: true, reason: refusalText(decision.rule, decision.ask, decision.reason) };
  });
}

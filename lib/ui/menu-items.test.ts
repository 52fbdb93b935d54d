import { describe, expect, it } from 'vitest';
import { menuItems } from './menu-items';
import { ACTIONS, type Action } from '../rules/types';
import type { Decisions, DecisionView, RowState } from '../protocol/messages';

const allow: DecisionView = { allowed: true, rule: 'account-executive', reason: 'AE', ask: [] };
const refuse = (rule: DecisionView['rule'], names: string[] = []): DecisionView => ({
  allowed: false, rule, reason: 'no', ask: names.length ? [{ kind: 'administrator', userIds: ['u-admin'], names }] : [],
});
function state(overrides: Partial<Record<Action, DecisionView>>, followed = false): RowState {
  const decisions = Object.fromEntries(ACTIONS.map((a) => [a, overrides[a] ?? allow])) as Decisions;
  return { id: 'c-1', followed, decisions };
}
const byId = (items: ReturnType<typeof menuItems>) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('menuItems', () => {
  it('lists the seven items in the documents\' order', () => {
    expect(menuItems(state({}), null).map((i) => i.label)).toEqual(
      ['View', 'Edit', 'Delete', 'Return to the pool', 'Share', 'Log', 'Follow'],
    );
  });

  it('disables what the rules refuse, saying which rule and whom to ask', () => {
    const items = byId(menuItems(state({ delete: refuse('administrator-only', ['Ada Admin']) }), null));
    expect(items.delete).toMatchObject({
      disabled: true, reason: 'Only administrators may do this. Ask an administrator (Ada Admin).',
    });
    expect(items.edit.disabled).toBe(false);
  });

  it('offers Unfollow on a followed customer', () => {
    expect(byId(menuItems(state({}, true), null)).follow.label).toBe('Unfollow');
  });

  it('keeps View usable while the decisions load, and says why the rest wait', () => {
    const items = byId(menuItems(undefined, null));
    expect(items.view.disabled).toBe(false);
    expect(items.edit).toMatchObject({ disabled: true, reason: 'Checking what you may do…' });
    const failed = byId(menuItems(undefined, { code: 'network', message: 'x' }));
    expect(failed.edit.reason).toBe('The CRM cannot be reached.');
  });

  it('disables everything for a customer the CRM does not list', () => {
    expect(menuItems(null, null).every((i) => i.disabled && i.reason === 'The customer is not in your list.')).toBe(true);
  });
});

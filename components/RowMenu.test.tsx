import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RowMenu } from './RowMenu';
import { createOverlayState, setRowStates, type MenuItemId } from '../lib/ui/state';
import { allowAll } from '../lib/ui/test-helpers';

afterEach(cleanup);

/** `off`: items whose feature is not running (switched off in the options): they register no action. */
function setup(off: MenuItemId[] = []) {
  const state = createOverlayState();
  for (const id of ['edit', 'delete', 'returnToPool', 'share', 'log', 'follow'] as MenuItemId[]) if (!off.includes(id)) state.actions.set(id, vi.fn());
  const anchor = document.createElement('button');
  document.body.append(anchor);
  const row = allowAll('c-001');
  row.decisions.delete = { allowed: false, rule: 'administrator-only', reason: 'x', ask: [{ kind: 'administrator', userIds: ['u-admin'], names: ['Ada Admin'] }] };
  setRowStates(state, { 'c-001': row });
  const view = vi.fn();
  state.actions.set('view', view);
  state.menu.value = { id: 'c-001', name: 'An Phát', anchor, focus: 'first' };
  render(<RowMenu state={state} />);
  return { state, anchor, view };
}

const focusedItem = () => (document.activeElement as HTMLElement | null)?.dataset.crmxItem;

describe('RowMenu', () => {
  it('is an ARIA menu of named items, focused on the first', () => {
    setup();
    const menu = screen.getByRole('menu');
    expect(menu.classList.contains('crmx-menu')).toBe(true);
    expect(screen.getAllByRole('menuitem').map((i) => i.dataset.crmxItem)).toEqual(
      ['view', 'edit', 'delete', 'returnToPool', 'share', 'log', 'follow'],
    );
    expect(focusedItem()).toBe('view');
  });

  it('offers no item whose feature is switched off (the log, the stars)', () => {
    setup(['log', 'follow']);
    expect(screen.getAllByRole('menuitem').map((i) => i.dataset.crmxItem)).toEqual(['view', 'edit', 'delete', 'returnToPool', 'share']);
  });

  it('marks a refused item aria-disabled, named by all it shows: the action and why', () => {
    setup();
    const del = document.querySelector<HTMLElement>('[data-crmx-item="delete"]')!;
    expect(del.getAttribute('aria-disabled')).toBe('true');
    // No aria-labelledby or aria-label narrows the name: it is the item's text, words apart.
    expect(del.hasAttribute('aria-labelledby') || del.hasAttribute('aria-label')).toBe(false);
    expect(del.textContent).toBe('Delete Only administrators may do this. Ask an administrator (Ada Admin).');
    expect(screen.getByRole('menuitem', { name: 'Delete Only administrators may do this. Ask an administrator (Ada Admin).' })).toBe(del);
    expect(screen.getByRole('menuitem', { name: 'Edit' }).dataset.crmxItem).toBe('edit');
  });

  it('moves with the arrow keys, Home and End, wrapping around', () => {
    setup();
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedItem()).toBe('edit');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(focusedItem()).toBe('follow');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedItem()).toBe('view');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focusedItem()).toBe('follow');
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(focusedItem()).toBe('view');
  });

  it('runs the focused item on Enter', () => {
    const { state, view } = setup();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Enter' });
    expect(view).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-001' }));
    expect(state.menu.value).toBeNull();
  });

  it('does nothing on a disabled item', () => {
    const { state } = setup();
    const del = vi.fn();
    state.actions.set('delete', del);
    fireEvent.click(document.querySelector('[data-crmx-item="delete"]')!);
    expect(del).not.toHaveBeenCalled();
    expect(state.menu.value).not.toBeNull();
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const { state, anchor } = setup();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(state.menu.value).toBeNull();
    expect(document.activeElement).toBe(anchor);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });

  it('closes on a click outside', () => {
    const { state } = setup();
    fireEvent.pointerDown(document.body);
    expect(state.menu.value).toBeNull();
  });
});

// The state the overlay's features share with the components in the shadow root.
import { signal, type Signal } from '@preact/signals';
import type { Id } from '../domain/types';
import type { ProtocolError, RowState } from '../messaging/protocol';

export type MenuItemId = 'view' | 'edit' | 'delete' | 'returnToPool' | 'share' | 'log' | 'follow';

export interface CustomerRef {
  id: Id;
  /** The name as the host row shows it, until the CRM's answer arrives. */
  name: string;
}

export interface OpenMenu extends CustomerRef {
  /** The [···] button that opened it: the menu sits next to it and gives focus back to it. */
  anchor: HTMLElement;
  /** Which item takes focus when the menu opens. */
  focus: 'first' | 'last';
}

export interface OpenDetails extends CustomerRef {
  /** Where focus goes back when the panel closes. */
  returnFocus?: HTMLElement | null;
}

/** Runs a menu item for a customer; features register theirs (edit, share, log… come later). */
export type MenuAction = (target: OpenMenu) => void | Promise<void>;

export interface OverlayState {
  menu: Signal<OpenMenu | null>;
  details: Signal<OpenDetails | null>;
  /** Per customer id: what the user may do and whether they follow it; null = not listed for them. */
  rowStates: Signal<ReadonlyMap<Id, RowState | null>>;
  /** Why the row states could not be loaded (not connected, CRM unreachable…), else null. */
  rowStatesError: Signal<ProtocolError | null>;
  /** Bumped for a customer whenever the background says it changed. */
  changed: Signal<ReadonlyMap<Id, number>>;
  actions: Map<MenuItemId, MenuAction>;
}

export function createOverlayState(): OverlayState {
  return {
    menu: signal(null),
    details: signal(null),
    rowStates: signal(new Map()),
    rowStatesError: signal(null),
    changed: signal(new Map()),
    actions: new Map(),
  };
}

export function setRowStates(state: OverlayState, entries: Record<Id, RowState | null>): void {
  const next = new Map(state.rowStates.value);
  for (const [id, row] of Object.entries(entries)) next.set(id, row);
  state.rowStates.value = next;
}

export function markChanged(state: OverlayState, ids: Id[]): void {
  const next = new Map(state.changed.value);
  for (const id of ids) next.set(id, (next.get(id) ?? 0) + 1);
  state.changed.value = next;
}

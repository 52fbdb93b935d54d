// The state the overlay's features share with the components in the shadow root.
import { signal, type Signal } from '@preact/signals';
import type { Id } from '../domain/types';
import type { ProtocolError, RowState } from '../protocol/messages';

export type MenuItemId = 'view' | 'edit' | 'delete' | 'returnToPool' | 'share' | 'log' | 'follow';

/** The dialogs a menu item (or the details panel) opens. */
export type DialogKind = 'edit' | 'delete' | 'returnToPool' | 'share' | 'log';

export interface OpenDialog extends CustomerRef {
  kind: DialogKind;
  /** Where focus goes back when the dialog closes. */
  returnFocus: HTMLElement | null;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** An optional button on the toast (e.g. Restore after a delete). */
  action?: { label: string; run(): void | Promise<void> };
  /** Stays until closed or taken back: what it says stays true until then (rows on the page changed). */
  lasting?: boolean;
}

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

/** Runs a menu item for a customer; each feature registers its own (edit, share, log…). */
export type MenuAction = (target: OpenMenu) => void | Promise<void>;

export interface OverlayView {
  kind: 'followed';
  /** The customers the view shows now, in its order: what the selection's page box and the batch bar see. */
  ids: readonly Id[];
}

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
  /** The open dialog, at most one. */
  dialog: Signal<OpenDialog | null>;
  toasts: Signal<readonly Toast[]>;
  /** Customers that left the user's list (returned to the pool, deleted): their host rows are hidden. */
  gone: Signal<ReadonlySet<Id>>;
  /** The list the user looks at: the host's own (null) or ours drawn in its place (the Followed view). */
  view: Signal<OverlayView | null>;
  /** Follows toggled while the CRM could not be reached: shown as pending. */
  pendingFollows: Signal<ReadonlySet<Id>>;
  /** A short notice about the page itself (e.g. the adapter finds no rows), else null. */
  notice: Signal<string | null>;
}

export function createOverlayState(): OverlayState {
  return {
    menu: signal(null),
    details: signal(null),
    rowStates: signal(new Map()),
    rowStatesError: signal(null),
    changed: signal(new Map()),
    actions: new Map(),
    dialog: signal(null),
    toasts: signal([]),
    gone: signal(new Set()),
    notice: signal(null),
    pendingFollows: signal(new Set()),
    view: signal(null),
  };
}

let nextToastId = 1;

/** Shows a toast; returns its id (for dismissToast). */
export function showToast(state: OverlayState, toast: Omit<Toast, 'id'>): number {
  const id = nextToastId++;
  state.toasts.value = [...state.toasts.value.slice(-3), { ...toast, id }];
  return id;
}

export function dismissToast(state: OverlayState, id: number): void {
  state.toasts.value = state.toasts.value.filter((t) => t.id !== id);
}

export function setGone(state: OverlayState, id: Id, gone: boolean): void {
  const next = new Set(state.gone.value);
  if (gone) next.add(id);
  else next.delete(id);
  state.gone.value = next;
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

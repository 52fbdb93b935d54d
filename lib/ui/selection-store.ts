// The selection shared by the selection feature (row boxes) and the batch bar of one page or panel.
import { signal, type Signal } from '@preact/signals';
import type { Id } from '../domain/types';
import { EMPTY_SELECTION, type Selection } from './selection';

export interface SelectionStore {
  selection: Signal<Selection>;
  /** Names seen for ids (rows, search results), for the dialogs' target lists. */
  names: Map<Id, string>;
}

export function createSelectionStore(): SelectionStore {
  return { selection: signal(EMPTY_SELECTION), names: new Map() };
}

const stores = new WeakMap<object, SelectionStore>();

/** The one store belonging to `owner` (the overlay state of a page), made on first use. */
export function selectionStoreFor(owner: object): SelectionStore {
  let store = stores.get(owner);
  if (!store) {
    store = createSelectionStore();
    stores.set(owner, store);
  }
  return store;
}

export function clearSelection(store: SelectionStore): void {
  store.selection.value = EMPTY_SELECTION;
}

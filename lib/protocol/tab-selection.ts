// Protocol area: the selection of a CRM tab, kept by the background so that it survives a page that reloads
// the whole document (a CRM paging by form POST). Only the content script of that tab may read or write it,
// and only for the CRM origin it is on. Handlers: lib/background/handlers/tab-selection.ts.
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { Reply, SenderKind } from './messages';

export interface TabSelection {
  /** Which list of the CRM (the adapter's name): a selection on one list is not another list's. */
  list: string;
  ids: Id[];
  /** The names seen for the ids (the batch dialogs list them, also those not on the page shown). */
  names: Record<Id, string>;
  /** "Every customer matching this filter" when the selection was that. */
  matching?: { filter: { q?: string; followed?: boolean; tag?: string }; total: number };
}

export interface TabSelectionProtocol {
  /** The selection this tab kept on this list of the CRM, or null. */
  getTabSelection(list: string): Reply<TabSelection | null>;
  /** Keeps the tab's selection on that list; no ids forgets it (the user cleared it). */
  putTabSelection(selection: TabSelection): Reply<null>;
}

export const TAB_SELECTION_SENDER_KINDS: Record<keyof TabSelectionProtocol, SenderKind> = {
  getTabSelection: 'crm-tab',
  putTabSelection: 'crm-tab',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));
const List = v.pipe(v.string(), v.minLength(1, 'list is empty'), v.maxLength(100));
const MAX_IDS = 200_000;

export const TAB_SELECTION_SCHEMAS: { [K in keyof TabSelectionProtocol]: v.GenericSchema<unknown, Parameters<TabSelectionProtocol[K]>[0]> } = {
  getTabSelection: List,
  putTabSelection: v.strictObject({
    list: List,
    ids: v.pipe(v.array(Id), v.maxLength(MAX_IDS, `at most ${MAX_IDS} ids`)),
    names: v.pipe(v.record(Id, v.pipe(v.string(), v.maxLength(500))), v.check((n) => Object.keys(n).length <= MAX_IDS, 'too many names')),
    matching: v.optional(v.strictObject({
      filter: v.strictObject({
        q: v.optional(v.pipe(v.string(), v.maxLength(200))),
        followed: v.optional(v.boolean()),
        tag: v.optional(v.pipe(v.string(), v.maxLength(100))),
      }),
      total: v.pipe(v.number(), v.integer(), v.minValue(0)),
    })),
  }),
};

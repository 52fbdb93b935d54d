// Protocol area: what the content script loads on demand instead of carrying it. It ships no strings
// and asks for the language the user picks (English by default); the dialogs are injected into its tab on
// first use. Handlers: lib/background/handlers/content.ts.
import * as v from 'valibot';
import { LANGUAGES, type Dictionary, type Language } from '../i18n/index';
import type { Reply, SenderKind } from './messages';

export interface ContentProtocol {
  getDictionary(language: Language): Reply<Dictionary>;
  /** Runs the dialogs' script in the sender's frame (components/kit/lazy-dialogs.ts); answers once it ran. */
  loadDialogs(): Reply<null>;
}

export const CONTENT_SENDER_KINDS: Record<keyof ContentProtocol, SenderKind> = {
  getDictionary: 'crm-page',
  loadDialogs: 'crm-page',
};

export const CONTENT_SCHEMAS: { [K in keyof ContentProtocol]: v.GenericSchema<unknown, Parameters<ContentProtocol[K]>[0]> } = {
  getDictionary: v.picklist(LANGUAGES),
  loadDialogs: v.undefined(),
};

// Protocol area: a language's strings. The content script ships English only and asks for another
// language when the user picks it. Handlers: ./handlers-i18n.ts.
import * as v from 'valibot';
import { LANGUAGES, type Dictionary, type Language } from '../i18n';
import type { Reply, SenderKind } from './protocol';

export interface I18nProtocol {
  getDictionary(language: Language): Reply<Dictionary>;
}

export const I18N_SENDER_KINDS: Record<keyof I18nProtocol, SenderKind> = {
  getDictionary: 'crm-page',
};

export const I18N_SCHEMAS: { [K in keyof I18nProtocol]: v.GenericSchema<unknown, Parameters<I18nProtocol[K]>[0]> } = {
  getDictionary: v.picklist(LANGUAGES),
};

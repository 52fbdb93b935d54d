import { DICTIONARIES } from '../i18n/languages';
import type { I18nProtocol } from './protocol-i18n';
import type { Handlers } from './router';

export function createI18nHandlers(): Pick<Handlers, keyof I18nProtocol> {
  return {
    getDictionary: async (language) => DICTIONARIES[language],
  };
}

import type { LanguageSetting, SettingSource } from '../settings-schema';
import { addDictionary, currentLanguage, hasDictionary, resolveLanguage, type Dictionary, type Language } from './index';

/** Where the strings of a language not yet loaded come from. */
export type DictionaryLoader = (language: Language) => Promise<Dictionary>;

/**
 * Keeps currentLanguage in step with the language setting until `signal` aborts. A language is switched
 * to once its strings are loaded; if they cannot be, the current language stays. Resolves once the first
 * setting is applied: true when the current language has its strings then.
 */
export async function followLanguageSetting(
  signal: AbortSignal, setting: SettingSource<LanguageSetting>, load: DictionaryLoader,
): Promise<boolean> {
  let latest = 0;
  const apply = async (value: LanguageSetting) => {
    const language = resolveLanguage(value);
    const ticket = ++latest;
    try {
      if (!hasDictionary(language)) addDictionary(language, await load(language));
    } catch (error) {
      console.error(`[crmx] could not load the strings of "${language}"`, error);
      return;
    }
    // A later change of the setting wins over a slower load of an earlier one.
    if (ticket === latest && !signal.aborted) currentLanguage.value = language;
  };
  const unwatch = setting.watch((value) => void apply(value));
  signal.addEventListener('abort', unwatch, { once: true });
  await apply(await setting.getValue());
  return hasDictionary(currentLanguage.peek());
}

// The background writes files in the language the user reads (the UI asks with it): t() and the texts
// built on it (errorText, dates) answer in `language` while `build` runs. `build` is synchronous, so
// nothing else in the worker runs meanwhile and sees the language switched; the background has no views
// watching the language.
import { addDictionary, currentLanguage, hasDictionary, type Language } from '../i18n/index';
import { DICTIONARIES } from '../i18n/languages';

export function inLanguage<T>(language: Language, build: () => T): T {
  if (!hasDictionary(language)) addDictionary(language, DICTIONARIES[language]);
  const before = currentLanguage.peek();
  currentLanguage.value = language;
  try {
    return build();
  } finally {
    currentLanguage.value = before;
  }
}

// Every language's strings, for the background and the extension pages. The content script must not
// import this file: it asks the background for a language instead (getDictionary).
import { addDictionary, type Dictionary, type Language } from './index';
import { en } from './en';
import { vi } from './vi';

export const DICTIONARIES: Record<Language, Dictionary> = { en, vi };

/** Adds every language's strings, for a page that draws at once (before a setting is read). */
export function addBundledDictionaries(): void {
  for (const [language, dictionary] of Object.entries(DICTIONARIES) as [Language, Dictionary][]) addDictionary(language, dictionary);
}

export const loadBundledDictionary = async (language: Language): Promise<Dictionary> => DICTIONARIES[language];

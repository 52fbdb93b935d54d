// Every language's strings, for the background and the extension pages. The content script must not
// import this file: it asks the background for a language instead (getDictionary).
import type { Dictionary, Language } from './index';
import { en } from './en';
import { vi } from './vi';

export const DICTIONARIES: Record<Language, Dictionary> = { en, vi };

export const loadBundledDictionary = async (language: Language): Promise<Dictionary> => DICTIONARIES[language];

// Every user-facing string goes through t(). The current language is a signal: components that call
// t() while rendering re-render when it changes. Only English is built in: the other languages are
// added when first used (lib/i18n/follow-setting.ts), so the content script carries one language.
import { signal } from '@preact/signals';
import type { LanguageSetting } from '../settings-schema';
import { en, type Dictionary, type MessageKey, type TranslatedErrorCode } from './en';

export type Language = 'en' | 'vi';
export const LANGUAGES: readonly Language[] = ['en', 'vi'];
export type { Dictionary, MessageKey };

const dictionaries: Partial<Record<Language, Dictionary>> = { en };

export function hasDictionary(language: Language): boolean {
  return dictionaries[language] !== undefined;
}

export function addDictionary(language: Language, dictionary: Dictionary): void {
  dictionaries[language] = dictionary;
}

/** The language of the browser's first preference we have, else English. */
export function browserLanguage(preferences: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return 'en';
}

export function resolveLanguage(setting: LanguageSetting, preferences?: readonly string[]): Language {
  return setting === 'auto' ? browserLanguage(preferences) : setting;
}

export const currentLanguage = signal<Language>(browserLanguage());

/** The message for `key` in the current language, `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (dictionaries[currentLanguage.value] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

interface AskLike {
  kind: 'manager' | 'pool-admin' | 'administrator';
  names?: string[];
}

/** "Only administrators may do this. Ask an administrator (Ada Admin)." */
export function refusalText(rule: string, ask: readonly AskLike[] = [], fallback = ''): string {
  const ruleKey = `rule.${rule}`;
  const sentence = hasMessage(ruleKey) ? t(ruleKey) : fallback;
  if (ask.length === 0) return `${sentence}.`;
  const whom = ask
    .map((a) => (a.names && a.names.length > 0 ? `${t(`ask.${a.kind}`)} (${a.names.join(', ')})` : t(`ask.${a.kind}`)))
    .join(' / ');
  return `${sentence}. ${t('refusal.ask', { whom })}`;
}

/** A protocol or CRM error as the user should read it. */
export function errorText(error: { code: string; message: string; rule?: string; ask?: readonly AskLike[] }): string {
  if (error.rule) return refusalText(error.rule, error.ask, error.message);
  const key = `error.${error.code}`;
  if (hasMessage(key)) return t(key as `error.${TranslatedErrorCode}`, {});
  return error.message;
}

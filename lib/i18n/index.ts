// Every user-facing string goes through t(). The current language is a signal: components that call
// t() while rendering re-render when it changes, or when a language's strings arrive. No language is
// built in: the extension's pages add theirs (lib/i18n/languages.ts), the content script asks the
// background for the one chosen (lib/i18n/follow-setting.ts), so it carries no strings of its own.
import { signal } from '@preact/signals';
import type { LanguageSetting } from '../settings-schema';
import type { Dictionary, MessageKey, TranslatedErrorCode } from './en';

export type Language = 'en' | 'vi';
export const LANGUAGES: readonly Language[] = ['en', 'vi'];
export type { Dictionary, MessageKey };

const dictionaries: Partial<Record<Language, Dictionary>> = {};
/** Bumped when a language's strings are added: what t() rendered before them is drawn again. */
const dictionariesAdded = signal(0);

export function hasDictionary(language: Language): boolean {
  return dictionaries[language] !== undefined;
}

export function addDictionary(language: Language, dictionary: Dictionary): void {
  dictionaries[language] = dictionary;
  dictionariesAdded.value++;
}

/** The strings of `language`, else English's, else none (nothing added yet). */
function dictionaryFor(language: Language): Dictionary | undefined {
  return dictionaries[language] ?? dictionaries.en;
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

// `{count, plural, one {# customer} other {# customers}}`: the ICU plural form, the only one the messages use.
// A case may hold `{name}` placeholders (`one {{verb} # customer}`), filled after the case is chosen.
const CASE_TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const PLURAL = new RegExp(String.raw`\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{${CASE_TEXT}\})+)\s*\}`, 'g');
const PLURAL_CASE = new RegExp(String.raw`(=\d+|zero|one|two|few|many|other)\s*\{(${CASE_TEXT})\}`, 'g');
const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralCase(language: Language, value: number, cases: string): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const category = rules.select(value);
  let chosen: string | undefined;
  let other = '';
  for (const [, selector, text] of cases.matchAll(PLURAL_CASE)) {
    if (selector === `=${value}`) return text;
    if (selector === category && chosen === undefined) chosen = text;
    if (selector === 'other') other = text;
  }
  return chosen ?? other;
}

/** `template` with its plural forms chosen and `{name}` placeholders filled from `params`. */
export function formatMessage(language: Language, template: string, params: Record<string, string | number> = {}): string {
  const plural = template.includes(', plural,')
    ? template.replace(PLURAL, (whole, name: string, cases: string) => {
      const value = Number(params[name]);
      if (!(name in params) || !Number.isFinite(value)) return whole;
      return pluralCase(language, value, cases).replace(/#/g, String(params[name]));
    })
    : template;
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for `key` in the current language, plurals chosen and `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const language = currentLanguage.value;
  void dictionariesAdded.value;
  const template = dictionaryFor(language)?.[key];
  return template === undefined ? '' : formatMessage(language, template, params);
}

export function hasMessage(key: string): key is MessageKey {
  const dictionary = dictionaryFor(currentLanguage.peek());
  return dictionary !== undefined && key in dictionary;
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
  // Never the raw message: it is the CRM's or the code's English, often naming requests and fields.
  return t('error.fault');
}

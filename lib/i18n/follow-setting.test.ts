// The content script carries no strings: a language is loaded once, when the setting first asks for it.
import { beforeEach, describe, expect, it, vi as mock } from 'vitest';
import type { LanguageSetting, SettingSource } from '../settings-schema';
import type { Dictionary, Language } from './index';
import { en } from './en';
import { vi } from './vi';

const DICTIONARIES = { en, vi };

// Loaded dictionaries stay for the module's life: every test starts from fresh modules, with none.
let i18n: typeof import('./index');
let followLanguageSetting: typeof import('./follow-setting').followLanguageSetting;
beforeEach(async () => {
  mock.resetModules();
  i18n = await import('./index');
  ({ followLanguageSetting } = await import('./follow-setting'));
  i18n.currentLanguage.value = 'en';
});

/** A language setting the test changes by hand; `loads` are the loader's calls, resolved by the test. */
function scene(initial: LanguageSetting) {
  let value = initial;
  const listeners = new Set<(value: LanguageSetting) => void>();
  const setting: SettingSource<LanguageSetting> = {
    getValue: async () => value,
    watch(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  const loads: { language: Language; resolve(d: Dictionary): void; reject(e: Error): void }[] = [];
  const load = mock.fn((language: Language) => new Promise<Dictionary>((resolve, reject) => loads.push({ language, resolve, reject })));
  const set = (next: LanguageSetting) => {
    value = next;
    for (const listener of listeners) listener(next);
  };
  return { setting, load, loads, set };
}

const settled = () => new Promise((resolve) => setTimeout(resolve));

describe('followLanguageSetting', () => {
  // Each case: the setting at start, then changes; which languages were loaded; the language at the end.
  it.each([
    { start: 'en', changes: [], loaded: ['en'], end: 'en' },
    { start: 'vi', changes: [], loaded: ['vi'], end: 'vi' },
    { start: 'en', changes: ['vi'], loaded: ['en', 'vi'], end: 'vi' },
    { start: 'vi', changes: ['en', 'vi', 'en'], loaded: ['vi', 'en'], end: 'en' },
  ] as const)('$start then $changes: loads $loaded, speaks $end', async ({ start, changes, loaded, end }) => {
    const s = scene(start);
    const answer = async () => {
      await settled();
      for (const l of s.loads.splice(0)) l.resolve(DICTIONARIES[l.language]);
    };
    const following = followLanguageSetting(new AbortController().signal, s.setting, s.load);
    await answer();
    expect(await following).toBe(true);
    for (const change of changes) {
      s.set(change);
      await answer();
      await settled();
    }
    expect(s.load.mock.calls.map(([language]) => language)).toEqual(loaded);
    expect(i18n.currentLanguage.value).toBe(end);
  });

  /** Follows the setting `s`, its first load (English) answered. */
  async function following(s: ReturnType<typeof scene>, signal = new AbortController().signal) {
    const started = followLanguageSetting(signal, s.setting, s.load);
    await settled();
    s.loads.shift()!.resolve(en);
    return started;
  }

  it('says nothing until the strings arrive, then speaks them', async () => {
    const s = scene('en');
    const started = followLanguageSetting(new AbortController().signal, s.setting, s.load);
    await settled();
    expect(i18n.t('menu.edit')).toBe('');
    s.loads[0].resolve(en);
    expect(await started).toBe(true);
    expect(i18n.t('menu.edit')).toBe('Edit');
  });

  it('speaks the loaded strings once they arrive, not before', async () => {
    const s = scene('en');
    await following(s);
    s.set('vi');
    await settled();
    expect(i18n.t('menu.edit')).toBe('Edit');
    s.loads[0].resolve({ ...vi, 'menu.edit': 'Sửa (loaded)' });
    await settled();
    expect(i18n.t('menu.edit')).toBe('Sửa (loaded)');
  });

  it('a later choice wins over a slower load of an earlier one', async () => {
    const s = scene('en');
    await following(s);
    s.set('vi');
    s.set('en');
    await settled();
    s.loads[0].resolve(vi);
    await settled();
    expect(i18n.currentLanguage.value).toBe('en');
  });

  it('stays in the current language when the strings cannot be loaded', async () => {
    const s = scene('en');
    const error = mock.spyOn(console, 'error').mockImplementation(() => undefined);
    let loads = 0;
    const started = followLanguageSetting(new AbortController().signal, s.setting, async (language) => {
      if (++loads > 1) throw new Error('background asleep');
      return DICTIONARIES[language];
    });
    expect(await started).toBe(true);
    s.set('vi');
    await settled();
    expect(i18n.currentLanguage.value).toBe('en');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('resolves false when the first strings cannot be loaded: there is nothing to say', async () => {
    const s = scene('vi');
    const error = mock.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await followLanguageSetting(new AbortController().signal, s.setting, async () => {
      throw new Error('background asleep');
    })).toBe(false);
    expect(i18n.t('menu.edit')).toBe('');
    error.mockRestore();
  });

  it('stops following when the signal aborts', async () => {
    const s = scene('en');
    const abort = new AbortController();
    await following(s, abort.signal);
    abort.abort();
    s.set('vi');
    await settled();
    expect(s.load.mock.calls.map(([language]) => language)).toEqual(['en']);
    expect(i18n.currentLanguage.value).toBe('en');
  });
});

// The content script carries English only: another language is loaded once, when the setting asks for it.
import { beforeEach, describe, expect, it, vi as mock } from 'vitest';
import type { LanguageSetting, SettingSource } from '../settings-schema';
import type { Dictionary, Language } from './index';
import { vi } from './vi';

// Loaded dictionaries stay for the module's life: every test starts from fresh modules, English only.
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
    { start: 'en', changes: [], loaded: [], end: 'en' },
    { start: 'vi', changes: [], loaded: ['vi'], end: 'vi' },
    { start: 'en', changes: ['vi'], loaded: ['vi'], end: 'vi' },
    { start: 'vi', changes: ['en', 'vi', 'en'], loaded: ['vi'], end: 'en' },
  ] as const)('$start then $changes: loads $loaded, speaks $end', async ({ start, changes, loaded, end }) => {
    const s = scene(start);
    const answer = async () => {
      await settled();
      for (const l of s.loads.splice(0)) l.resolve(vi);
    };
    const following = followLanguageSetting(new AbortController().signal, s.setting, s.load);
    await answer();
    await following;
    for (const change of changes) {
      s.set(change);
      await answer();
      await settled();
    }
    expect(s.load.mock.calls.map(([language]) => language)).toEqual(loaded);
    expect(i18n.currentLanguage.value).toBe(end);
  });

  it('speaks the loaded strings once they arrive, not before', async () => {
    const s = scene('en');
    await followLanguageSetting(new AbortController().signal, s.setting, s.load);
    s.set('vi');
    await settled();
    expect(i18n.t('menu.edit')).toBe('Edit');
    s.loads[0].resolve({ ...vi, 'menu.edit': 'Sửa (loaded)' });
    await settled();
    expect(i18n.t('menu.edit')).toBe('Sửa (loaded)');
  });

  it('a later choice wins over a slower load of an earlier one', async () => {
    const s = scene('en');
    await followLanguageSetting(new AbortController().signal, s.setting, s.load);
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
    await followLanguageSetting(new AbortController().signal, s.setting, async () => {
      throw new Error('background asleep');
    });
    s.set('vi');
    await settled();
    expect(i18n.currentLanguage.value).toBe('en');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('stops following when the signal aborts', async () => {
    const s = scene('en');
    const abort = new AbortController();
    await followLanguageSetting(abort.signal, s.setting, s.load);
    abort.abort();
    s.set('vi');
    await settled();
    expect(s.load).not.toHaveBeenCalled();
    expect(i18n.currentLanguage.value).toBe('en');
  });
});

// The content script's read-only view of the settings, straight from `storage.local` with the same
// fallback and change semantics as the WXT items in lib/settings.ts, without @wxt-dev/storage in its
// bundle (the content script has a size budget, P6). The content script never writes a setting.
import { browser } from 'wxt/browser';
import type { SettingDef, SettingSource } from './settings-schema';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function readOnlySetting<T>({ key, fallback }: SettingDef<T>): SettingSource<T> {
  const local = () => browser.storage.local;
  return {
    async getValue() {
      return ((await local().get(key))[key] as T | undefined) ?? fallback;
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        if (!change || same(change.newValue, change.oldValue)) return;
        callback((change.newValue as T | undefined) ?? fallback);
      };
      local().onChanged.addListener(listener);
      return () => local().onChanged.removeListener(listener);
    },
  };
}

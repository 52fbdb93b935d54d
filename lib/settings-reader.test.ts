// The reader must see exactly what the WXT items see: same key, same fallback, same changes.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as items from './settings';
import { readOnlySetting } from './settings-reader';
import { SETTINGS } from './settings-schema';

beforeEach(() => {
  fakeBrowser.reset();
});

const written: { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]['fallback'] } = {
  crmBaseUrl: 'https://crm.example.com',
  hostAdapter: 'generic',
  genericSelectors: { ...SETTINGS.genericSelectors.fallback, row: 'ul > li' },
  language: 'vi',
  defaultPhoneCountry: 'US',
  batchChunkSize: 250,
  featureSwitches: { ...SETTINGS.featureSwitches.fallback, followStars: false },
};

const names = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];

describe('readOnlySetting', () => {
  it.each(names)('%s: the fallback while unset, as the WXT item', async (name) => {
    const reader = readOnlySetting<unknown>(SETTINGS[name]);
    expect(await reader.getValue()).toEqual(await items[name].getValue());
    expect(await reader.getValue()).toEqual(SETTINGS[name].fallback);
  });

  it.each(names)('%s: what the WXT item wrote', async (name) => {
    await (items[name].setValue as (value: unknown) => Promise<void>)(written[name]);
    expect(await readOnlySetting<unknown>(SETTINGS[name]).getValue()).toEqual(written[name]);
  });

  it.each(names)('%s: hears a change and a removal (back to the fallback), until unwatched', async (name) => {
    const heard: unknown[] = [];
    const unwatch = readOnlySetting<unknown>(SETTINGS[name]).watch((value) => heard.push(value));
    await (items[name].setValue as (value: unknown) => Promise<void>)(written[name]);
    await items[name].removeValue();
    unwatch();
    await (items[name].setValue as (value: unknown) => Promise<void>)(written[name]);
    expect(heard).toEqual([written[name], SETTINGS[name].fallback]);
  });

  it('ignores changes of other keys', async () => {
    const heard: unknown[] = [];
    readOnlySetting(SETTINGS.language).watch((value) => heard.push(value));
    await items.crmBaseUrl.setValue('https://crm.example.com');
    expect(heard).toEqual([]);
  });
});

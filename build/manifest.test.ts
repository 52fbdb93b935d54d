import { describe, expect, it } from 'vitest';
import { extensionManifest, GECKO_ID, LOOPBACK_HOSTS, wantsLoopback, type ManifestEnv } from './manifest';

const chrome: ManifestEnv = { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' };
const firefox: ManifestEnv = { browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' };
const loopbackIn = (m: ReturnType<typeof extensionManifest>) =>
  [...m.host_permissions, ...m.permissions].filter((p) => LOOPBACK_HOSTS.includes(p));

describe('wantsLoopback', () => {
  it.each([
    ['`npm run build` / `npm run zip` (production)', chrome, {}, false],
    ['the Firefox production build', firefox, {}, false],
    ['production with CRMX_LOOPBACK unset to anything but 1', chrome, { CRMX_LOOPBACK: 'yes' }, false],
    ['the tests\' and demo\'s production code with CRMX_LOOPBACK=1', chrome, { CRMX_LOOPBACK: '1' }, true],
    ['a development build (`wxt build --mode development`)', { ...chrome, mode: 'development' }, {}, true],
    ['the dev server (`wxt`)', { ...chrome, command: 'serve', mode: 'development' }, {}, true],
  ] as const)('%s', (_name, env, vars, expected) => {
    expect(wantsLoopback(env, vars)).toBe(expected);
  });
});

describe('extensionManifest', () => {
  it.each([
    ['Chrome', chrome],
    ['Firefox', firefox],
  ] as const)('%s without loopback asks for no host at install, only optionally for the CRM it connects', (_name, env) => {
    const m = extensionManifest(env, false);
    expect(m.host_permissions).toEqual([]);
    expect(loopbackIn(m)).toEqual([]);
    expect([...(m.optional_host_permissions ?? []), ...(m.optional_permissions ?? [])]).toEqual(['https://*/*', 'http://*/*']);
  });

  it.each([
    ['Chrome', chrome],
    ['Firefox', firefox],
  ] as const)('%s with loopback grants the reference CRM\'s loopback origins', (_name, env) => {
    expect(extensionManifest(env, true).host_permissions).toEqual(LOOPBACK_HOSTS);
  });

  it.each([
    ['Chrome', chrome],
    ['Firefox', firefox],
  ] as const)('%s takes its name and description from _locales, English by default, with a toolbar icon', (_name, env) => {
    const m = extensionManifest(env, false);
    expect(m).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
    expect(m.action).toEqual({ default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } });
  });

  it('Chrome needs 114 (the side panel) and has no Firefox settings', () => {
    const m = extensionManifest(chrome, false);
    expect(m.minimum_chrome_version).toBe('114');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.permissions).toContain('sidePanel');
  });

  it('Firefox has the add-on id, the versions that read data_collection_permissions, and declares what it handles', () => {
    const m = extensionManifest(firefox, false);
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  });
});

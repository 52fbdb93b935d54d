// The content script's `browser`: webextension-polyfill is swapped for this file in content-script
// bundles (build/native-browser.ts). It is Firefox's own `browser`, or Chrome's `chrome`, whose MV3 APIs
// return promises. The polyfill only adds promise wrappers that the APIs the content
// script calls (runtime.id, storage.local; messaging goes through `chrome` in @webext-core/messaging)
// already have in Chrome MV3 and Firefox.
const scope = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: unknown };

export default scope.browser?.runtime?.id ? scope.browser : scope.chrome;

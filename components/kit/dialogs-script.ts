// Where the dialogs' script is, and the two globals through which it meets the content script in the
// tab's isolated world (components/kit/lazy-dialogs.ts).

/** The dialogs' script in the build (entrypoints/crm-dialogs.ts); the background injects it on first use. */
export const DIALOGS_SCRIPT = '/crm-dialogs.js';
/** Where the content script puts the modules the dialogs' script takes from it (shared-modules.ts). */
export const SHARED_GLOBAL = '__crmxShared';
/** Where the dialogs' script leaves its dialogs. */
export const DIALOGS_GLOBAL = '__crmxDialogs';

// The modules the dialogs' script takes from the content script instead of bundling copies of its own.
// This file is the list, one line a module, named as the dialogs' script will find it: the content
// script puts this module's namespace at globalThis[SHARED_GLOBAL] before the dialogs' script runs
// (lazy-dialogs.ts), and the dialogs' build (build/lazy-dialogs.ts) reads these lines and turns the
// dialogs' imports of these modules into reads of that global. Everything else the dialogs import is
// bundled into their script. Only `export * as name from '…';` lines here: the build reads nothing else.

// Stateful: one copy in the tab, or the dialogs would not see the content script's state (the build
// refuses a second copy of them, build/lazy-dialogs.ts).
export * as preact from 'preact';
export * as preactHooks from 'preact/hooks';
export * as preactJsx from 'preact/jsx-runtime';
export * as i18n from '../../lib/i18n/index';
export * as state from '../../lib/ui/state';
export * as trustedEvents from '../../lib/ui/trusted-events';
export * as selectionStore from '../../lib/ui/selection-store';

// Stateless, used by the content script too: shared so that their bytes are not shipped twice.
export * as outcome from '../../lib/ui/outcome';

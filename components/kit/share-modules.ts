// Puts the modules the dialogs' script shares with the content script where that script finds them
// (components/kit/shared-modules.ts says why). Typed by SHARED_MODULES: a key missing here fails tsc.
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as preactJsx from 'preact/jsx-runtime';
import * as dialog from '../Dialog';
import * as format from '../format';
import * as timeline from '../Timeline';
import * as useLoad from '../use-load';
import * as i18n from '../../lib/i18n/index';
import * as outcome from '../../lib/ui/outcome';
import { SHARED_GLOBAL, type SharedKey } from './shared-modules';
import * as state from '../../lib/ui/state';
import * as trustedEvents from '../../lib/ui/trusted-events';

const MODULES: Record<SharedKey, object> = {
  preact, preactHooks, preactJsx, i18n, state, outcome, trustedEvents, dialog, useLoad, format, timeline,
};

export function shareModules(scope: object = globalThis): void {
  (scope as Record<string, unknown>)[SHARED_GLOBAL] = MODULES;
}

/** This copy of the content script's shared modules (a dialogs' script built on another copy won't do). */
export const sharedModules = (): object => MODULES;

// Puts the modules the dialogs' script shares with the content script where that script finds them
// (lib/features/shared-modules.ts says why). Typed by SHARED_MODULES: a key missing here fails tsc.
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as preactJsx from 'preact/jsx-runtime';
import * as dialog from '../../components/Dialog';
import * as format from '../../components/format';
import * as timeline from '../../components/Timeline';
import * as useLoad from '../../components/use-load';
import * as i18n from '../i18n';
import * as outcome from './outcome';
import * as rowStates from './row-states';
import { SHARED_GLOBAL, type SharedKey } from './shared-modules';
import * as state from './state';
import * as trustedEvents from './trusted-events';

const MODULES: Record<SharedKey, object> = {
  preact, preactHooks, preactJsx, i18n, state, outcome, rowStates, trustedEvents, dialog, useLoad, format, timeline,
};

export function shareModules(scope: object = globalThis): void {
  (scope as Record<string, unknown>)[SHARED_GLOBAL] = MODULES;
}

/** This copy of the content script's shared modules (a dialogs' script built on another copy won't do). */
export const sharedModules = (): object => MODULES;

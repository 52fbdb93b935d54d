// The styles of what only the dialogs' script draws come with that script (components/kit-css.ts): what
// the content script draws before it is loaded must need none of them, and a root's styles once it is
// loaded are the whole text, as on the extension pages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { BATCH_CSS, BATCH_PIECES } from '../../components/batch/batch-css';
import { bundledDialogs } from '../../components/bundled-dialogs';
import { KIT_CSS } from '../../components/kit-css';
import type { DialogKit, DialogSource } from '../../components/kit/lazy-dialogs';
import { Overlay } from '../../components/Overlay';
import { OVERLAY_CSS, OVERLAY_DIALOG_CSS, OVERLAY_DIALOG_PIECES, OVERLAY_PIECES } from '../../components/overlay-css';
import { createOverlayState, showToast } from '../../lib/ui/state';
import { fakeApi } from '../../lib/ui/test-helpers';
import { mountShadowRoot } from './shadow-mount';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** Dialogs that are not loaded until `arrive()`. */
function lateDialogs(): DialogSource & { arrive(): void } {
  let kit: DialogKit | null = null;
  let arrived!: (k: DialogKit) => void;
  const loaded = new Promise<DialogKit>((resolve) => (arrived = resolve));
  return {
    loaded: () => kit,
    load: () => new Promise(() => undefined),
    whenLoaded: () => loaded,
    arrive() {
      kit = bundledDialogs.loaded();
      arrived(kit!);
    },
  };
}

/** Each selector of the kit's rules, without the states (hover, focus) that a query cannot test. */
function kitSelectors(): string[] {
  return Object.values(KIT_CSS)
    .flatMap((css) => css.replace(/\/\*[\s\S]*?\*\//g, '').split('}'))
    .map((rule) => rule.split('{')[0].trim())
    .filter(Boolean)
    .flatMap((selectors) => selectors.split(','))
    .map((selector) => selector.trim().replace(/:(hover|focus-visible|focus)\b/g, '').replace(/\[aria-pressed="true"\]/, ''));
}

describe('the CRM page\'s styles', () => {
  it('hold only the content script\'s rules until the dialogs\' script is loaded, then the whole text in its order', async () => {
    const dialogs = lateDialogs();
    const signalNow = new AbortController().signal;
    const { host } = mountShadowRoot(document, 'crmx-test', { pieces: [...OVERLAY_PIECES, ...OVERLAY_DIALOG_PIECES, ...BATCH_PIECES], dialogs }, signalNow);
    const style = host.shadowRoot!.querySelector('style')!;
    for (const part of Object.values(KIT_CSS)) expect(style.textContent).not.toContain(part);
    expect(style.textContent).toContain('.crmx-toast-error');

    dialogs.arrive();
    await vi.waitFor(() => expect(style.textContent).toBe(`:host{all:initial !important;}\n${OVERLAY_CSS}${OVERLAY_DIALOG_CSS}${BATCH_CSS}`));
  });

  it('start whole where the dialogs\' script is already loaded', () => {
    const { host } = mountShadowRoot(document, 'crmx-test', { pieces: OVERLAY_PIECES, dialogs: bundledDialogs }, new AbortController().signal);
    expect(host.shadowRoot!.querySelector('style')!.textContent).toBe(`:host{all:initial !important;}\n${OVERLAY_CSS}`);
  });

  it('need none of the dialogs\' rules for what the content script draws itself (toasts, notice)', () => {
    const state = createOverlayState();
    const dialogs: DialogSource = { loaded: () => null, load: () => new Promise(() => undefined) };
    state.notice.value = 'No customer rows found on this page.';
    showToast(state, { tone: 'info', text: 'Saved', action: { label: 'Undo', run: () => undefined } });
    showToast(state, { tone: 'error', text: 'Could not save' });
    render(<Overlay state={state} api={fakeApi()} dialogs={dialogs} />);

    expect(document.querySelector('[data-crmx-toast]')).not.toBeNull();
    expect(document.querySelector('[data-crmx-notice]')).not.toBeNull();
    const selectors = kitSelectors();
    expect(selectors.length).toBeGreaterThan(40);
    expect(selectors.filter((selector) => document.querySelector(selector) !== null)).toEqual([]);
  });
});

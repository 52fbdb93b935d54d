// The CRM page's dialogs load on the first open; until then nothing is drawn and nothing is injected.
import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { t } from '../lib/i18n';
import { createOverlayState } from '../lib/ui/state';
import { fakeApi } from '../lib/ui/test-helpers';
import type { DialogSource } from './kit/lazy-dialogs';
import { bundledDialogs } from './bundled-dialogs';
import { LazyDialogs } from './LazyDialogs';

afterEach(cleanup);

function setup(load: () => Promise<unknown>) {
  let loaded = false;
  const source: DialogSource = {
    loaded: () => (loaded ? bundledDialogs.loaded() : null),
    load: mock.fn(async () => {
      await load();
      loaded = true;
      return bundledDialogs.loaded()!;
    }),
  };
  const state = createOverlayState();
  render(<LazyDialogs state={state} api={fakeApi()} dialogs={source} />);
  const open = () => {
    state.dialog.value = { id: 'c-001', name: 'An Phát', kind: 'returnToPool', returnFocus: null };
  };
  return { state, source, open };
}

describe('LazyDialogs', () => {
  it('loads nothing until a dialog opens, then draws it; a second open loads nothing more', async () => {
    const { state, source, open } = setup(async () => undefined);
    expect(source.load).not.toHaveBeenCalled();
    open();
    await screen.findByRole('dialog');
    state.dialog.value = null;
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    open();
    await screen.findByRole('dialog');
    expect(source.load).toHaveBeenCalledTimes(1);
  });

  it('closes the dialog and says why when the dialogs cannot be loaded', async () => {
    const { state, open } = setup(async () => {
      throw new Error('The tab went away');
    });
    open();
    await waitFor(() => expect(state.dialog.value).toBeNull());
    expect(state.toasts.value).toEqual([expect.objectContaining({ tone: 'error', text: t('error.fault') })]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

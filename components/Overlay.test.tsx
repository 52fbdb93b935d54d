// The details panel comes with the dialogs' script: loaded when a row's details first open.
import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { t } from '../lib/i18n';
import { createOverlayState } from '../lib/ui/state';
import { fakeApi } from '../lib/ui/test-helpers';
import type { DialogSource } from './kit/lazy-dialogs';
import { bundledDialogs } from './bundled-dialogs';
import { Overlay } from './Overlay';

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
  render(<Overlay state={state} api={fakeApi()} dialogs={source} />);
  const openDetails = () => {
    state.details.value = { id: 'c-013', name: 'From the row', returnFocus: null };
  };
  return { state, source, openDetails };
}

describe('Overlay: the details panel', () => {
  it('loads nothing until details open, then draws the panel', async () => {
    const { source, openDetails } = setup(async () => undefined);
    expect(source.load).not.toHaveBeenCalled();
    openDetails();
    expect(await screen.findByRole('heading', { name: 'From the row' })).toBeTruthy();
    expect(source.load).toHaveBeenCalledTimes(1);
  });

  it('closes the details and says why when the dialogs\' script cannot be loaded', async () => {
    const { state, openDetails } = setup(async () => {
      throw new Error('The tab went away');
    });
    openDetails();
    await waitFor(() => expect(state.details.value).toBeNull());
    expect(state.toasts.value).toEqual([expect.objectContaining({ tone: 'error', text: t('error.fault') })]);
  });
});

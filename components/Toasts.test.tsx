import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { Toasts, toastLife } from './Toasts';
import { createOverlayState, showToast } from '../lib/ui/state';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup() {
  const state = createOverlayState();
  render(<Toasts state={state} />);
  return state;
}
const shown = () => [...document.querySelectorAll('[data-crmx-toast] .crmx-toast-text')].map((el) => el.textContent);

describe('Toasts', () => {
  it('a toast without an action goes by itself; one with an action stays longer', () => {
    const state = setup();
    act(() => {
      showToast(state, { tone: 'info', text: 'Saved An.' });
      showToast(state, { tone: 'info', text: 'Customer deleted: An.', action: { label: 'Restore', run: () => undefined } });
    });
    expect(toastLife({ tone: 'info' })).toBeLessThan(toastLife({ tone: 'info', action: { label: 'Restore', run: () => undefined } }));
    act(() => {
      vi.advanceTimersByTime(toastLife({ tone: 'info' }));
    });
    expect(shown()).toEqual(['Customer deleted: An.']);
    act(() => {
      vi.advanceTimersByTime(toastLife({ tone: 'info', action: { label: 'Restore', run: () => undefined } }));
    });
    expect(shown()).toEqual([]);
  });

  it('a lasting one (rows on the page changed) stays until closed', () => {
    const state = setup();
    act(() => {
      showToast(state, { tone: 'info', text: '2 rows on this page changed since they were shown.', lasting: true, action: { label: 'Refresh', run: () => undefined } });
    });
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(shown()).toEqual(['2 rows on this page changed since they were shown.']);
    fireEvent.click(document.querySelector('.crmx-toast-close')!);
    expect(shown()).toEqual([]);
  });

  it('stays while the pointer is on it or focus is in it, and goes after the user leaves it', () => {
    const state = setup();
    act(() => {
      showToast(state, { tone: 'info', text: 'Customer deleted: An.', action: { label: 'Restore', run: () => undefined } });
    });
    const life = toastLife({ tone: 'info', action: { label: 'Restore', run: () => undefined } });
    const toast = document.querySelector('[data-crmx-toast]')!;
    act(() => {
      fireEvent.mouseEnter(toast);
    });
    act(() => {
      vi.advanceTimersByTime(life * 3);
    });
    expect(shown()).toEqual(['Customer deleted: An.']);
    const restore = toast.querySelector<HTMLButtonElement>('[data-crmx-toast-action]')!;
    act(() => {
      fireEvent.focusIn(restore);
      fireEvent.mouseLeave(toast);
    });
    act(() => {
      vi.advanceTimersByTime(life * 3);
    });
    expect(shown()).toEqual(['Customer deleted: An.']);
    act(() => {
      fireEvent.focusOut(restore, { relatedTarget: null });
    });
    act(() => {
      vi.advanceTimersByTime(life);
    });
    expect(shown()).toEqual([]);
  });
});

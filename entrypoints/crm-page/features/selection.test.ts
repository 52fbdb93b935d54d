import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadReferencePage, rerenderRows } from '../../../lib/host/test-fixture';
import { selectionStoreFor } from '../../../lib/ui/selection-store';
import { selectionFeature } from './selection';
import { rowVisibilityFeature } from './row-visibility';
import { setGone } from '../../../lib/ui/state';
import { testContext, userClick } from '../test-context';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

const boxes = () => [...document.querySelectorAll('crmx-row-menu')].map((host) => host.shadowRoot!.querySelector<HTMLInputElement>('input.crmx-select-box')!);
const headerBox = () => document.querySelector('crmx-select-page')!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const shiftClick = (el: HTMLElement) => userClick(el, { shiftKey: true });

describe('selection feature', () => {
  it('puts a labelled box on every row and a page box in the header', async () => {
    const ctx = testContext(controller.signal);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    expect(boxes()[1].getAttribute('aria-label')).toBe('Select Bình Minh Foods <b>');
    expect(headerBox().getAttribute('aria-label')).toBe('Select every customer on this page');
  });

  it('selects by id, ranges with shift, and keeps the header box in step', async () => {
    const ctx = testContext(controller.signal);
    const store = selectionStoreFor(ctx.state);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    userClick(boxes()[0]);
    expect([...store.selection.value.ids]).toEqual(['c-001']);
    expect(headerBox().indeterminate).toBe(true);
    shiftClick(boxes()[2]);
    expect([...store.selection.value.ids].sort()).toEqual(['c-001', 'c-002', 'c-003']);
    expect(headerBox().checked).toBe(true);
    userClick(headerBox());
    expect(store.selection.value.ids.size).toBe(0);
    expect(boxes().every((b) => !b.checked)).toBe(true);
  });

  it('keeps the selection when the host re-renders and checks the boxes of selected ids again', async () => {
    const ctx = testContext(controller.signal);
    const store = selectionStoreFor(ctx.state);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    userClick(boxes()[1]);
    rerenderRows(['c-009', 'c-010']);
    await vi.waitFor(() => expect(boxes()).toHaveLength(2));
    expect(store.selection.value.ids.has('c-002')).toBe(true);
    expect(headerBox().checked || headerBox().indeterminate).toBe(false);
    rerenderRows(['c-002', 'c-011']);
    await vi.waitFor(() => expect(boxes()[0]?.checked).toBe(true));
    // The header box follows the page a frame later, out of the host's render task.
    await vi.waitFor(() => expect(headerBox().indeterminate).toBe(true));
  });

  it('the header box takes only the rows the user sees, and a row hidden after it was selected leaves the selection', async () => {
    const ctx = testContext(controller.signal);
    const store = selectionStoreFor(ctx.state);
    await rowVisibilityFeature.init(ctx);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    userClick(boxes()[1]);
    setGone(ctx.state, 'c-002', true);
    expect([...store.selection.value.ids]).toEqual([]);
    userClick(headerBox());
    expect([...store.selection.value.ids]).toEqual(['c-001', 'c-003']);
    expect(headerBox().checked).toBe(true);
  });

  it('removes its boxes when stopped', async () => {
    const ctx = testContext(controller.signal);
    await selectionFeature.init(ctx);
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    controller.abort();
    expect(document.querySelectorAll('crmx-select-page')).toHaveLength(0);
    expect(document.querySelector('crmx-row-menu')?.shadowRoot?.querySelector('input.crmx-select-box') ?? null).toBeNull();
  });
});

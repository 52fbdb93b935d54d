import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followStarFeature } from './follow';
import { rowStatesFeature } from './row-states';
import { ROW_SLOT_HOST } from '../row-slot';
import { loadReferencePage, rerenderRows } from '../../../lib/host/test-fixture';
import { testContext, userClick } from '../test-context';
import { ReplyError } from '../../../lib/protocol/messages';

let controller: AbortController;
beforeEach(() => {
  loadReferencePage();
  controller = new AbortController();
});
afterEach(() => controller.abort());

const stars = () => [...document.querySelectorAll(ROW_SLOT_HOST)].map((host) => host.shadowRoot!.querySelector<HTMLButtonElement>('button.crmx-follow-star')!);

async function started() {
  const ctx = testContext(controller.signal);
  await rowStatesFeature.init(ctx);
  await followStarFeature.init(ctx);
  await vi.waitFor(() => expect(ctx.state.rowStates.value.size).toBe(3));
  return ctx;
}

describe('follow star feature', () => {
  it('puts one labelled star on every row, also after re-renders', async () => {
    await started();
    expect(stars()).toHaveLength(3);
    expect(stars()[1].getAttribute('aria-label')).toBe('Follow Bình Minh Foods <b>');
    expect(stars()[1].getAttribute('aria-pressed')).toBe('false');
    for (let i = 0; i < 10; i++) rerenderRows([`r${i}-1`, `r${i}-2`]);
    await vi.waitFor(() => expect(stars()).toHaveLength(2));
  });

  it('flips at once and keeps what the CRM answered', async () => {
    const ctx = await started();
    let answer!: (v: { followed: boolean }) => void;
    ctx.api.toggleFollow.mockReturnValue(new Promise((ok) => (answer = ok)));
    userClick(stars()[0]);
    expect(stars()[0].getAttribute('aria-pressed')).toBe('true');
    expect(stars()[0].textContent).toBe('★');
    answer({ followed: true });
    await vi.waitFor(() => expect(ctx.api.toggleFollow).toHaveBeenCalledWith('c-001'));
    expect(ctx.state.rowStates.value.get('c-001')?.followed).toBe(true);
  });

  it('flips back when the CRM refuses, saying why', async () => {
    const ctx = await started();
    ctx.api.toggleFollow.mockRejectedValue(new ReplyError({ code: 'forbidden', message: 'x', rule: 'not-listed' }));
    userClick(stars()[2]);
    await vi.waitFor(() => expect(ctx.state.toasts.value).toHaveLength(1));
    expect(stars()[2].getAttribute('aria-pressed')).toBe('false');
    expect(ctx.state.toasts.value[0].text).toBe('Could not change the follow: The customer is not in your list.');
  });

  it('marks the stars of follows waiting in the outbox as pending', async () => {
    const ctx = await started();
    ctx.api.request.mockResolvedValue({ actions: [{ id: 'o1', customerId: 'c-002', action: 'follow', createdAt: '', attempts: 0, lastError: null }], conflicts: [] });
    ctx.changes.emit({ kind: 'pending', count: 1, conflicts: 0 });
    await vi.waitFor(() => expect(stars()[1].hasAttribute('data-pending')).toBe(true));
    expect(stars()[0].hasAttribute('data-pending')).toBe(false);
  });

  it('follows a row element the host reuses for another customer: the star shows it, loads its state and follows it', async () => {
    const ctx = await started();
    ctx.state.rowStates.value = new Map([...ctx.state.rowStates.value].map(([id, s]) => [id, s && { ...s, followed: id === 'c-001' }]));
    await vi.waitFor(() => expect(stars()[0].getAttribute('aria-pressed')).toBe('true'));
    // A virtualised list recycles the first row element for customer c-042, in place.
    const link = document.querySelector<HTMLAnchorElement>('#customer-table tbody tr a')!;
    link.setAttribute('href', '/customers/c-042');
    link.textContent = 'Recycled Co';
    await vi.waitFor(() => expect(stars()[0].dataset.customerId).toBe('c-042'));
    expect(stars()[0].getAttribute('aria-label')).toBe('Follow Recycled Co');
    await vi.waitFor(() => expect(ctx.api.getDecisions).toHaveBeenCalledWith(['c-042'], false));
    await vi.waitFor(() => expect(ctx.state.rowStates.value.has('c-042')).toBe(true));
    expect(stars()[0].getAttribute('aria-pressed')).toBe('false');
    ctx.api.toggleFollow.mockResolvedValue({ followed: true });
    userClick(stars()[0]);
    await vi.waitFor(() => expect(ctx.api.toggleFollow).toHaveBeenCalledWith('c-042'));
    expect(ctx.api.toggleFollow).not.toHaveBeenCalledWith('c-001');
  });
});

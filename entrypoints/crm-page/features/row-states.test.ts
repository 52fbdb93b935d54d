import { describe, expect, it, vi } from 'vitest';
import { createRowStateLoader } from './row-states';
import { fakeApi } from '../test-context';
import { createOverlayState } from '../../../lib/ui/state';


describe('row state loader', () => {
  it.each([
    [1, 1],
    [1000, 1],
    [1001, 2],
    [5000, 5],
  ])('%i rows on the page → %i getDecisions requests (at most 1,000 ids each, the protocol limit)', async (rows, requests) => {
    const state = createOverlayState();
    const api = fakeApi();
    const loader = createRowStateLoader({ state, api, signal: new AbortController().signal });
    for (let i = 0; i < rows; i++) loader.want(`c-${i}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await vi.waitFor(() => expect(state.rowStates.value.size).toBe(rows));
    expect(api.getDecisions).toHaveBeenCalledTimes(requests);
    for (const [ids] of api.getDecisions.mock.calls) expect((ids as string[]).length).toBeLessThanOrEqual(1000);
  });
});

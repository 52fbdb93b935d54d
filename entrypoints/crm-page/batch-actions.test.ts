import { describe, expect, it } from 'vitest';
import { batchBarEntries } from './batch-actions';
import { startFeatures } from './feature';
import { FEATURES } from './features';
import { testContext } from './test-context';

describe('the batch bar\'s actions', () => {
  it('come from the batch features, in the order the page starts them, and leave when they stop', async () => {
    const stop = new AbortController();
    const ctx = testContext(stop.signal);
    const batchFeatures = FEATURES.filter((f) => ['batch-share', 'cancel-sharing', 'labels', 'batch-follow', 'batch-reassign', 'batch-delete', 'delete-from-file'].includes(f.name));
    expect(await startFeatures(batchFeatures, ctx)).toEqual([]);
    const bar = batchBarEntries(ctx.state);
    expect(bar.actions.value.map((a) => a.id)).toEqual(['share', 'cancelShare', 'setLabels', 'addLabels', 'follow', 'unfollow', 'reassign', 'delete']);
    expect(bar.actions.value.filter((a) => a.adminOnly).map((a) => a.id)).toEqual(['delete']);
    expect(bar.tools.value.map((tool) => tool.id)).toEqual(['deleteFromFile']);
    stop.abort();
    expect(bar.actions.value).toEqual([]);
    expect(bar.tools.value).toEqual([]);
  });
});

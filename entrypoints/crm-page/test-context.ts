// A feature context on the saved reference page, with a scripted background.
import { referenceAdapter } from '../../lib/host/adapters/reference';
import { observeRows } from '../../lib/host/observe-rows';
import { createChangeFeed } from '../../lib/ui/changes';
import type { FeatureContext } from './feature';
import { createOverlayState } from '../../lib/ui/state';
import { fakeApi } from '../../lib/ui/test-helpers';
import { bundledDialogs } from '../../components/bundled-dialogs';

export function testContext(signal: AbortSignal): FeatureContext & { api: ReturnType<typeof fakeApi> } {
  return {
    signal,
    document,
    adapter: referenceAdapter,
    rows: observeRows({ root: document, rowSelector: referenceAdapter.selectors.row, signal }),
    state: createOverlayState(),
    api: fakeApi(),
    changes: createChangeFeed(),
    dialogs: bundledDialogs,
  };
}

export { allowAll, asUser, fakeApi, userClick } from '../../lib/ui/test-helpers';

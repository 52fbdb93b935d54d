import { genericSelectors, hostAdapter } from '../../settings';
import type { HostAdapter } from '../adapter';
import { createGenericAdapter } from './generic';
import { referenceAdapter } from './reference';

/** The adapter chosen in the settings. */
export async function loadAdapter(): Promise<HostAdapter> {
  if ((await hostAdapter.getValue()) === 'generic') return createGenericAdapter(await genericSelectors.getValue());
  return referenceAdapter;
}

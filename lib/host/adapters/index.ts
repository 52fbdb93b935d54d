import type { GenericSelectors, HostAdapterName, SettingSource } from '../../settings-schema';
import type { HostAdapter } from '../adapter';
import { createGenericAdapter } from './generic';
import { referenceAdapter } from './reference';

export interface AdapterSettings {
  hostAdapter: SettingSource<HostAdapterName>;
  genericSelectors: SettingSource<GenericSelectors>;
}

/** The adapter chosen in the settings. */
export async function loadAdapter(settings: AdapterSettings): Promise<HostAdapter> {
  if ((await settings.hostAdapter.getValue()) === 'generic') return createGenericAdapter(await settings.genericSelectors.getValue());
  return referenceAdapter;
}

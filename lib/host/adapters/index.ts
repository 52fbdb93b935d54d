import type { GenericSelectors, HostAdapterName, SettingSource } from '../../settings-schema';
import type { HostAdapter } from '../adapter';
import { createGenericAdapter } from './generic';
import { referenceAdapter } from './reference';
import { suitecrmAdapter } from './suitecrm';

export interface AdapterSettings {
  hostAdapter: SettingSource<HostAdapterName>;
  genericSelectors: SettingSource<GenericSelectors>;
}

/** The adapter chosen in the settings. */
export async function loadAdapter(settings: AdapterSettings): Promise<HostAdapter> {
  switch (await settings.hostAdapter.getValue()) {
    case 'generic':
      return createGenericAdapter(await settings.genericSelectors.getValue());
    case 'suitecrm':
      return suitecrmAdapter;
    default:
      return referenceAdapter;
  }
}

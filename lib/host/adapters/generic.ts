import type { GenericSelectors } from '../../settings';
import { createSelectorAdapter, type HostAdapter } from '../adapter';

function regex(field: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new Error(`Generic adapter: ${field} "${source}" is not a regular expression (${(error as Error).message})`);
  }
}

function selector(field: string, value: string): string {
  if (value.trim() === '') throw new Error(`Generic adapter: ${field} is empty`);
  try {
    document.createDocumentFragment().querySelector(value);
  } catch {
    throw new Error(`Generic adapter: ${field} "${value}" is not a CSS selector`);
  }
  return value;
}

/** An adapter for any CRM page, from the selectors in the settings. Throws naming a bad field. */
export function createGenericAdapter(config: GenericSelectors): HostAdapter {
  const idPattern = regex('idPattern', config.idPattern);
  if (!/\((?!\?)/.test(config.idPattern)) throw new Error('Generic adapter: idPattern needs a capture group for the id');
  const link = selector('link', config.link);
  return createSelectorAdapter({
    name: 'generic',
    pages: [{ path: regex('pathPattern', config.pathPattern) }],
    id: { from: 'href', selector: link, pattern: idPattern },
    selectors: {
      container: selector('container', config.container),
      row: selector('row', config.row),
      name: link,
      menuCell: selector('menuCell', config.menuCell),
      headerCell: selector('headerCell', config.headerCell),
    },
  });
}

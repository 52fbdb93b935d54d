// The adapter for a CRM we have no dedicated one for, from what its administrator wrote in the options
// (lib/settings-schema.ts GenericSelectors). The content script only builds it (createGenericAdapter): the
// options page checks a configuration (checkGenericConfig) before saving it, and its preview, presets and
// files live beside the options (./generic-tools.ts), out of the content script.
import { GENERIC_PLACEMENTS, upgradeGenericSelectors, type GenericSelectors } from '../../settings-schema';
import { createSelectorAdapter, ensureOwnCell, ownCellOf, OWN_CELL, type HostAdapter, type IdSource } from '../adapter';

/**
 * An adapter for any CRM page, from the settings (a version 1 configuration is read as its conversion). The
 * page test is the URL pattern over path, query and hash, and the page holding `pageHas` when one is given;
 * rows are only those inside the container when one is given. Throws on a configuration checkGenericConfig refuses.
 */
export function createGenericAdapter(stored: unknown): HostAdapter {
  const config = upgradeGenericSelectors(stored);
  const { row, idElement, idPattern } = config;
  const container = config.container.trim();
  const has = config.pageHas.trim();
  const pattern = idPattern.trim() ? new RegExp(idPattern) : undefined;
  const id: IdSource = config.idFrom === 'value' ? { from: 'value', selector: idElement }
    : config.idFrom === 'attribute' ? { from: 'attribute', attribute: config.idAttribute.trim(), selector: idElement.trim() || undefined, pattern }
      : { from: 'href', selector: idElement, pattern: pattern! };
  const adapter = createSelectorAdapter({
    name: 'generic',
    pages: [{ url: new RegExp(config.urlPattern), ...(has && { has }) }],
    id,
    selectors: {
      // Without a container: the first row's parent (below); this one is never queried then.
      container: container || row,
      row: container ? `:is(${container}) :is(${row})` : row,
      name: config.name,
      menuCell: config.menuCell,
      headerCell: config.headerCell,
    },
  });
  const withContainer = container ? adapter : { ...adapter, container: (root: ParentNode) => root.querySelector(row)?.parentElement ?? null };
  if (config.placement !== 'column') return withContainer;
  // Our own column: the header cell setting names a cell of the header row our column starts, and our header
  // cell is added there when asked for (the row slot feature asks at start and after every page change).
  return {
    ...withContainer,
    ownColumn: true,
    menuCell: ownCellOf,
    // A header row's is a th.
    menuCellInDocument: `td[${OWN_CELL}], div[${OWN_CELL}]`,
    headerCell: (root) => {
      const headerRow = adapter.headerCell(root)?.parentElement;
      return headerRow ? ensureOwnCell(headerRow) : null;
    },
  };
}

export type GenericProblem = 'empty' | 'selector' | 'pattern' | 'group' | 'attribute' | 'placement';

/** A field of the configuration that cannot work, and why (the options page says it in the user's language). */
export class GenericConfigError extends Error {
  constructor(readonly field: keyof GenericSelectors, readonly problem: GenericProblem, readonly detail = '') {
    super(`Generic adapter: ${field} (${problem}${detail ? `: ${detail}` : ''})`);
  }
}

function checkPattern(field: 'urlPattern' | 'idPattern', source: string, needsGroup: boolean): void {
  try {
    new RegExp(source);
  } catch (error) {
    throw new GenericConfigError(field, 'pattern', (error as Error).message);
  }
  // A group that captures: `(`, not `(?:` / `(?=` / `(?<=` (a named group `(?<id>` counts).
  if (needsGroup && !/(^|[^\\])\((?!\?[:=!]|\?<[=!])/.test(source)) throw new GenericConfigError(field, 'group');
}

function checkSelector(field: keyof GenericSelectors, value: string): void {
  if (value.trim() === '') throw new GenericConfigError(field, 'empty');
  try {
    document.createDocumentFragment().querySelector(value);
  } catch {
    throw new GenericConfigError(field, 'selector', value);
  }
}

/** Throws a GenericConfigError naming the first field that cannot work; the configuration in today's shape. */
export function checkGenericConfig(stored: unknown): GenericSelectors {
  const config = upgradeGenericSelectors(stored);
  checkPattern('urlPattern', config.urlPattern, false);
  if (config.pageHas.trim()) checkSelector('pageHas', config.pageHas);
  if (config.container.trim()) checkSelector('container', config.container);
  checkSelector('row', config.row);
  const { idPattern } = config;
  if (config.idFrom === 'attribute') {
    const attribute = config.idAttribute.trim();
    if (attribute === '') throw new GenericConfigError('idAttribute', 'empty');
    if (!/^[^\s"'>/=]+$/.test(attribute)) throw new GenericConfigError('idAttribute', 'attribute', attribute);
    if (config.idElement.trim()) checkSelector('idElement', config.idElement);
    if (idPattern.trim()) checkPattern('idPattern', idPattern, true);
  } else {
    checkSelector('idElement', config.idElement);
    if (config.idFrom !== 'value') {
      if (idPattern.trim() === '') throw new GenericConfigError('idPattern', 'empty');
      checkPattern('idPattern', idPattern, true);
    }
  }
  if (!GENERIC_PLACEMENTS.includes(config.placement)) throw new GenericConfigError('placement', 'placement', String(config.placement));
  checkSelector('name', config.name);
  // With our own column, no host cell receives our controls.
  if (config.placement !== 'column') checkSelector('menuCell', config.menuCell);
  checkSelector('headerCell', config.headerCell);
  return config;
}

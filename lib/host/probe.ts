// "Try it on this tab": runs an adapter's selectors in a CRM tab (through chrome.scripting, so this
// function is serialised and must not use anything outside itself) and says what it finds.

export interface ProbeConfig {
  row: string;
  link: string;
  idPattern: string;
  menuCell: string;
}

export interface ProbeResult {
  /** Rows matching the row selector. */
  rows: number;
  /** Rows where the link and the id pattern gave an id. */
  withId: number;
  /** Rows where the menu cell was found. */
  withMenuCell: number;
  /** The first ids found, in page order. */
  firstIds: string[];
  /** What was wrong with the configuration, naming the field; null when it ran. */
  error: string | null;
}

export function probeSelectors(config: ProbeConfig, root: ParentNode = document, sample = 5): ProbeResult {
  const result: ProbeResult = { rows: 0, withId: 0, withMenuCell: 0, firstIds: [], error: null };
  let pattern: RegExp;
  try {
    pattern = new RegExp(config.idPattern);
  } catch (error) {
    return { ...result, error: `idPattern "${config.idPattern}" is not a regular expression (${(error as Error).message})` };
  }
  let rows: Element[];
  try {
    rows = [...root.querySelectorAll(config.row)];
  } catch {
    return { ...result, error: `row "${config.row}" is not a CSS selector` };
  }
  result.rows = rows.length;
  for (const row of rows) {
    let link: Element | null;
    let cell: Element | null;
    try {
      link = row.querySelector(config.link);
    } catch {
      return { ...result, error: `link "${config.link}" is not a CSS selector` };
    }
    try {
      cell = row.querySelector(config.menuCell);
    } catch {
      return { ...result, error: `menuCell "${config.menuCell}" is not a CSS selector` };
    }
    if (cell) result.withMenuCell++;
    const match = pattern.exec(link?.getAttribute('href') ?? '');
    if (!match?.[1]) continue;
    result.withId++;
    if (result.firstIds.length < sample) {
      let id = match[1];
      try {
        id = decodeURIComponent(id);
      } catch { /* keep it as written */ }
      result.firstIds.push(id);
    }
  }
  return result;
}

// Finding the rows inside an added subtree: Element.querySelectorAll must match selectors like
// `#table > tbody > tr` against the whole document, which some DOMs (happy-dom) do not do. Querying
// the selector's last compound inside the subtree and then checking `matches()` is right everywhere.

/** The last compound selector of each selector in a list: `#t > tbody > tr.r, li` → `tr.r, li`. */
export function lastCompounds(selectorList: string): string {
  return splitTopLevel(selectorList, (ch) => ch === ',')
    .map((selector) => {
      const parts = splitTopLevel(selector.trim(), (ch) => /[\s>+~]/.test(ch));
      return parts[parts.length - 1] ?? '';
    })
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * Calls `visit` for every character, `top` true outside quotes, brackets and parentheses (and for none
 * of those delimiters); false when the text is unbalanced.
 */
export function scanTopLevel(text: string, visit: (ch: string, top: boolean) => void): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of text) {
    let top = false;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(' || ch === '[') {
      depth++;
    } else if (ch === ')' || ch === ']') {
      depth--;
    } else {
      top = depth === 0;
    }
    visit(ch, top);
  }
  return depth === 0 && quote === null;
}

/**
 * A row-relative selector (`:scope > td:first-child`) as one selector over the document
 * (`<row> > td:first-child`, `:is(<rows>) > …` for a list); null unless it is a single selector that starts at `:scope >`.
 */
export function rowRelativeInDocument(row: string, relative: string): string | null {
  const start = /^\s*:scope\s*>/.exec(relative);
  if (!start) return null;
  const rest = relative.slice(start[0].length).trim();
  let single = true;
  const balanced = scanTopLevel(rest, (ch, top) => {
    if (top && ch === ',') single = false;
  });
  if (!balanced || !single || rest === '' || rest.includes(':scope')) return null;
  return `${splitTopLevel(row, (ch) => ch === ',').length > 1 ? `:is(${row})` : row} > ${rest}`;
}

function splitTopLevel(text: string, isSeparator: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim() !== '') parts.push(current.trim());
    current = '';
  };
  scanTopLevel(text, (ch, top) => {
    if (top && isSeparator(ch)) push();
    else current += ch;
  });
  push();
  return parts;
}

/** The elements in `node`'s subtree (itself included) that match `selector` in document context. */
export function matchingIn(node: Element, selector: string, tail: string = lastCompounds(selector)): Element[] {
  if (node.matches(selector)) return [node];
  if (!node.firstElementChild) return [];
  return [...node.querySelectorAll(tail)].filter((el) => el.matches(selector));
}

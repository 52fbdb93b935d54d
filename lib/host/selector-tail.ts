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

function splitTopLevel(text: string, isSeparator: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(' || ch === '[') {
      depth++;
    } else if (ch === ')' || ch === ']') {
      depth--;
    } else if (depth === 0 && isSeparator(ch)) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** The elements in `node`'s subtree (itself included) that match `selector` in document context. */
export function matchingIn(node: Element, selector: string, tail: string = lastCompounds(selector)): Element[] {
  if (node.matches(selector)) return [node];
  if (!node.firstElementChild) return [];
  return [...node.querySelectorAll(tail)].filter((el) => el.matches(selector));
}

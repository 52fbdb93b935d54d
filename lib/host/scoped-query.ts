// `row.querySelector(':scope > td.col-name a')` in Chromium is slow on a long page whenever a class or
// attribute stands left of the last compound (it is matched against the whole document, not just the
// row): once a row, that adds up to seconds. The row-relative selectors adapters use
// (`:scope > A`, `:scope > A > B`, `:scope > A B`, A and B compounds) are walked here instead: the
// row's children checked with matches(), then one query of a single compound. Anything else (lists,
// other combinators) falls back to querySelector.

import { scanTopLevel } from './selector-tail';

export type ScopedQuery = (scope: Element) => Element | null;

type Token = { compound: string } | { combinator: string };

/** Compounds and combinators of one selector, or null for a selector list or an unbalanced one. */
function tokenize(selector: string): Token[] | null {
  const tokens: Token[] = [];
  let current = '';
  let pending: string | null = null;
  let list = false;
  const flush = () => {
    if (current === '') return;
    if (pending !== null && tokens.length > 0) tokens.push({ combinator: pending });
    tokens.push({ compound: current });
    current = '';
    pending = null;
  };
  const balanced = scanTopLevel(selector.trim(), (ch, top) => {
    if (top && ch === ',') {
      list = true;
    } else if (top && /[\s>+~]/.test(ch)) {
      flush();
      if (ch.trim() !== '') pending = ch;
      else pending ??= ' ';
    } else {
      current += ch;
    }
  });
  flush();
  return balanced && !list ? tokens : null;
}

function firstChildMatching(parent: Element, compound: string): Element | null {
  for (const child of parent.children) if (child.matches(compound)) return child;
  return null;
}

export function scopedQuery(selector: string): ScopedQuery {
  const fallback: ScopedQuery = (scope) => scope.querySelector(selector);
  const tokens = tokenize(selector);
  if (!tokens || tokens.length < 3 || !('compound' in tokens[0]) || tokens[0].compound !== ':scope') return fallback;
  const [, first, second, third, fourth] = tokens;
  if (!('combinator' in first) || first.combinator !== '>' || !('compound' in second)) return fallback;
  const a = second.compound;
  if (third === undefined) return (scope) => firstChildMatching(scope, a);
  if (tokens.length !== 5 || !('combinator' in third) || !('compound' in fourth)) return fallback;
  const b = fourth.compound;
  if (third.combinator === '>') {
    return (scope) => {
      for (const child of scope.children) {
        if (!child.matches(a)) continue;
        const found = firstChildMatching(child, b);
        if (found) return found;
      }
      return null;
    };
  }
  if (third.combinator !== ' ') return fallback;
  return (scope) => {
    for (const child of scope.children) {
      if (!child.matches(a)) continue;
      const found = child.querySelector(b);
      if (found) return found;
    }
    return null;
  };
}

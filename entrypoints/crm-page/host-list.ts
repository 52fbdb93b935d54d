// The element that holds the host's list, with its own pager and counts where the adapter names it:
// what our list tabs sit above and what the Followed tab takes the place of.
import type { FeatureContext } from './feature';

export function hostList(ctx: Pick<FeatureContext, 'adapter' | 'document'>): Element | null {
  const { list } = ctx.adapter.selectors;
  const known = list ? ctx.document.querySelector(list) : null;
  if (known) return known;
  const container = ctx.adapter.container(ctx.document);
  return container?.closest('table') ?? container;
}

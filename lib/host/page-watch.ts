// Which page the tab shows, followed as it changes without a load: a hash change (SuiteCRM's AjaxUI opens
// modules as `index.php?action=ajaxui#ajaxUILoc=…`), the history (back/forward; a router's pushState, seen
// by the page it draws) and a page that changes what it shows in place (a list put into the page by XHR). Each
// time the page becomes one the overlay serves, `start` gets a signal of its own, aborted when the page
// stops being that (or the watch ends). No polling: events, and one check per burst of DOM changes.

/** Watches this window's page (the content script's: a test's is the test document). */
export interface PageWatchOptions<Kind> {
  /**
   * What the page is now (the adapter's test of the whole URL and, where a rule needs it, the document), or
   * null; a page is another when this is another value. Never throws.
   */
  kind(): Kind | null;
  /** The page became `kind`; `signal` aborts when it stops being that. */
  start(kind: Kind, signal: AbortSignal): void;
  signal: AbortSignal;
}

/** Starts watching (`signal` not aborted yet); the first check runs now. */
export function watchPage<Kind>(options: PageWatchOptions<Kind>): void {
  const { signal } = options;
  let current: Kind | null = null;
  let running: AbortController | null = null;

  // Runs only while the watch does: its listeners and observer end with `signal`.
  const check = () => {
    const now = options.kind();
    if (now === current) return;
    running?.abort();
    current = now;
    if (now === null) return;
    running = new AbortController();
    options.start(now, running.signal);
  };

  for (const type of ['hashchange', 'popstate']) addEventListener(type, check, { signal });
  // A router's pushState / replaceState fires no event the page's other scripts hear: the page it shows
  // next changes the DOM (the Navigation API would say it a little earlier, in Chromium only).
  // One check after each burst of elements added or removed anywhere in the page.
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) check();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    running?.abort();
  }, { once: true });
  check();
}

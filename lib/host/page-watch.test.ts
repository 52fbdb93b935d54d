import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from './page-watch';
import { pageKind, type PageKind } from './adapter';
import { suitecrmAdapter } from './adapters/suitecrm';
import { loadSuitecrmDetailPage, loadSuitecrmPage, SUITECRM_DETAIL_ID } from './test-fixture';

type Kind = 'list' | 'record';

let watch: AbortController;
let page: Kind | null;
let starts: Array<{ kind: Kind; signal: AbortSignal }>;

function start(kind: () => Kind | null = () => page) {
  watch = new AbortController();
  watchPage<Kind>({ signal: watch.signal, kind, start: (k, signal) => starts.push({ kind: k, signal }) });
}
const running = () => starts.filter((s) => !s.signal.aborted).map((s) => s.kind);

beforeEach(() => {
  page = null;
  starts = [];
  document.body.replaceChildren();
});
afterEach(() => watch.abort());

describe('following which page the tab shows', () => {
  it('starts at once on a page it serves, and not on another', () => {
    page = 'list';
    start();
    expect(running()).toEqual(['list']);
    watch.abort();
    page = null;
    start();
    expect(starts).toHaveLength(1);
  });

  it.each(['hashchange', 'popstate'])('re-evaluates on %s: starts when the page comes to match, stops when it no longer does', (type) => {
    start();
    expect(running()).toEqual([]);
    page = 'list';
    window.dispatchEvent(new Event(type));
    expect(running()).toEqual(['list']);
    page = null;
    window.dispatchEvent(new Event(type));
    expect(running()).toEqual([]);
    expect(starts).toHaveLength(1);
    expect(starts[0].signal.aborted).toBe(true);
  });

  it('re-evaluates when the page changes in place (a list put into the page, a view replaced), once per burst', async () => {
    const kind = vi.fn(() => page);
    start(kind);
    kind.mockClear();
    page = 'list';
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(running()).toEqual(['list']));
    expect(kind).toHaveBeenCalledTimes(1);
    page = null;
    document.body.firstElementChild!.remove();
    await vi.waitFor(() => expect(running()).toEqual([]));
  });

  it('keeps one start while the page stays what it is, and starts again with a fresh signal when it becomes another kind', () => {
    page = 'list';
    start();
    window.dispatchEvent(new Event('hashchange'));
    window.dispatchEvent(new Event('popstate'));
    expect(starts).toHaveLength(1);
    page = 'record';
    window.dispatchEvent(new Event('hashchange'));
    expect(starts.map((s) => [s.kind, s.signal.aborted])).toEqual([['list', true], ['record', false]]);
  });

  it('stops what runs, and listens no more, when the watch ends', async () => {
    page = 'list';
    start();
    watch.abort();
    expect(running()).toEqual([]);
    page = 'record';
    window.dispatchEvent(new Event('hashchange'));
    document.body.append(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(starts).toHaveLength(1);
  });
});

describe('SuiteCRM\'s AjaxUI moving between its modules (the hash changes, #content is replaced by XHR)', () => {
  const ajax = (loc: string) => `/index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent(loc)}`;
  let pages: Array<{ kind: PageKind; signal: AbortSignal }>;
  const watchSuitecrm = () => {
    pages = [];
    watch = new AbortController();
    watchPage<PageKind>({ signal: watch.signal, kind: () => pageKind(suitecrmAdapter, new URL(location.href), document), start: (kind, signal) => pages.push({ kind, signal }) });
  };
  const now = () => pages.filter((p) => !p.signal.aborted).map((p) => (p.kind === 'list' ? 'list' : p.kind.getAttribute('record_id') ?? p.kind.localName));
  const go = (loc: string) => {
    history.pushState(null, '', ajax(loc));
    window.dispatchEvent(new Event('hashchange'));
  };

  it('Accounts list → Contacts → back: the overlay follows, one run at a time', async () => {
    history.replaceState(null, '', '/index.php?module=Home&action=index');
    watchSuitecrm();
    expect(pages).toHaveLength(0);
    go('index.php?module=Accounts&action=index&parentTab=All');
    expect(now()).toEqual(['list']);
    go('index.php?module=Contacts&action=index&parentTab=All');
    expect(now()).toEqual([]);
    history.back();
    await vi.waitFor(() => expect(now()).toEqual(['list']));
    expect(pages).toHaveLength(2);
  });

  it('an account\'s page counts once AjaxUI has put the account in, and another account put in is another page', async () => {
    history.replaceState(null, '', ajax('index.php?module=Accounts&action=index'));
    document.body.innerHTML = '<div id="content"></div>';
    watchSuitecrm();
    expect(now()).toEqual(['list']);
    // The hash says the detail view; #content still holds the list (here: nothing yet).
    go(`index.php?module=Accounts&action=DetailView&record=${SUITECRM_DETAIL_ID}`);
    expect(now()).toEqual([]);
    loadSuitecrmDetailPage();
    await vi.waitFor(() => expect(now()).toEqual([SUITECRM_DETAIL_ID]));
    const content = document.querySelector('#content')!;
    go('index.php?module=Accounts&action=DetailView&record=other');
    content.innerHTML = content.innerHTML.replaceAll(SUITECRM_DETAIL_ID, 'other');
    await vi.waitFor(() => expect(now()).toEqual(['other']));
    content.replaceChildren();
    await vi.waitFor(() => expect(now()).toEqual([]));
    expect(pages).toHaveLength(3);
  });

  it('a bare index.php (a paging POST\'s answer) is the list while its content says so', async () => {
    history.replaceState(null, '', '/index.php');
    loadSuitecrmDetailPage();
    watchSuitecrm();
    expect(now()).toEqual([]);
    loadSuitecrmPage();
    await vi.waitFor(() => expect(now()).toEqual(['list']));
    document.querySelector('#content')!.replaceChildren();
    await vi.waitFor(() => expect(now()).toEqual([]));
  });
});

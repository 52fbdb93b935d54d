import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from './page-watch';
import { pageKind } from './adapter';
import { suitecrmAdapter } from './adapters/suitecrm';
import { loadSuitecrmDetailPage, loadSuitecrmPage } from './test-fixture';

type Kind = 'list' | 'record';

let watch: AbortController;
let page: Kind | null;
let starts: Array<{ kind: Kind; signal: AbortSignal }>;

function start(kind: () => Kind | null = () => page) {
  watch = new AbortController();
  watchPage<Kind>({ window, document, signal: watch.signal, kind, start: (k, signal) => starts.push({ kind: k, signal }) });
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

  it('Accounts list → an account → Contacts → back: the overlay follows, one run at a time', () => {
    history.replaceState(null, '', '/index.php?module=Home&action=index');
    start(() => pageKind(suitecrmAdapter, new URL(location.href), document));
    expect(starts).toHaveLength(0);
    const go = (loc: string) => {
      history.pushState(null, '', ajax(loc));
      window.dispatchEvent(new Event('hashchange'));
    };
    go('index.php?module=Accounts&action=index&parentTab=All');
    expect(running()).toEqual(['list']);
    go('index.php?module=Accounts&action=DetailView&record=3400cf01');
    expect(running()).toEqual(['record']);
    go('index.php?module=Contacts&action=index&parentTab=All');
    expect(running()).toEqual([]);
    history.back();
    return vi.waitFor(() => expect(running()).toEqual(['record'])).then(() => {
      expect(starts.map((s) => s.kind)).toEqual(['list', 'record', 'record']);
    });
  });

  it('a bare index.php (a paging POST\'s answer) is the list while its content says so', async () => {
    history.replaceState(null, '', '/index.php');
    loadSuitecrmDetailPage();
    start(() => pageKind(suitecrmAdapter, new URL(location.href), document));
    expect(running()).toEqual([]);
    loadSuitecrmPage();
    await vi.waitFor(() => expect(running()).toEqual(['list']));
    document.querySelector('#content')!.replaceChildren();
    await vi.waitFor(() => expect(running()).toEqual([]));
  });
});

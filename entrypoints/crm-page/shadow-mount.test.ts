import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { keepBefore, mountShadowRoot } from './shadow-mount';
import type { FeatureContext } from './feature';
import { userClick } from './test-context';

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountShadowRoot', () => {
  it('appends one host at the end of the body, its CSS and container inside an open shadow root', () => {
    document.body.append(document.createElement('main'));
    const { host, container } = mountShadowRoot(document, 'crmx-test', '.a { color: red; }', new AbortController().signal);
    expect(document.body.lastElementChild).toBe(host);
    expect(host.localName).toBe('crmx-test');
    const style = host.shadowRoot!.querySelector('style')!;
    expect(style.textContent).toContain(':host{all:initial !important;}');
    expect(style.textContent).toContain('.a { color: red; }');
    expect(container.getRootNode()).toBe(host.shadowRoot);
  });

  it.each(['keydown', 'keyup', 'keypress'])('keeps %s typed inside from the host page', (type) => {
    const { container } = mountShadowRoot(document, 'crmx-test', '', new AbortController().signal);
    const input = container.appendChild(document.createElement('input'));
    let heard = 0;
    const listener = () => { heard += 1; };
    document.addEventListener(type, listener);
    input.dispatchEvent(new KeyboardEvent(type, { bubbles: true, composed: true, key: 'a' }));
    document.removeEventListener(type, listener);
    expect(heard).toBe(0);
  });

  it('lets clicks through to the page as before', () => {
    const { container } = mountShadowRoot(document, 'crmx-test', '', new AbortController().signal);
    let heard = 0;
    const listener = () => { heard += 1; };
    document.addEventListener('click', listener);
    userClick(container);
    document.removeEventListener('click', listener);
    expect(heard).toBe(1);
  });

  it('removes the host when the signal aborts', () => {
    const abort = new AbortController();
    const { host } = mountShadowRoot(document, 'crmx-test', '', abort.signal);
    abort.abort();
    expect(host.isConnected).toBe(false);
  });
});

describe('keepBefore', () => {
  /** A page whose host re-renders its list: `changePage` is the observer telling the features. */
  function page() {
    const listeners: Array<() => void> = [];
    const rows = { onPageChange: (listener: () => void) => listeners.push(listener) } as unknown as FeatureContext['rows'];
    return { rows, changePage: () => listeners.forEach((listener) => listener()) };
  }
  const list = () => document.querySelector('table');

  it('waits for the anchor, sits just before it, and is put back before the one the host re-rendered', () => {
    const { rows, changePage } = page();
    const aborts = new AbortController();
    const heard: Element[] = [];
    keepBefore({ document, signal: aborts.signal, rows }, {
      name: 'crmx-test', css: '', view: h('p', null, 'tabs'), anchor: list, onAnchor: (anchor) => heard.push(anchor),
    });
    expect(document.querySelector('crmx-test')).toBeNull();

    document.body.append(document.createElement('table'));
    changePage();
    const host = document.querySelector('crmx-test')!;
    expect(host.nextElementSibling).toBe(list());
    expect(host.shadowRoot!.textContent).toContain('tabs');

    const first = list()!;
    document.body.replaceChildren(document.createElement('table'));
    changePage();
    expect(document.querySelectorAll('crmx-test')).toHaveLength(1);
    expect(document.querySelector('crmx-test')).toBe(host);
    expect(host.nextElementSibling).toBe(list());
    expect(heard).toEqual([first, list()]);

    aborts.abort();
    expect(document.querySelector('crmx-test')).toBeNull();
  });
});

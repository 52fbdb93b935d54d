import { afterEach, describe, expect, it } from 'vitest';
import { mountShadowRoot } from './shadow-mount';
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

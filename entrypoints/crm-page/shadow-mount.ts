// Our own mount for a UI in a shadow root at the end of the page's body. WXT's createShadowRootUi did the
// same and brought ~4 KB gzipped of helpers the content script never used (anchors, auto-mount, CSS
// fetching, element-name checks).
import { acceptOnlyTrustedEvents } from '../../lib/ui/trusted-events';

export interface ShadowMount {
  host: HTMLElement;
  /** Where the UI renders. */
  container: HTMLElement;
}

/**
 * Puts `<name>` with an open shadow root holding `css` and an empty container at the end of the body (or
 * where `place` puts it); removed on abort.
 */
export function mountShadowRoot(
  doc: Document, name: string, css: string, signal: AbortSignal, place: (host: HTMLElement) => void = (host) => doc.body.append(host),
): ShadowMount {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  acceptOnlyTrustedEvents(shadow, signal);
  const style = doc.createElement('style');
  // The host page's inherited styles (font, colour, line height…) stop at our root.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = doc.createElement('div');
  // Keys typed in our fields stay away from the host's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  place(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, container };
}

// Our own mount for a UI in a shadow root at the end of the page's body. WXT's createShadowRootUi did the
// same and brought ~4 KB gzipped of helpers the content script never used (anchors, auto-mount, CSS
// fetching, element-name checks). keepBefore keeps such a UI above the host's list (the Followed tabs, the pool's button).
import { render, type VNode } from 'preact';
import { acceptOnlyTrustedEvents } from '../../lib/ui/trusted-events';
import { cssText, type CssPiece } from '../../components/overlay-css';
import type { DialogSource } from '../../components/kit/lazy-dialogs';
import type { FeatureContext } from './feature';

/** A root's styles: a text, or pieces whose dialogs' parts come with the dialogs' script (components/overlay-css.ts). */
export type PageCss = string | { pieces: readonly CssPiece[]; dialogs: DialogSource };

/** `style` holds `before` and `css`; the dialogs' parts are filled in when their script is loaded. */
export function fillStyle(style: HTMLStyleElement, before: string, css: PageCss, signal: AbortSignal): void {
  if (typeof css === 'string') {
    style.textContent = before + css;
    return;
  }
  const { pieces, dialogs } = css;
  const kit = dialogs.loaded();
  style.textContent = before + cssText(pieces, kit?.KIT_CSS ?? null);
  if (kit || !dialogs.whenLoaded) return;
  void dialogs.whenLoaded().then((loaded) => {
    if (!signal.aborted) style.textContent = before + cssText(pieces, loaded.KIT_CSS);
  });
}

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
  doc: Document, name: string, css: PageCss, signal: AbortSignal, place: (host: HTMLElement) => void = (host) => doc.body.append(host),
): ShadowMount {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  acceptOnlyTrustedEvents(shadow, signal);
  const style = doc.createElement('style');
  // The host page's inherited styles (font, colour, line height…) stop at our root.
  fillStyle(style, ':host{all:initial !important;}\n', css, signal);
  const container = doc.createElement('div');
  // Keys typed in our fields stay away from the host's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  place(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, container };
}

export interface KeptBefore {
  /** `<name>`, its shadow root's CSS, and the UI drawn in it. */
  name: string;
  css: PageCss;
  view: VNode;
  /** The element the UI sits just before (the host's list), or null while there is none. */
  anchor(): Element | null;
  /** Hears the anchor found, at start and after every page change. */
  onAnchor?(anchor: Element): void;
}

/**
 * A UI in a shadow root just before an element of the host page: mounted once that element is there, put
 * back before it after the host re-renders the page, unmounted on abort.
 */
export function keepBefore(ctx: Pick<FeatureContext, 'document' | 'signal' | 'rows'>, ui: KeptBefore): void {
  let mount: ShadowMount | null = null;
  const ensure = () => {
    const anchor = ui.anchor();
    if (!anchor) return;
    ui.onAnchor?.(anchor);
    if (mount?.host.isConnected && mount.host.nextElementSibling === anchor) return;
    if (!mount) {
      mount = mountShadowRoot(ctx.document, ui.name, ui.css, ctx.signal, (host) => anchor.before(host));
      render(ui.view, mount.container);
    } else {
      anchor.before(mount.host);
    }
  };
  ensure();
  ctx.rows.onPageChange(ensure, ctx.signal);
  ctx.signal.addEventListener('abort', () => {
    if (mount) render(null, mount.container);
  }, { once: true });
}

// A modal dialog in the overlay's shadow root: role=dialog, aria-modal, labelled by its title, focus
// kept inside (Tab wraps), Escape closes, focus goes back to where it came from.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** Used for ids and the data-crmx-dialog attribute. */
  kind: string;
  title: string;
  onClose(): void;
  returnFocus: HTMLElement | null;
  children: ComponentChildren;
  /** Selector of the element that takes focus first (default: the first field or button). */
  initialFocus?: string;
  wide?: boolean;
}

function activeIn(el: HTMLElement): Element | null {
  return (el.getRootNode() as ShadowRoot | Document).activeElement;
}

export function Dialog({ kind, title, onClose, returnFocus, children, initialFocus, wide }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `crmx-dialog-${kind}-title`;

  // Before the browser paints: a key pressed right after opening already lands in the dialog.
  useLayoutEffect(() => {
    const el = ref.current!;
    const first = (initialFocus && el.querySelector<HTMLElement>(initialFocus))
      || el.querySelector<HTMLElement>(`.crmx-dialog-body ${FOCUSABLE}`)
      || el.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  // A control that goes away while focused (a suggestion once chosen, a removed chip) would leave focus
  // on the page, out of the dialog, where Tab and Escape no longer reach it: focus comes back inside.
  useLayoutEffect(() => {
    const el = ref.current!;
    const keep = new MutationObserver(() => {
      const doc = el.ownerDocument;
      const active = activeIn(el);
      if (!el.isConnected || (active && el.contains(active))) return;
      // Focus the user moved elsewhere on purpose stays there.
      if (doc.activeElement && doc.activeElement !== doc.body) return;
      (el.querySelector<HTMLElement>(`.crmx-dialog-body ${FOCUSABLE}`) ?? el.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    });
    keep.observe(el, { childList: true, subtree: true });
    return () => keep.disconnect();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusables.length === 0) return;
    const active = activeIn(ref.current!);
    const index = focusables.indexOf(active as HTMLElement);
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      focusables[focusables.length - 1].focus();
    } else if (!event.shiftKey && (index === focusables.length - 1 || index === -1)) {
      event.preventDefault();
      focusables[0].focus();
    }
  };

  return (
    <div class="crmx-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        class={`crmx-dialog${wide ? ' crmx-dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-crmx-dialog={kind}
        onKeyDown={onKeyDown}
      >
        <div class="crmx-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" class="crmx-dialog-close" aria-label={t('dialog.close')} onClick={onClose}>×</button>
        </div>
        <div class="crmx-dialog-body">{children}</div>
      </div>
    </div>
  );
}

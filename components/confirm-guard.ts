// A confirmation counts only when a person could have seen what they confirmed: a trusted event, on a
// dialog the browser has painted unobscured for a moment. A host page can cover our dialog (its own
// element on top with pointer-events: none lets the user's real click fall through to ours) or pop it up
// under the cursor just before a click. Chromium's IntersectionObserver v2 reports occlusion and visual
// effects; elsewhere the element's CSS visibility, a hit test and the same arming delay stand in.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';

/** How long the confirmation must have been seen, unobscured, before it can be confirmed. */
const ARM_AFTER_MS = 500;
const REPORT_WITHIN_MS = 1_000;

type VisibilityEntry = IntersectionObserverEntry & { isVisible: boolean };
const V2_OPTIONS = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

const tracksVisibility = (): boolean =>
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** Calls `changed(armed, covered)` as the element is seen (armed after ARM_AFTER_MS) or covered. */
function watchArming(el: Element, changed: (armed: boolean, covered: boolean) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armLater = () => {
    clearTimeout(timer);
    timer = setTimeout(() => changed(true, false), ARM_AFTER_MS);
  };
  if (!tracksVisibility()) {
    armLater();
    return () => clearTimeout(timer);
  }
  let seen = false;
  const observer = new IntersectionObserver((entries) => {
    const visible = (entries[entries.length - 1] as VisibilityEntry).isVisible;
    if (visible) {
      seen = true;
      changed(false, false);
      armLater();
    } else {
      clearTimeout(timer);
      changed(false, seen);
    }
  }, V2_OPTIONS);
  observer.observe(el);
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}

/** Asks the browser afresh whether the element is painted unobscured now (a covering added a moment ago counts). */
function visibleNow(el: Element): Promise<boolean> {
  if (!tracksVisibility()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), REPORT_WITHIN_MS);
    const observer = new IntersectionObserver((entries) => done((entries[0] as VisibilityEntry).isVisible), V2_OPTIONS);
    function done(visible: boolean) {
      clearTimeout(timer);
      observer.disconnect();
      resolve(visible);
    }
    observer.observe(el);
  });
}

/** Not hidden by CSS, and (for a pointer click) the topmost element where it landed is the button. */
export function paintedWhereClicked(button: Element, event: MouseEvent): boolean {
  const check = (button as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
  if (check && !check.call(button, { opacityProperty: true, visibilityProperty: true })) return false;
  if (event.detail === 0) return true; // Enter or Space on the focused button: no point to test
  const hit = (button.getRootNode() as ShadowRoot | Document).elementFromPoint(event.clientX, event.clientY);
  return hit !== null && button.contains(hit);
}

/**
 * `ref` goes on the element that holds the confirm button (the dialog's actions); the button stays
 * disabled until `armed`; `notice` says (as a message) that the page hides it now; `refusal(event,
 * untrustedKey)` says why a confirm click does not count, as a message, or null.
 */
export function useConfirmGuard() {
  const [state, setState] = useState({ armed: false, covered: false });
  const watched = useRef<Element | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  const ref = useMemo(() => (el: Element | null) => {
    if (el === watched.current) return;
    stop.current?.();
    watched.current = el;
    setState({ armed: false, covered: false });
    stop.current = el ? watchArming(el, (armed, covered) => setState({ armed, covered })) : null;
  }, []);
  const refusal = async (event: MouseEvent, untrustedKey: MessageKey): Promise<string | null> => {
    if (!event.isTrusted) return t(untrustedKey);
    const button = event.currentTarget as Element;
    if (!state.armed || !paintedWhereClicked(button, event)) return t('confirm.hidden');
    if (!(await visibleNow(watched.current ?? button))) return t('confirm.hidden');
    return null;
  };
  return { ref, refusal, armed: state.armed, notice: state.covered ? t('confirm.hidden') : null };
}

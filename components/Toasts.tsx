// Short messages at the top of the page (saved, pending, deleted with Restore…). A live region, so
// screen readers hear them. Each goes by itself after a few seconds, one with an action (Restore) after
// long enough to use it; never while the pointer is on it or focus is in it.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { dismissToast, type OverlayState, type Toast } from '../lib/ui/state';

/** How long a toast stays once nothing holds it (an error is read longer; an action must be reachable). */
export function toastLife(toast: Pick<Toast, 'tone' | 'action'>): number {
  if (toast.action) return 15_000;
  return toast.tone === 'error' ? 10_000 : 6_000;
}

function ToastItem({ state, toast }: { state: OverlayState; toast: Toast }) {
  const [pointer, setPointer] = useState(false);
  const [focus, setFocus] = useState(false);
  const held = pointer || focus;
  useEffect(() => {
    if (held || toast.lasting) return;
    const timer = setTimeout(() => dismissToast(state, toast.id), toastLife(toast));
    return () => clearTimeout(timer);
  }, [held]);
  return (
    <div class={`crmx-toast crmx-toast-${toast.tone}`} data-crmx-toast
      onMouseEnter={() => setPointer(true)} onMouseLeave={() => setPointer(false)}
      onFocusIn={() => setFocus(true)}
      onFocusOut={(e) => !(e.currentTarget as Element).contains(e.relatedTarget as Node | null) && setFocus(false)}>
      <span class="crmx-toast-text">{toast.text}</span>
      {toast.action && (
        <button type="button" class="crmx-toast-action" data-crmx-toast-action onClick={() => {
          dismissToast(state, toast.id);
          void Promise.resolve(toast.action!.run()).catch((e: unknown) => console.error('[crmx] toast action failed', e));
        }}>{toast.action.label}</button>
      )}
      <button type="button" class="crmx-toast-close" aria-label={t('dialog.close')} onClick={() => dismissToast(state, toast.id)}>×</button>
    </div>
  );
}

export function Toasts({ state }: { state: OverlayState }) {
  return (
    <div class="crmx-toasts" role="status" aria-live="polite">
      {state.toasts.value.map((toast) => <ToastItem key={toast.id} state={state} toast={toast} />)}
    </div>
  );
}

// Short messages at the top of the page (saved, pending, deleted with Restore…). A live region, so
// screen readers hear them; each stays until closed or replaced by newer ones.
import { t } from '../lib/i18n';
import { dismissToast, type OverlayState } from '../lib/ui/state';

export function Toasts({ state }: { state: OverlayState }) {
  const toasts = state.toasts.value;
  return (
    <div class="crmx-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} class={`crmx-toast crmx-toast-${toast.tone}`} data-crmx-toast>
          <span class="crmx-toast-text">{toast.text}</span>
          {toast.action && (
            <button type="button" class="crmx-toast-action" data-crmx-toast-action onClick={() => {
              dismissToast(state, toast.id);
              void Promise.resolve(toast.action!.run()).catch((e: unknown) => console.error('[crmx] toast action failed', e));
            }}>{toast.action.label}</button>
          )}
          <button type="button" class="crmx-toast-close" aria-label={t('dialog.close')} onClick={() => dismissToast(state, toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}

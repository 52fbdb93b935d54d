// Delete (administrators): a confirmation naming the customer and the CRM host; only a real click or
// key press on a confirmation the page has not covered confirms (see confirm-guard); the toast offers Restore.
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { setGone, showToast, type OpenDialog, type OverlayState } from '../lib/ui/state';
import { useConfirmGuard } from './confirm-guard';
import { Dialog } from './Dialog';
import { useLoad } from './use-load';
import { customerText } from '../lib/ui/customer-label';

interface Props { state: OverlayState; api: ContentApi; open: OpenDialog; onClose(): void; host?: string }

export function DeleteDialog({ state, api, open, onClose, host = location.host }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { id, name } = open;
  // Name and code: the page may list several customers of this name; confirmed only once we know which.
  const details = useLoad(async () => api.getCustomer(id), [id]);
  const who = customerText(details.status === 'ok' ? details.data.customer : { name });
  const guard = useConfirmGuard();
  const shownError = error ?? guard.notice;

  const restore = async () => {
    try {
      const outcome = await api.request('restoreCustomer', { id });
      setGone(state, id, false);
      showToast(state, { text: outcome.outcome === 'queued' ? t('outcome.queued') : t('delete.restored', { name }), tone: 'info' });
    } catch (e) {
      showToast(state, { text: t('outcome.failed', { reason: failureText(e) }), tone: 'error' });
    }
  };

  const confirm = async (event: MouseEvent) => {
    setError(null);
    const refused = await guard.refusal(event, 'delete.untrusted');
    if (refused) return setError(refused);
    setBusy(true);
    try {
      const outcome = await api.request('deleteCustomer', { id });
      setGone(state, id, true);
      showToast(state, {
        text: outcome.outcome === 'queued' ? t('outcome.queued') : t('delete.done', { name }),
        tone: 'info',
        action: { label: t('delete.restore'), run: restore },
      });
      onClose();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  return (
    <Dialog kind="delete" title={t('delete.title', { name: who })} onClose={onClose} returnFocus={open.returnFocus}
      initialFocus=".crmx-cancel">
      <p class="crmx-confirm-text">{t('delete.body', { name: who, host })}</p>
      {shownError && <p class="crmx-error" role="alert">{shownError}</p>}
      <div class="crmx-dialog-actions" ref={guard.ref}>
        <button type="button" class="crmx-cancel" onClick={onClose}>{t('dialog.cancel')}</button>
        <button type="button" class="crmx-danger" data-crmx-confirm disabled={!guard.armed || busy || details.status === 'loading'} onClick={confirm}>{t('delete.confirm')}</button>
      </div>
    </Dialog>
  );
}

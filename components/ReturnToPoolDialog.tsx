// Return to the pool: a reason is required; the row leaves the list at once for whoever no longer lists the
// customer by the rules (the rep who returned it), and stays, its AE empty, for whoever still does (administrators…).
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { setGone, setRowStates, showToast, type OpenDialog, type OverlayState } from '../lib/ui/state';
import { Dialog } from './Dialog';
import { fieldsWrittenByPage } from '../lib/ui/trusted-events';
import { useLoad } from './use-load';
import { customerText } from '../lib/ui/customer-label';

interface Props { state: OverlayState; api: ContentApi; open: OpenDialog; onClose(): void }

export function ReturnToPoolDialog({ state, api, open, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, redraw] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // Whether the user keeps seeing the customer afterwards: a rep who returns it loses it, and is told so first.
  const details = useLoad(() => api.getCustomer(open.id), [open.id]);
  const keeps = details.status === 'ok' ? details.data.listedAfterReturn : undefined;
  // Name and code: the page may list several customers of this name.
  const who = customerText(details.status === 'ok' ? details.data.customer : { name: open.name });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (formRef.current && fieldsWrittenByPage(formRef.current, { reason }).length > 0) {
      redraw((n) => n + 1);
      return setError(t('form.writtenByPage', { fields: t('pool.reason') }));
    }
    if (reason.trim() === '') return setError(t('pool.reasonMissing'));
    setBusy(true);
    try {
      const outcome = await api.request('returnToPool', { id: open.id, reason: reason.trim() });
      // Applied: the background's cache now holds the customer only if the user still lists it (null otherwise).
      // Waiting offline: it leaves at once, as it will for its AE.
      const states = outcome.outcome === 'applied' ? await api.getDecisions([open.id]).catch(() => null) : null;
      const stillListed = states?.[open.id] != null;
      if (states) setRowStates(state, states);
      setGone(state, open.id, !stillListed);
      showToast(state, { text: outcome.outcome === 'queued' ? t('outcome.queued') : t('pool.done', { name: open.name }), tone: 'info' });
      onClose();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  return (
    <Dialog kind="returnToPool" title={t('pool.title', { name: who })} onClose={onClose} returnFocus={open.returnFocus}>
      <form ref={formRef} class="crmx-form" onSubmit={submit} noValidate>
        <div class="crmx-danger-note" data-crmx-pool-takes={keeps === undefined ? undefined : keeps ? 'keeps' : 'loses'}>
          <p>{t('pool.whatHappens')}</p>
          {keeps === false && <p><strong>{t('pool.losesIt')}</strong></p>}
          {keeps === true && <p>{t('pool.keepsIt')}</p>}
        </div>
        <label for="crmx-pool-reason">{t('pool.reason')}</label>
        <textarea id="crmx-pool-reason" name="reason" rows={3} value={reason} required aria-required="true"
          aria-invalid={error && reason.trim() === '' ? 'true' : undefined}
          aria-describedby="crmx-pool-reason-help" onInput={(e) => setReason(e.currentTarget.value)} />
        <p id="crmx-pool-reason-help" class="crmx-help">{t('pool.reasonHelp')}</p>
        {error && <p class="crmx-error" role="alert">{error}</p>}
        <div class="crmx-dialog-actions">
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
          <button type="submit" class="crmx-danger" disabled={busy}>{t('pool.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}

// Share: pick departments, roles and people (the picker batch share uses too); shows the current shares; only adds.
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { markChanged, showToast, type OpenDialog, type OverlayState } from '../lib/ui/state';
import type { ShareTargets } from '../lib/domain/types';
import type { CustomerDetails } from '../lib/protocol/messages';
import type { OrgDirectory } from '../lib/protocol/sync';
import { Dialog } from './Dialog';
import { countTargets, NO_TARGETS, TargetPicker } from './TargetPicker';
import { useLoad } from './use-load';
import { customerText } from '../lib/ui/customer-label';

interface Props { state: OverlayState; api: ContentApi; open: OpenDialog; onClose(): void }

export function ShareDialog({ state, api, open, onClose }: Props) {
  const load = useLoad(async () => {
    const [details, directory] = await Promise.all([api.getCustomer(open.id), api.request('getOrgDirectory', undefined)]);
    return { details, directory };
  }, [open.id]);
  return (
    <Dialog kind="share" title={t('share.title', { name: customerText(load.status === 'ok' ? load.data.details.customer : { name: open.name }) })} onClose={onClose} returnFocus={open.returnFocus} wide>
      {load.status === 'loading' && <p role="status">{t('dialog.loading')}</p>}
      {load.status === 'error' && <p class="crmx-error" role="alert">{t('share.directoryFailed', { reason: failureText(load.error) })}</p>}
      {load.status === 'ok' && <SharePicker state={state} api={api} open={open} onClose={onClose} {...load.data} />}
    </Dialog>
  );
}

function SharePicker({ state, api, open, onClose, details, directory }: Props & { details: CustomerDetails; directory: OrgDirectory }) {
  const current = details.customer.shares;
  const [picked, setPicked] = useState<ShareTargets>(NO_TARGETS);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentNames = [...details.shares.departments, ...details.shares.roles, ...details.shares.users];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (countTargets(picked) === 0) return setError(t('share.pickSome'));
    setBusy(true);
    try {
      const outcome = await api.request('shareCustomer', { id: open.id, targets: picked });
      markChanged(state, [open.id]);
      showToast(state, { text: outcome.outcome === 'queued' ? t('outcome.queued') : t('share.done', { name: open.name }), tone: 'info' });
      onClose();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  return (
    <form class="crmx-form" onSubmit={submit} noValidate>
      <section class="crmx-share-current" aria-labelledby="crmx-share-current-title">
        <h3 id="crmx-share-current-title">{t('share.current')}</h3>
        {currentNames.length === 0 ? <p>{t('share.currentNone')}</p>
          : <ul class="crmx-chips">{currentNames.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      </section>
      <TargetPicker directory={directory} value={picked} onChange={setPicked} current={current} idPrefix="crmx-share" autoFocus />
      <p class="crmx-help">{t('share.adds')}</p>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <div class="crmx-dialog-actions">
        <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        <button type="submit" class="crmx-primary" disabled={busy}>{t('share.confirm')}</button>
      </div>
    </form>
  );
}

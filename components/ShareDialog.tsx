// Share: pick departments, roles and people (with search); shows the current shares; only adds.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { markChanged, showToast, type OpenDialog, type OverlayState } from '../lib/ui/state';
import type { Id, ShareTargets } from '../lib/domain/types';
import type { CustomerDetails } from '../lib/protocol/messages';
import type { OrgDirectory } from '../lib/protocol/sync';
import { Dialog } from './Dialog';
import { useLoad } from './use-load';

interface Props { state: OverlayState; api: ContentApi; open: OpenDialog; onClose(): void }
type Group = keyof ShareTargets;
const GROUPS: Array<{ key: Group; label: MessageKey }> = [
  { key: 'departmentIds', label: 'share.departments' },
  { key: 'roleIds', label: 'share.roles' },
  { key: 'userIds', label: 'share.users' },
];

export function ShareDialog({ state, api, open, onClose }: Props) {
  const load = useLoad(async () => {
    const [details, directory] = await Promise.all([api.getCustomer(open.id), api.request('getOrgDirectory', undefined)]);
    return { details, directory };
  }, [open.id]);
  return (
    <Dialog kind="share" title={t('share.title', { name: open.name })} onClose={onClose} returnFocus={open.returnFocus} wide>
      {load.status === 'loading' && <p role="status">{t('dialog.loading')}</p>}
      {load.status === 'error' && <p class="crmx-error" role="alert">{t('share.directoryFailed', { reason: failureText(load.error) })}</p>}
      {load.status === 'ok' && <SharePicker state={state} api={api} open={open} onClose={onClose} {...load.data} />}
    </Dialog>
  );
}

function options(directory: OrgDirectory, group: Group): Array<{ id: Id; name: string; hint: string }> {
  if (group === 'departmentIds') return directory.departments.map((d) => ({ id: d.id, name: d.name, hint: '' }));
  if (group === 'roleIds') return directory.roles.map((r) => ({ id: r.id, name: r.name, hint: '' }));
  return directory.users.map((u) => ({ id: u.id, name: u.name, hint: u.email }));
}

function SharePicker({ state, api, open, onClose, details, directory }: Props & { details: CustomerDetails; directory: OrgDirectory }) {
  const current = details.customer.shares;
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ShareTargets>({ departmentIds: [], roleIds: [], userIds: [] });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = query.trim().toLocaleLowerCase();
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);
  const currentNames = [...details.shares.departments, ...details.shares.roles, ...details.shares.users];

  const toggle = (group: Group, id: Id) => {
    const list = picked[group];
    setPicked({ ...picked, [group]: list.includes(id) ? list.filter((x) => x !== id) : [...list, id] });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (picked.departmentIds.length + picked.roleIds.length + picked.userIds.length === 0) return setError(t('share.pickSome'));
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
      <label for="crmx-share-search">{t('share.search')}</label>
      <input ref={searchRef} id="crmx-share-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <div class="crmx-share-groups">
        {GROUPS.map(({ key, label }) => {
          const shown = options(directory, key).filter((o) => q === '' || o.name.toLocaleLowerCase().includes(q) || o.hint.toLocaleLowerCase().includes(q));
          return (
            <fieldset key={key} class="crmx-share-group" data-crmx-group={key}>
              <legend>{t(label)}</legend>
              {shown.length === 0 && <p class="crmx-help">{t('share.noMatch')}</p>}
              {shown.map((o) => {
                const already = current[key].includes(o.id);
                const inputId = `crmx-share-${key}-${o.id}`;
                return (
                  <div class="crmx-check" key={o.id}>
                    <input id={inputId} type="checkbox" value={o.id} checked={already || picked[key].includes(o.id)}
                      disabled={already} onChange={() => toggle(key, o.id)} />
                    <label for={inputId}>{o.name}{o.hint && <span class="crmx-help"> {o.hint}</span>}</label>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
      <p class="crmx-help">{t('share.adds')}</p>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <div class="crmx-dialog-actions">
        <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        <button type="submit" class="crmx-primary" disabled={busy}>{t('share.confirm')}</button>
      </div>
    </form>
  );
}

// The customer's details on the right. Every value is rendered as text (never as markup).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText, t, type MessageKey } from '../lib/i18n';
import { clicked, DetailsActions, LatestLog } from './DetailsExtras';
import { formatTime } from '../lib/i18n/dates';
import type { ContentApi } from '../lib/ui/api';
import { asProtocolError } from '../lib/ui/outcome';
import type { OpenDetails, OverlayState } from '../lib/ui/state';
import type { CustomerDetails, ProtocolError } from '../lib/protocol/messages';
import { headerBottom } from '../lib/host/page-header';

type Load = { status: 'loading' } | { status: 'ok'; data: CustomerDetails } | { status: 'error'; error: ProtocolError };

interface PanelProps {
  state: OverlayState;
  api: ContentApi;
  /** The host page's header, which the panel starts below so its Sign out stays in reach (lib/host/page-header.ts). */
  hostHeader?: string;
}

export function DetailsPanel({ state, api, hostHeader }: PanelProps) {
  const open = state.details.value;
  if (!open) return null;
  return <OpenDetailsPanel key={open.id} open={open} state={state} api={api} hostHeader={hostHeader} />;
}

function OpenDetailsPanel({ open, state, api, hostHeader }: PanelProps & { open: OpenDetails }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const panelRef = useRef<HTMLElement>(null);

  // The top follows the header's bottom as the page scrolls (a header that scrolls away frees it).
  useLayoutEffect(() => {
    const panel = panelRef.current!;
    const doc = panel.ownerDocument;
    const view = doc.defaultView;
    if (!view) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      panel.style.top = `${headerBottom(doc, hostHeader)}px`;
    };
    const schedule = () => {
      if (!frame) frame = view.requestAnimationFrame(place);
    };
    place();
    const stop = new AbortController();
    for (const type of ['scroll', 'resize']) view.addEventListener(type, schedule, { passive: true, signal: stop.signal });
    return () => {
      stop.abort();
      if (frame) view.cancelAnimationFrame(frame);
    };
  }, []);
  const revision = state.changed.value.get(open.id) ?? 0;

  useEffect(() => {
    let current = true;
    api.getCustomer(open.id).then(
      (data) => current && setLoad({ status: 'ok', data }),
      (error: unknown) => current && setLoad({ status: 'error', error: asProtocolError(error) }),
    );
    return () => {
      current = false;
    };
  }, [open.id, revision]);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const close = () => {
    if (state.details.value === open) state.details.value = null;
    if (open.returnFocus?.isConnected) open.returnFocus.focus();
  };
  // The row's state (kept current by the row features, optimistic follows included) wins over the load.
  const rowState = state.rowStates.value.get(open.id);
  const followed = rowState ? rowState.followed : load.status === 'ok' && load.data.followed;
  const pending = state.pendingFollows.value.has(open.id);
  const runAction = (id: 'edit' | 'delete' | 'returnToPool' | 'share' | 'log' | 'follow', anchor: HTMLElement) => {
    const action = state.actions.get(id);
    if (action) void Promise.resolve(action({ id: open.id, name: load.status === 'ok' ? load.data.customer.name : open.name, anchor, focus: 'first' }));
  };

  const name = load.status === 'ok' ? load.data.customer.name : open.name;
  return (
    <section
      ref={panelRef}
      class="crmx-details"
      role="dialog"
      aria-modal="false"
      aria-labelledby="crmx-details-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        // A dialog opened from the panel closes first.
        if (event.key === 'Escape' && !state.dialog.value) {
          event.preventDefault();
          close();
        }
      }}
    >
      <div class="crmx-details-header">
        <p class="crmx-details-kicker">{t('details.title')}</p>
        <h2 id="crmx-details-title">{name}</h2>
        {/* The stars are a switch of the options page: off, the feature behind them is not running. */}
        {state.actions.has('follow') && (
          <button type="button" class="crmx-follow-star crmx-details-star" aria-pressed={followed ? 'true' : 'false'}
            data-pending={pending ? '' : undefined} title={pending ? t('follow.pending') : undefined}
            aria-label={t(followed ? 'follow.starred' : 'follow.star', { name })}
            onClick={(e) => runAction('follow', clicked(e))}>{followed ? '★' : '☆'}</button>
        )}
        <button type="button" class="crmx-details-close" aria-label={t('details.close')} onClick={close}>×</button>
      </div>
      {load.status === 'loading' && <p class="crmx-details-status" role="status">{t('details.loading')}</p>}
      {load.status === 'error' && <p class="crmx-details-status crmx-error" role="alert">{errorText(load.error)}</p>}
      {load.status === 'ok' && <DetailsActions state={state} data={load.data} run={runAction} />}
      {load.status === 'ok' && <DetailsBody data={load.data} />}
      {load.status === 'ok' && state.actions.has('log') && <LatestLog api={api} id={open.id} revision={revision} />}
    </section>
  );
}

function DetailsBody({ data }: { data: CustomerDetails }) {
  const c = data.customer;
  const none = t('details.none');
  const rows: Array<[MessageKey, string | string[]]> = [
    ['details.field.code', c.code],
    ['details.field.email', c.email],
    ['details.field.phone', c.phone],
    ['details.field.source', c.source],
    ['details.field.businessField', c.businessField],
    ['details.field.ae', data.aeName ?? ''],
    ['details.field.csr', data.csrName ?? ''],
    ['details.field.pool', data.poolName ?? ''],
    ['details.field.tags', c.tags],
    ['details.field.sharedDepartments', data.shares.departments],
    ['details.field.sharedRoles', data.shares.roles],
    ['details.field.sharedUsers', data.shares.users],
    ['details.field.createdAt', formatTime(c.createdAt)],
    ['details.field.updatedAt', formatTime(c.updatedAt)],
  ];
  return (
    <>
      {data.fromCache && <p class="crmx-details-status" role="status">{t('details.fromCache')}</p>}
      <dl class="crmx-details-fields">
        {rows.map(([label, value]) => (
          <div class="crmx-details-field" key={label} data-crmx-field={label.slice('details.field.'.length)}>
            <dt>{t(label)}</dt>
            <dd>
              {Array.isArray(value)
                ? value.length === 0 ? none : <ul class="crmx-chips">{value.map((v) => <li key={v}>{v}</li>)}</ul>
                : value === '' ? none : value}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

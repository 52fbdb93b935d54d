// The customer pool (seed 000: "for other member to pick up"): a dialog listing, paged, the customers waiting in
// the pools the user may pick up from, each with "Pick up"; a pick up is confirmed naming the customer by name
// and code, and counts only from a real click or key press on a confirmation the page has not covered.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { setGone, showToast, type OverlayState } from '../lib/ui/state';
import type { PoolCustomer, PoolPage } from '../lib/protocol/pool';
import { refusalText, t } from '../lib/i18n';
import { useConfirmGuard } from './confirm-guard';
import { Dialog } from './Dialog';
import { formatTime } from '../lib/i18n/dates';

export const POOL_PAGE_SIZE = 20;

// Here rather than with the pool's button: the page script carries only what shows before the pool is opened.
const POOL_VIEW_CSS = `
.crmx-pool-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.crmx-pool-table th, .crmx-pool-table td { text-align: start; padding: 4px 6px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
.crmx-pool-table tbody th { font-weight: 600; }
.crmx-pool-pick { font: inherit; padding: 2px 10px; border: 1px solid #1d4ed8; border-radius: 4px; background: #fff; color: #1d4ed8; cursor: pointer; white-space: nowrap; }
.crmx-pool-pick:disabled { opacity: .5; cursor: default; }
.crmx-pool-confirm { border: 1px solid #cbd2dc; border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: #f8fafc; }
.crmx-pool-confirm h3 { font-size: 15px; margin: 0 0 4px; }
.crmx-pool-pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; }
.crmx-pool-pager button { font: inherit; padding: 3px 10px; border: 1px solid #b9c0cc; border-radius: 4px; background: #fff; cursor: pointer; }
`;

export interface PoolViewProps {
  api: Pick<ContentApi, 'request'>;
  state: OverlayState;
  onClose(): void;
  returnFocus: HTMLElement | null;
}

function Confirm({ api, state, customer, onDone, onCancel }: {
  api: PoolViewProps['api']; state: OverlayState; customer: PoolCustomer; onDone(): void; onCancel(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useConfirmGuard();
  const cancel = useRef<HTMLButtonElement>(null);
  const { name, code } = customer;
  // Keyboard users land on the question; Cancel first, so a stray Enter picks up nobody.
  useEffect(() => cancel.current?.focus(), [customer.id]);

  const confirm = async (event: MouseEvent) => {
    setError(null);
    const refused = await guard.refusal(event, 'poolView.untrusted');
    if (refused) return setError(refused);
    setBusy(true);
    try {
      const outcome = await api.request('pickUp', { id: customer.id });
      // Theirs now: a row this user hid earlier (they had returned it) shows again.
      setGone(state, customer.id, false);
      showToast(state, { text: outcome.outcome === 'queued' ? t('outcome.queued') : t('poolView.done', { name, code }), tone: 'info' });
      onDone();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  const shownError = error ?? guard.notice;
  return (
    <div class="crmx-pool-confirm" role="group" aria-labelledby="crmx-pool-confirm-title" data-crmx-pool-confirm={customer.id}>
      <h3 id="crmx-pool-confirm-title">{t('poolView.confirmTitle', { name, code })}</h3>
      <p class="crmx-confirm-text">{t('poolView.confirmBody', { name, code })}</p>
      {shownError && <p class="crmx-error" role="alert">{shownError}</p>}
      <div class="crmx-dialog-actions" ref={guard.ref}>
        <button ref={cancel} type="button" class="crmx-cancel" onClick={onCancel}>{t('dialog.cancel')}</button>
        <button type="button" class="crmx-primary" data-crmx-confirm disabled={!guard.armed || busy} onClick={confirm}>
          {t('poolView.confirm')}
        </button>
      </div>
    </div>
  );
}

export function PoolView({ api, state, onClose, returnFocus }: PoolViewProps) {
  const [pageNumber, setPageNumber] = useState(1);
  const [reload, setReload] = useState(0);
  const [page, setPage] = useState<PoolPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PoolCustomer | null>(null);
  const root = useRef<HTMLDivElement>(null);

  /** Focus stays in the dialog when the question goes away (else Escape and Tab would leave it): on `selector`, else on Close. */
  const refocus = (selector: string) => setTimeout(() => {
    const frame = root.current?.closest('[role=dialog]');
    (frame?.querySelector<HTMLElement>(selector) ?? frame?.querySelector<HTMLElement>('.crmx-dialog-close'))?.focus();
  });

  useEffect(() => {
    let live = true;
    api.request('listPool', { page: pageNumber, pageSize: POOL_PAGE_SIZE }).then((result) => {
      if (!live) return;
      // The last customer of a page was picked up: show the page before.
      if (result.items.length === 0 && pageNumber > 1) return setPageNumber(pageNumber - 1);
      setPage(result);
      setError(null);
    }, (e: unknown) => live && setError(failureText(e)));
    return () => {
      live = false;
    };
  }, [pageNumber, reload]);

  const items = page?.items ?? [];
  const from = page && page.total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? Math.min(from + items.length - 1, page.total) : 0;
  const lastPage = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;

  return (
    <Dialog kind="pool" title={t('poolView.title')} onClose={onClose} returnFocus={returnFocus} wide>
      <style>{POOL_VIEW_CSS}</style>
      <div ref={root}>
      <p class="crmx-help">{t('poolView.intro')}</p>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {!page && !error && <p role="status">{t('dialog.loading')}</p>}
      {page?.refusal && (
        <p class="crmx-error" role="alert" data-crmx-pool-refusal>
          {refusalText(page.refusal.rule, page.refusal.ask)}
        </p>
      )}
      {page && !page.refusal && page.total === 0 && <p role="status" data-crmx-pool-empty>{t('poolView.empty')}</p>}
      {chosen && (
        <Confirm api={api} state={state} customer={chosen}
          onCancel={() => {
            refocus(`[data-crmx-pool-row="${CSS.escape(chosen.id)}"] .crmx-pool-pick`);
            setChosen(null);
          }}
          onDone={() => {
            refocus('.crmx-dialog-close');
            setChosen(null);
            setReload((n) => n + 1);
          }} />
      )}
      {page && items.length > 0 && (
        <>
          <table class="crmx-pool-table" data-crmx-pool-table>
            <caption class="crmx-visually-hidden">{t('poolView.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('poolView.col.name')}</th>
                <th scope="col">{t('poolView.col.code')}</th>
                <th scope="col">{t('poolView.col.phone')}</th>
                <th scope="col">{t('poolView.col.pool')}</th>
                <th scope="col">{t('poolView.col.returned')}</th>
                <th scope="col"><span class="crmx-visually-hidden">{t('poolView.col.action')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-crmx-pool-row={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.code}</td>
                  <td>{c.phone}</td>
                  <td>{c.poolName ?? t('details.none')}</td>
                  <td>
                    {c.returnedAt ? formatTime(c.returnedAt) : t('details.none')}
                    {c.returnReason && <div class="crmx-help">{t('poolView.reason', { reason: c.returnReason })}</div>}
                  </td>
                  <td>
                    <button type="button" class="crmx-pool-pick" aria-label={t('poolView.pickUpFor', { name: c.name, code: c.code })}
                      aria-haspopup="true" disabled={chosen !== null} onClick={() => setChosen(c)}>
                      {t('poolView.pickUp')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="crmx-pool-pager" aria-label={t('poolView.pages')}>
            <span role="status">{t('poolView.range', { from, to, total: page.total })}</span>
            <button type="button" disabled={pageNumber <= 1} onClick={() => setPageNumber(pageNumber - 1)}>{t('poolView.previous')}</button>
            <button type="button" disabled={pageNumber >= lastPage} onClick={() => setPageNumber(pageNumber + 1)}>{t('poolView.next')}</button>
          </nav>
        </>
      )}
      </div>
    </Dialog>
  );
}

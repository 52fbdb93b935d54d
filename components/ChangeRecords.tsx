// Every "Edit customer" entry of the customer, newest first and paged: who, when, and each field before
// and after, by name.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import type { LogEntry } from '../lib/domain/types';
import type { TimelinePage } from '../lib/protocol/sync';
import { ChangeTable, useDirectory, whoAndWhen } from './change-text';

const PAGE = 20;

type View = { status: 'loading' } | { status: 'error'; text: string }
  | { status: 'ok'; items: LogEntry[]; next: TimelinePage['next']; loadingMore: boolean; moreError: string | null };

/** Entries whose records are not in the log page itself are asked for one by one. */
async function withChanges(api: Pick<ContentApi, 'request'>, page: TimelinePage): Promise<TimelinePage> {
  const items = await Promise.all(page.items.map(async (entry) =>
    entry.changes.length > 0 ? entry : { ...entry, changes: await api.request('getChangeRecords', entry.id) }));
  return { ...page, items };
}

export function ChangeRecords({ api, customerId }: { api: Pick<ContentApi, 'request'>; customerId: string }) {
  const [view, setView] = useState<View>({ status: 'loading' });
  const directory = useDirectory(api);
  const page = (before?: TimelinePage['next']) =>
    api.request('getTimeline', { customerId, types: ['Edit customer'], limit: PAGE, ...(before ? { before } : {}) }).then((p) => withChanges(api, p));

  useEffect(() => {
    let current = true;
    setView({ status: 'loading' });
    page().then(
      (p) => current && setView({ status: 'ok', items: p.items, next: p.next, loadingMore: false, moreError: null }),
      (error: unknown) => current && setView({ status: 'error', text: failureText(error) }),
    );
    return () => {
      current = false;
    };
  }, [customerId]);

  const older = async () => {
    if (view.status !== 'ok' || !view.next) return;
    setView({ ...view, loadingMore: true, moreError: null });
    try {
      const p = await page(view.next);
      setView({ ...view, items: [...view.items, ...p.items], next: p.next, loadingMore: false });
    } catch (error) {
      setView({ ...view, loadingMore: false, moreError: failureText(error) });
    }
  };

  if (view.status === 'loading') return <p role="status">{t('dialog.loading')}</p>;
  if (view.status === 'error') return <p class="crmx-error" role="alert">{view.text}</p>;
  if (view.items.length === 0) return <p class="crmx-change-records">{t('edit.changes.none')}</p>;
  return (
    <section class="crmx-change-records" aria-labelledby="crmx-change-records-title">
      <h3 id="crmx-change-records-title">{t('edit.changes.title')}</h3>
      <ol class="crmx-change-list">
        {view.items.map((entry) => (
          <li key={entry.id} data-crmx-edit-entry={entry.id}>
            <p class="crmx-help" data-crmx-who-when>{whoAndWhen(entry, directory)}</p>
            <ChangeTable changes={entry.changes} directory={directory} />
          </li>
        ))}
      </ol>
      {view.moreError && <p class="crmx-error" role="alert">{view.moreError}</p>}
      {view.next && (
        <button type="button" class="crmx-log-older" disabled={view.loadingMore} onClick={older}>
          {view.loadingMore ? t('dialog.loading') : t('edit.changes.older')}
        </button>
      )}
    </section>
  );
}

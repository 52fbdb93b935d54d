// The change records (field, before, after) of the customer's latest "Edit customer" log entry.
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/features/api';
import { failureText } from '../lib/features/outcome';
import type { ChangeRecord, LogEntry } from '../lib/domain/types';
import { formatTime } from './format';
import { useLoad } from './use-load';

async function latestEdit(api: ContentApi, customerId: string): Promise<{ entry: LogEntry; changes: ChangeRecord[] } | null> {
  const page = await api.request('getTimeline', { customerId, types: ['Edit customer'], limit: 1 });
  const entry = page.items[0];
  if (!entry) return null;
  const changes = entry.changes.length > 0 ? entry.changes : await api.request('getChangeRecords', entry.id);
  return { entry, changes };
}

const show = (value: unknown) => (value === null || value === undefined || value === '' ? t('details.none') : typeof value === 'string' ? value : JSON.stringify(value));

export function ChangeRecords({ api, customerId }: { api: ContentApi; customerId: string }) {
  const load = useLoad(() => latestEdit(api, customerId), [customerId]);
  if (load.status === 'loading') return <p role="status">{t('dialog.loading')}</p>;
  if (load.status === 'error') return <p class="crmx-error" role="alert">{failureText(load.error)}</p>;
  if (!load.data) return <p class="crmx-change-records">{t('edit.changes.none')}</p>;
  const { entry, changes } = load.data;
  return (
    <section class="crmx-change-records" aria-labelledby="crmx-change-records-title">
      <h3 id="crmx-change-records-title">{t('edit.changes.title', { time: formatTime(entry.at) })}</h3>
      <table class="crmx-table">
        <thead><tr><th scope="col">{t('edit.changes.field')}</th><th scope="col">{t('edit.changes.before')}</th><th scope="col">{t('edit.changes.after')}</th></tr></thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={i} data-crmx-change={c.field}><th scope="row">{c.field}</th><td>{show(c.before)}</td><td>{show(c.after)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

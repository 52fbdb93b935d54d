// "View change records" of a finished share, cancel-sharing or labels job: for each customer it changed,
// before and after, who and when (the customer's log entry of that job), a page at a time.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { failureText } from '../lib/ui/outcome';
import type { JobChangesPage, JobView } from '../lib/protocol/jobs';
import { ChangeTable, useDirectory, whoAndWhen, type DirectoryApi } from './change-text';

const PAGE = 20;

export function JobChangeRecords({ api, job }: { api: DirectoryApi; job: JobView }) {
  const [items, setItems] = useState<JobChangesPage['items']>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const directory = useDirectory(api);
  const more = async (offset: number) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.request('getJobChanges', { id: job.id, offset, limit: PAGE });
      setItems((before) => [...before.slice(0, offset), ...page.items]);
      setTotal(page.total);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void more(0), [job.id]);

  return (
    <div class="crmx-job-changes" data-crmx-job-changes={job.id}>
      {total !== null && <p class="crmx-help">{t('change.job.count', { count: total })}</p>}
      <ol class="crmx-change-list">
        {items.map(({ customerId, name, entry }) => (
          <li key={customerId} data-crmx-job-change={customerId}>
            <strong>{name ?? t('change.unknownName')}</strong>
            {entry
              ? <><p class="crmx-help" data-crmx-who-when>{whoAndWhen(entry, directory)}</p><ChangeTable changes={entry.changes} directory={directory} /></>
              : <p class="crmx-help">{t('change.job.notRecorded')}</p>}
          </li>
        ))}
      </ol>
      {busy && <p role="status">{t('dialog.loading')}</p>}
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {!busy && total !== null && items.length < total && (
        <button type="button" class="crmx-link" onClick={() => void more(items.length)}>{t('change.job.more')}</button>
      )}
    </div>
  );
}

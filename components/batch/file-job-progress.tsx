// A file delete's figures as the Vietnamese document gives them: "100%" the share of the requested rows
// deleted, "1/1" deleted / requested, "Lỗi 0 (Chi tiết)" the rows not deleted and why — shown once the job
// has finished. While it runs, only its progress (rows checked so far), so the two are never confused.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import type { JobView } from '../../lib/protocol/jobs';
import { isFinished, percent } from './job-state';
import { customerText } from '../../lib/ui/customer-label';
import type { JobsStore } from './jobs-store';
import { fileErrorText, fileRowOf } from '../../lib/ui/file-error-text';
import { ExportButtons } from '../export/ExportButtons';

export { fileErrorText };

/** The final figures of a file delete: share deleted (never rounded up to 100%), deleted, requested, errors. */
export function fileFigures(job: Pick<JobView, 'succeeded' | 'total' | 'errors'>): { percent: number; deleted: number; requested: number; errors: number } {
  const pct = job.total === 0 ? 0 : Math.floor((job.succeeded / job.total) * 100);
  return { percent: pct, deleted: job.succeeded, requested: job.total, errors: job.errors.length };
}

/** "row 4" → 4. */
const rowOf = fileRowOf;

export function FileJobProgress({ job, api, jobs }: { job: JobView; api: Pick<ContentApi, 'request'>; jobs: JobsStore }) {
  const [showErrors, setShowErrors] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const finished = isFinished(job);
  const stop = async () => {
    setError(null);
    try {
      jobs.put(await api.request('cancelJob', job.id));
    } catch (e) {
      setError(failureText(e));
    }
  };
  const errorsId = `crmx-job-errors-${job.id}`;
  const figures = fileFigures(job);
  const checked = percent(job);
  return (
    // A group, not a landmark: the bar and the side panel hold several jobs, often of one kind.
    <div role="group" class="crmx-job" data-crmx-job={job.id} data-crmx-job-status={job.status} aria-label={t('batch.kind.deleteByPhone')}>
      <div class="crmx-job-head">
        <strong>{t('batch.kind.deleteByPhone')}</strong>
        <span class="crmx-job-status">{t(`batch.status.${job.status}`)}</span>
      </div>
      {!finished && (
        <>
          <div class="crmx-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={checked} aria-label={t('batch.progress')}>
            <div class="crmx-progress-fill" style={{ width: `${checked}%` }} />
          </div>
          <p class="crmx-job-counts" role="status" data-crmx-checking>{t('batch.file.checking', { done: job.done, total: job.total })}</p>
          <div class="crmx-job-actions">
            <button type="button" data-crmx-cancel-job onClick={() => void stop()}>{t('batch.cancelJob')}</button>
          </div>
        </>
      )}
      {finished && (
        <>
          <div class="crmx-progress" aria-hidden="true">
            <div class="crmx-progress-fill" style={{ width: `${figures.percent}%` }} />
          </div>
          <p class="crmx-job-counts" data-crmx-figures>
            <span data-crmx-percent title={t('batch.file.percentMeaning')}>{figures.percent}%</span>{' · '}
            <span data-crmx-done title={t('batch.file.doneMeaning')}>{figures.deleted}/{figures.requested}</span>{' · '}
            <span class={figures.errors > 0 ? 'crmx-error' : ''} data-crmx-errors={figures.errors}>{t('batch.file.errors', { count: figures.errors })}</span>{' '}
            <button type="button" class="crmx-link" aria-expanded={showErrors} aria-controls={errorsId} onClick={() => setShowErrors(!showErrors)}>
              {t('batch.details')}
            </button>
          </p>
          {job.status === 'cancelled' && <p class="crmx-help">{t('batch.file.stopped')}</p>}
          {showErrors && (figures.errors === 0
            ? <p id={errorsId} class="crmx-help" data-crmx-job-errors>{t('batch.file.noErrors')}</p>
            : (
              <ul id={errorsId} class="crmx-job-errors" data-crmx-job-errors>
                {[...job.errors].sort((a, b) => rowOf(a.item) - rowOf(b.item)).map((e, i) => (
                  <li key={i} data-crmx-error-item={e.item} data-crmx-error-row={rowOf(e.item)} data-crmx-error-code={e.code}>
                    <span class="crmx-job-error-item">{Number.isNaN(rowOf(e.item)) ? customerText(e.customer) : t('batch.file.row', { row: rowOf(e.item) })}</span>
                    {e.phone ? ` “${e.phone}”` : ''}: {fileErrorText(e)}
                  </li>
                ))}
              </ul>
            ))}
          {showErrors && figures.errors > 0 && <ExportButtons api={api} source={() => ({ what: 'fileErrors', jobId: job.id })} />}
        </>
      )}
      {error && <p class="crmx-error" role="alert">{error}</p>}
    </div>
  );
}

// One job: a progress bar in percent, done / requested, errors with their details, cancel and undo.
import { useState } from 'preact/hooks';
import { errorText, t, type MessageKey } from '../../lib/i18n';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import type { JobItemError, JobView } from '../../lib/protocol/jobs';
import { customerTexts } from '../../lib/ui/customer-label';
import { isFinished, percent } from './job-state';
import type { JobsStore } from './jobs-store';
import { JobChangeRecords } from '../JobChangeRecords';
import { FileJobProgress } from './file-job-progress';
import { formatTime } from '../../lib/i18n/dates';
import { ExportButtons } from '../export/ExportButtons';

/** Jobs whose customers' log entries carry what changed (seed 000: "View change records"). */
const RECORDS_CHANGES = new Set<JobView['kind']>(['share', 'cancelShare', 'setLabels', 'addLabels']);

const KIND_LABEL: Record<JobView['kind'], MessageKey> = {
  share: 'batch.kind.share', cancelShare: 'batch.kind.cancelShare', setLabels: 'batch.kind.setLabels',
  addLabels: 'batch.kind.addLabels', follow: 'batch.kind.follow', unfollow: 'batch.kind.unfollow',
  delete: 'batch.kind.delete', deleteByPhone: 'batch.kind.deleteByPhone', reassign: 'batch.kind.reassign', restore: 'batch.kind.restore',
};

/** A delete's undo (restore) stays only within the CRM's restore window; after it, the card says why it is gone. */
function undoState(job: JobView, now: number): 'offer' | 'expired' | 'none' {
  if (job.status !== 'done' || !job.undoable) return 'none';
  if (job.undoUntil && now > Date.parse(job.undoUntil)) return 'expired';
  return 'offer';
}

const FILE_PROBLEMS = new Set(['not_found', 'invalid', 'duplicate']);

/** File rows carry "<phone>: <why>"; their problems read as the preview names them. */
function itemErrorText(e: JobView['errors'][number]): string {
  if (e.item.startsWith('row ') && FILE_PROBLEMS.has(e.code)) {
    const phone = e.message.slice(0, Math.max(0, e.message.lastIndexOf(': ')));
    return `${t(`batch.problem.${e.code as 'not_found' | 'invalid' | 'duplicate'}`)}${phone ? ` (“${phone}”)` : ''}`;
  }
  return errorText(e);
}

/** Who each error is about: the customer by name and code (the phone where two read the same), a file row by its number. */
export function errorItemTexts(errors: readonly JobItemError[]): Map<number, string> {
  const texts = customerTexts(errors.map((e, i) => [i, e.customer] as const));
  errors.forEach((e, i) => {
    const row = /^row (\d+)$/.exec(e.item);
    if (!e.customer && row) texts.set(i, t('batch.file.row', { row: Number(row[1]) }));
  });
  return texts;
}

export function JobProgress({ job, api, jobs }: { job: JobView; api: Pick<ContentApi, 'request'>; jobs: JobsStore }) {
  // A file delete shows the figures of the Vietnamese document wherever it is listed.
  if (job.kind === 'deleteByPhone') return <FileJobProgress job={job} api={api} jobs={jobs} />;
  return <BatchJobProgress job={job} api={api} jobs={jobs} />;
}

function BatchJobProgress({ job, api, jobs }: { job: JobView; api: Pick<ContentApi, 'request'>; jobs: JobsStore }) {
  const [showErrors, setShowErrors] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pct = percent(job);
  const run = (type: 'cancelJob' | 'undoJob') => async () => {
    setError(null);
    try {
      const next = await api.request(type, job.id);
      if (type === 'undoJob') jobs.started(next);
      else jobs.put(next);
    } catch (e) {
      setError(failureText(e));
    }
  };
  const errorsId = `crmx-job-errors-${job.id}`;
  const undo = undoState(job, Date.now());
  const itemTexts = showErrors ? errorItemTexts(job.errors) : new Map<number, string>();
  return (
    // A group, not a landmark: the bar and the side panel hold several jobs, often of one kind.
    <div role="group" class="crmx-job" data-crmx-job={job.id} data-crmx-job-status={job.status} aria-label={t(KIND_LABEL[job.kind])}>
      <div class="crmx-job-head">
        <strong>{t(KIND_LABEL[job.kind])}</strong>
        <span class="crmx-job-status">{t(`batch.status.${job.status}`)}</span>
      </div>
      <div class="crmx-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('batch.progress')}>
        <div class="crmx-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p class="crmx-job-counts">
        <span data-crmx-percent>{pct}%</span>{' · '}
        <span data-crmx-done>{t('batch.doneOfTotal', { done: job.succeeded, total: job.total })}</span>
        {job.errors.length > 0 && (
          <>
            {' · '}
            <span class="crmx-error" data-crmx-errors={job.errors.length}>{t('batch.errors', { count: job.errors.length })}</span>{' '}
            <button type="button" class="crmx-link" aria-expanded={showErrors} aria-controls={errorsId} onClick={() => setShowErrors(!showErrors)}>
              {t('batch.details')}
            </button>
          </>
        )}
      </p>
      {showErrors && (
        <ul id={errorsId} class="crmx-job-errors" data-crmx-job-errors>
          {job.errors.map((e, i) => (
            <li key={i} data-crmx-error-item={e.item} data-crmx-error-code={e.code}>
              <span class="crmx-job-error-item">{itemTexts.get(i)}</span>: {itemErrorText(e)}
            </li>
          ))}
        </ul>
      )}
      <div class="crmx-job-actions">
        {!isFinished(job) && <button type="button" data-crmx-cancel-job onClick={run('cancelJob')}>{t('batch.cancelJob')}</button>}
        {undo === 'offer' && (
          <button type="button" data-crmx-undo onClick={run('undoJob')}>{t(job.kind === 'delete' ? 'batch.undoAll' : 'batch.undo')}</button>
        )}
        {isFinished(job) && RECORDS_CHANGES.has(job.kind) && job.succeeded > 0 && (
          <button type="button" data-crmx-view-changes aria-expanded={showChanges} onClick={() => setShowChanges(!showChanges)}>
            {t(showChanges ? 'change.hide' : 'change.show')}
          </button>
        )}
        {isFinished(job) && <ExportButtons api={api} source={() => ({ what: 'jobResults', jobId: job.id })} />}
      </div>
      {undo === 'offer' && job.undoUntil && <p class="crmx-help" data-crmx-undo-until>{t('batch.undoUntil', { date: formatTime(job.undoUntil) })}</p>}
      {undo === 'expired' && <p class="crmx-help" data-crmx-undo-expired>{t('batch.undoExpired')}</p>}
      {undo === 'offer' && job.kind === 'reassign' && <p class="crmx-help">{t('batch.undoChangedSince')}</p>}
      {showChanges && <JobChangeRecords api={api} job={job} />}
      {error && <p class="crmx-error" role="alert">{error}</p>}
    </div>
  );
}

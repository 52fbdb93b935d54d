// Bulk delete from a file (administrators): template, upload, preview, confirm, progress and errors.
// Only customers listed in the preview and confirmed here are ever deleted.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ContentApi } from '../../lib/features/api';
import { failureText } from '../../lib/features/outcome';
import { asProtocolError } from '../../lib/features/row-states';
import { fromBase64, toBase64 } from '../../lib/import/base64';
import { templateCsv } from '../../lib/import/template-csv';
import type { PhonePreview } from '../../lib/messaging/protocol-import';
import { useConfirmGuard } from '../confirm-guard';
import { Dialog } from '../Dialog';
import { JobProgress } from './JobProgress';
import type { JobsStore } from './jobs-store';

const SHOWN = 500;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class TooLarge extends Error {}

function download(doc: Document, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Step =
  | { at: 'pick' }
  | { at: 'reading'; file: string }
  | { at: 'preview'; file: string; preview: PhonePreview }
  | { at: 'running'; jobId: string };

export function DeleteFromFileDialog({ api, jobs, crmHost, returnFocus, onClose }: {
  api: Pick<ContentApi, 'request'>; jobs: JobsStore; crmHost: string; returnFocus: HTMLElement | null; onClose(): void;
}) {
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useConfirmGuard();
  const shownError = error ?? guard.notice;

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setStep({ at: 'reading', file: file.name });
    try {
      if (file.size > 20 * 1024 * 1024) throw new TooLarge(t('batch.file.tooLarge', { name: file.name }));
      // Parsed in the background: a large file never freezes this page.
      const base64 = await toBase64(new Uint8Array(await file.arrayBuffer()), () => new Promise((r) => setTimeout(r, 0)));
      const preview = await api.request('previewPhoneFile', { name: file.name, base64 });
      setStep({ at: 'preview', file: file.name, preview });
    } catch (e) {
      setStep({ at: 'pick' });
      const problem = asProtocolError(e);
      setError(e instanceof TooLarge ? e.message : problem.code === 'invalid' ? problem.message : failureText(e));
      input.value = '';
    }
  };

  const confirm = async (event: MouseEvent, preview: PhonePreview) => {
    setError(null);
    const refused = await guard.refusal(event, 'batch.untrusted');
    if (refused) return setError(refused);
    setBusy(true);
    try {
      const job = await api.request('startBatch', { kind: 'deleteByPhone', rows: preview.rows });
      jobs.started(job);
      setStep({ at: 'running', jobId: job.id });
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  const doc = (returnFocus?.ownerDocument ?? document);
  const job = step.at === 'running' ? jobs.jobs.value.get(step.jobId) : undefined;
  return (
    <Dialog kind="delete-by-file" title={t('batch.file.title')} onClose={onClose} returnFocus={returnFocus} wide>
      <p>{t('batch.file.intro')}</p>
      <div class="crmx-file-templates">
        <button type="button" data-crmx-template="csv" onClick={() => download(doc, 'delete-by-phone.csv', new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }))}>
          {t('batch.file.templateCsv')}
        </button>
        <button type="button" data-crmx-template="xlsx" onClick={() => void api.request('phoneTemplate', { format: 'xlsx' }).then(
          ({ base64 }) => download(doc, 'delete-by-phone.xlsx', new Blob([fromBase64(base64) as BlobPart], { type: XLSX_TYPE })),
          (e: unknown) => setError(failureText(e)),
        )}>
          {t('batch.file.templateXlsx')}
        </button>
      </div>
      {(step.at === 'pick' || step.at === 'reading' || step.at === 'preview') && (
        <div class="crmx-file-pick">
          <label for="crmx-batch-file">{t('batch.file.choose')}</label>
          <input id="crmx-batch-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-crmx-file onChange={(e) => void onFile(e.currentTarget)} />
        </div>
      )}
      {step.at === 'reading' && <p role="status">{t('batch.file.reading', { name: step.file })}</p>}
      {step.at === 'preview' && <Preview preview={step.preview} file={step.file} />}
      {shownError && <p class="crmx-error" role="alert" data-crmx-file-error>{shownError}</p>}
      {step.at === 'preview' && (
        <div class="crmx-dialog-actions" ref={guard.ref}>
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
          <button type="button" class="crmx-danger-button" data-crmx-confirm disabled={!guard.armed || busy || step.preview.matched === 0}
            onClick={(e) => void confirm(e, step.preview)}>
            {t('batch.file.confirm', { count: step.preview.matched, host: crmHost })}
          </button>
        </div>
      )}
      {step.at === 'running' && (job ? <JobProgress job={job} api={api} jobs={jobs} /> : <p role="status">{t('batch.loading')}</p>)}
    </Dialog>
  );
}

function Preview({ preview, file }: { preview: PhonePreview; file: string }) {
  const matched = preview.rows.filter((r) => r.customerId && !r.problem);
  const problems = preview.rows.filter((r) => r.problem);
  return (
    <section class="crmx-file-preview" data-crmx-preview>
      <h3>{t('batch.file.previewOf', { name: file })}</h3>
      <dl class="crmx-file-counts">
        <div><dt>{t('batch.file.read')}</dt><dd data-crmx-count="read">{preview.rows.length}</dd></div>
        <div><dt>{t('batch.file.matched')}</dt><dd data-crmx-count="matched">{preview.matched}</dd></div>
        <div><dt>{t('batch.file.notFound')}</dt><dd data-crmx-count="notFound">{preview.notFound}</dd></div>
        <div><dt>{t('batch.file.duplicates')}</dt><dd data-crmx-count="duplicates">{preview.duplicates}</dd></div>
        <div><dt>{t('batch.file.invalid')}</dt><dd data-crmx-count="invalid">{preview.invalid}</dd></div>
      </dl>
      <h4>{t('batch.file.willDelete', { count: matched.length })}</h4>
      <ol class="crmx-target-list" tabIndex={0} data-crmx-targets>
        {matched.slice(0, SHOWN).map((r) => (
          <li key={r.row} data-crmx-target={r.customerId!}>{preview.names[r.customerId!] ?? r.customerId} — {r.phone} ({t('batch.file.row', { row: r.row })})</li>
        ))}
      </ol>
      {matched.length > SHOWN && <p class="crmx-help">{t('batch.targetsMore', { count: matched.length - SHOWN })}</p>}
      {problems.length > 0 && (
        <details>
          <summary>{t('batch.file.problems', { count: problems.length })}</summary>
          <ul class="crmx-job-errors">
            {problems.slice(0, SHOWN).map((r) => (
              <li key={r.row}>{t('batch.file.row', { row: r.row })} “{r.phone}”: {t(`batch.problem.${r.problem!}`)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

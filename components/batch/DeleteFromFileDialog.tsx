// Bulk delete from a file (administrators): template, upload, preview, confirm, progress and errors.
// Only customers listed in the preview and confirmed here are ever deleted.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import { fromBase64, toBase64 } from '../../lib/import/base64';
import { templateCsv } from '../../lib/import/template-csv';
import type { Id } from '../../lib/domain/types';
import type { PhonePreview } from '../../lib/protocol/import';
import type { PhoneRow } from '../../lib/protocol/jobs';
import { useConfirmGuard } from '../confirm-guard';
import { Dialog } from '../Dialog';
import { FilePreview, targetCount, type FileChoices } from './file-preview';
import { JobProgress } from './JobProgress';
import type { JobsStore } from './jobs-store';

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
  const [choices, setChoices] = useState<FileChoices>(new Map());
  const choose = (row: number, id: Id, chosen: boolean) => {
    const next = new Map(choices);
    const ids = new Set(next.get(row) ?? []);
    if (chosen) ids.add(id);
    else ids.delete(id);
    next.set(row, ids);
    setChoices(next);
  };
  const guard = useConfirmGuard();
  const shownError = error ?? guard.notice;

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setChoices(new Map());
    setStep({ at: 'reading', file: file.name });
    try {
      if (file.size > 20 * 1024 * 1024) throw new TooLarge(t('batch.file.tooLarge', { name: file.name }));
      // Parsed in the background: a large file never freezes this page.
      const base64 = await toBase64(new Uint8Array(await file.arrayBuffer()), () => new Promise((r) => setTimeout(r, 0)));
      const preview = await api.request('previewPhoneFile', { name: file.name, base64 });
      setStep({ at: 'preview', file: file.name, preview });
    } catch (e) {
      setStep({ at: 'pick' });
      setError(e instanceof TooLarge ? e.message : failureText(e));
      input.value = '';
    }
  };

  const confirm = async (event: MouseEvent, preview: PhonePreview, file: string) => {
    setError(null);
    const refused = await guard.refusal(event, 'batch.untrusted');
    if (refused) return setError(refused);
    setBusy(true);
    try {
      const rows = preview.rows.map((r): PhoneRow => (r.problem === 'ambiguous' ? { ...r, chosen: [...(choices.get(r.row) ?? [])] } : r));
      const job = await api.request('startBatch', { kind: 'deleteByPhone', file, rows });
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
      {step.at === 'preview' && <FilePreview preview={step.preview} file={step.file} choices={choices} onChoose={choose} />}
      {shownError && <p class="crmx-error" role="alert" data-crmx-file-error>{shownError}</p>}
      {step.at === 'preview' && (
        <div class="crmx-dialog-actions" ref={guard.ref}>
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
          <button type="button" class="crmx-danger" data-crmx-confirm disabled={!guard.armed || busy || targetCount(step.preview, choices) === 0}
            onClick={(e) => void confirm(e, step.preview, step.file)}>
            {t('batch.file.confirm', { count: targetCount(step.preview, choices), host: crmHost })}
          </button>
        </div>
      )}
      {step.at === 'running' && (job ? <JobProgress job={job} api={api} jobs={jobs} /> : <p role="status">{t('batch.loading')}</p>)}
    </Dialog>
  );
}

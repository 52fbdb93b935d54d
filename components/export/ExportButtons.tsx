// "Export CSV" and "Export Excel" for what a view shows: the selection (the batch bar), a job's results
// (a finished job's card), a file delete's errors (its errors view). The background writes the file in the
// language the user reads; this only asks and saves it.
import { useState } from 'preact/hooks';
import { currentLanguage, t } from '../../lib/i18n';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import type { ExportFormat, ExportSource } from '../../lib/protocol/export';
import { saveFile } from './save-file';

export interface ExportButtonsProps {
  api: Pick<ContentApi, 'request'>;
  /** What to export, read when a button is pressed. */
  source(): ExportSource;
  /** The group's name for assistive technology; default "Export". */
  label?: string;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export function ExportButtons({ api, source, label }: ExportButtonsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      saveFile(await api.request('exportFile', { ...source(), format, language: currentLanguage.value }));
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="crmx-export" role="group" aria-label={label ?? t('export.group')} data-crmx-export>
      {FORMATS.map((format) => (
        <button key={format} type="button" data-crmx-export-format={format} aria-disabled={busy ? 'true' : undefined} onClick={() => void run(format)}>
          {t(format === 'csv' ? 'export.csv' : 'export.xlsx')}
        </button>
      ))}
      <span class="crmx-export-status" role="status">{busy ? t('export.working') : ''}</span>
      {error && <span class="crmx-error" role="alert">{error}</span>}
    </span>
  );
}

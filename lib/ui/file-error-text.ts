// Why a file delete's row was not deleted, in the UI language: the job card's errors view
// (components/batch/file-job-progress.tsx) and the exported error file (lib/export/) say it the same way.
import { errorText, t } from '../i18n/index';
import type { JobItemError } from '../protocol/jobs';

const FILE_PROBLEMS = new Set(['not_found', 'invalid', 'duplicate', 'sample']);

/** Why a row was not deleted, in the UI language. */
export function fileErrorText(e: JobItemError): string {
  if (e.code === 'ambiguous') {
    if (!e.matches?.length) return t('batch.problem.ambiguousUnnamed');
    const names = e.matches.map((m) => (m.code ? `${m.name} (${m.code})` : m.name)).join(', ');
    return t('batch.problem.ambiguous', { count: e.matches.length, names });
  }
  if (FILE_PROBLEMS.has(e.code) && !e.rule) return t(`batch.problem.${e.code as 'not_found' | 'invalid' | 'duplicate' | 'sample'}`);
  return errorText(e);
}

/** "row 4" → 4 (NaN for an item that is not a file row). */
export const fileRowOf = (item: string): number => Number(/^row (\d+)$/.exec(item)?.[1] ?? NaN);

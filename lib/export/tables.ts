// What an export holds, as a table of words in the UI language: a header row of the UI's own field names
// and one row a customer (the selection, a job's results) or a file row (a file delete's errors). Pure:
// the texts come from t() in the language the caller chose (./language.ts), dates from lib/i18n/dates.ts.
import type { Customer, Id } from '../domain/types';
import { formatTime } from '../i18n/dates';
import { currentLanguage, errorText, formatMessage, t } from '../i18n/index';
import { exportFileEn, exportFileVi } from '../i18n/areas/export';
import type { CustomerLabel, JobItemError } from '../protocol/jobs';
import { fileErrorText, fileRowOf } from '../ui/file-error-text';

export type Cell = string | number;

export interface ExportTable {
  /** The file's name without its extension (ASCII). */
  name: string;
  sheet: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

const FILE_TEXTS = { en: exportFileEn, vi: exportFileVi };

/** A text only the files say, in the current language. */
export function fileText(key: keyof typeof exportFileEn, params: Record<string, string | number> = {}): string {
  const language = currentLanguage.value;
  return formatMessage(language, FILE_TEXTS[language][key], params);
}

/** "customers-2026-05-01": the kind in the current language and the local day, sortable. */
function fileName(key: 'file.customers' | 'file.jobResults' | 'file.fileErrors', at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${fileText(key)}-${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** People by name (null: nobody, or someone the org no longer has). */
export interface PeopleNames {
  user(id: Id | null): string | null;
}

/** The selected customers, one row each, in the order asked; those the cache does not know are left out. */
export function customersTable(customers: readonly Customer[], people: PeopleNames, at: Date): ExportTable {
  const language = currentLanguage.value;
  return {
    name: fileName('file.customers', at),
    sheet: fileText('sheet.customers'),
    columns: [
      { header: t('poolView.col.name'), width: 30 },
      { header: t('details.field.code'), width: 14 },
      { header: t('details.field.phone'), width: 18 },
      { header: t('details.field.email'), width: 28 },
      { header: t('details.field.source'), width: 14 },
      { header: t('details.field.businessField'), width: 18 },
      { header: t('details.field.ae'), width: 22 },
      { header: t('details.field.csr'), width: 22 },
      { header: t('details.field.tags'), width: 24 },
      { header: t('details.field.createdAt'), width: 18 },
      { header: t('details.field.updatedAt'), width: 18 },
    ],
    rows: customers.map((c) => [
      c.name, c.code, c.phone, c.email, c.source, c.businessField,
      people.user(c.aeId) ?? '', people.user(c.csrId) ?? '', c.tags.join(', '),
      formatTime(c.createdAt, language), formatTime(c.updatedAt, language),
    ]),
  };
}

/** What a job did, item by item: its customers in order, which were reached, and the errors it reported. */
export interface JobOutcome {
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Every customer the job was asked to act on, in order. */
  asked: readonly Id[];
  /** Those the job has got to (sent, or refused by the rules before sending). */
  reached: ReadonlySet<Id>;
  /** Its per-item errors; a customer's item is its id. */
  errors: readonly JobItemError[];
}

/** A job's results, one row a customer: who, done / refused / not done / skipped, and why in words. */
export function jobResultsTable(job: JobOutcome, who: (id: Id) => CustomerLabel | undefined, at: Date): ExportTable {
  const errors = new Map(job.errors.map((e) => [e.item, e]));
  const rows = job.asked.map((id): Cell[] => {
    const error = errors.get(id);
    const customer = error?.customer ?? who(id);
    const person: Cell[] = customer ? [customer.name, customer.code, customer.phone] : [fileText('customer.unknown'), '', ''];
    if (error) {
      const refused = error.rule !== undefined || error.code === 'forbidden';
      return [...person, fileText(refused ? 'result.refused' : 'result.failed'), errorText(error)];
    }
    if (job.reached.has(id)) return [...person, fileText('result.done'), ''];
    const finished = job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';
    return [...person, fileText('result.skipped'), fileText(finished ? 'reason.stopped' : 'reason.notReached')];
  });
  return {
    name: fileName('file.jobResults', at),
    sheet: fileText('sheet.jobResults'),
    columns: [
      { header: t('poolView.col.name'), width: 30 },
      { header: t('details.field.code'), width: 14 },
      { header: t('details.field.phone'), width: 18 },
      { header: fileText('col.result'), width: 16 },
      { header: t('pool.reason'), width: 60 },
    ],
    rows,
  };
}

/** A file delete's errors, one row a file row in the file's order: its row number, the number it had, why. */
export function fileErrorsTable(errors: readonly JobItemError[], at: Date): ExportTable {
  const sorted = [...errors].sort((a, b) => (fileRowOf(a.item) || Infinity) - (fileRowOf(b.item) || Infinity));
  return {
    name: fileName('file.fileErrors', at),
    sheet: fileText('sheet.fileErrors'),
    columns: [
      { header: fileText('col.row'), width: 14 },
      { header: fileText('col.value'), width: 24 },
      { header: t('pool.reason'), width: 70 },
    ],
    rows: sorted.map((e) => {
      const row = fileRowOf(e.item);
      const value = e.phone ?? (e.customer ? `${e.customer.name}${e.customer.code ? ` (${e.customer.code})` : ''}` : '');
      return [Number.isNaN(row) ? '' : row, value, fileErrorText(e)];
    }),
  };
}

// Protocol area: export to CSV or XLSX. The background reads what the file holds (its cache of customers,
// a job's record) and writes the file in the language the user reads; the page that asked only saves it
// (components/export/ExportButtons.tsx). Handlers: lib/background/handlers/export.ts.
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { Language } from '../i18n/index';
import type { Reply, SenderKind } from './messages';

export type ExportFormat = 'csv' | 'xlsx';

export type ExportSource =
  /** The selected customers, one row each. */
  | { what: 'customers'; customerIds: Id[] }
  /** A job's results, one row a customer: done, refused with why, or skipped. */
  | { what: 'jobResults'; jobId: string }
  /** A file delete's errors, one row a file row: its number in the file, the number it had, why. */
  | { what: 'fileErrors'; jobId: string };

export type ExportRequest = ExportSource & { format: ExportFormat; language: Language };

export interface ExportedFile {
  /** With its extension. */
  fileName: string;
  mimeType: string;
  /** The file's bytes (messages carry JSON). */
  base64: string;
  /** Data rows written (the header not counted). */
  rows: number;
}

export interface ExportProtocol {
  exportFile(request: ExportRequest): Reply<ExportedFile>;
}

export const EXPORT_SENDER_KINDS: Record<keyof ExportProtocol, SenderKind> = {
  exportFile: 'crm-page',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));
const Common = { format: v.picklist(['csv', 'xlsx']), language: v.picklist(['en', 'vi']) };

export const EXPORT_SCHEMAS: { [K in keyof ExportProtocol]: v.GenericSchema<unknown, Parameters<ExportProtocol[K]>[0]> } = {
  exportFile: v.variant('what', [
    v.strictObject({
      what: v.literal('customers'),
      customerIds: v.pipe(v.array(Id), v.minLength(1, 'no customers selected'), v.maxLength(200_000, 'too many customers')),
      ...Common,
    }),
    v.strictObject({ what: v.picklist(['jobResults', 'fileErrors']), jobId: Id, ...Common }),
  ]) as v.GenericSchema<unknown, ExportRequest>,
};

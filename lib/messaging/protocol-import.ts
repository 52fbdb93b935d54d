// Protocol area: matching a bulk-delete file's phone numbers to customers. Owner: the bulk-delete work
// (issue 5). Handlers: ./handlers-import.ts.
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { Reply, SenderKind } from './protocol';
import type { PhoneRow } from './protocol-jobs';

export interface PhonePreview {
  rows: PhoneRow[];
  matched: number;
  notFound: number;
  duplicates: number;
  invalid: number;
  /** Names of the matched customers, for the confirmation list. */
  names: Record<Id, string>;
}

export interface ImportProtocol {
  /** Rows as parsed from the file (phone as written); the background normalises and matches them. */
  previewPhoneRows(request: { rows: { row: number; phone: string }[]; country?: string }): Reply<PhonePreview>;
}

export const IMPORT_SENDER_KINDS: Record<keyof ImportProtocol, SenderKind> = {
  previewPhoneRows: 'crm-page',
};

export const IMPORT_SCHEMAS: { [K in keyof ImportProtocol]: v.GenericSchema<unknown, Parameters<ImportProtocol[K]>[0]> } = {
  previewPhoneRows: v.object({
    rows: v.pipe(
      v.array(v.object({ row: v.pipe(v.number(), v.integer(), v.minValue(1)), phone: v.pipe(v.string(), v.maxLength(100)) })),
      v.minLength(1, 'the file has no rows'),
      v.maxLength(200_000, 'too many rows (at most 200,000)'),
    ),
    country: v.optional(v.pipe(v.string(), v.length(2, 'country must be a two-letter code'))),
  }),
};

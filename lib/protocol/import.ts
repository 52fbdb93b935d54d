// Protocol area: matching a bulk-delete file's phone numbers to customers. Handlers:
// lib/background/handlers/import.ts.
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { Reply, SenderKind } from './messages';
import type { PhoneRow } from './jobs';

export interface PhonePreview {
  rows: PhoneRow[];
  matched: number;
  notFound: number;
  duplicates: number;
  invalid: number;
  /** Rows whose number several customers have: none is deleted unless the user chooses. */
  ambiguous: number;
  /** The template's example row, left in the file: never deleted. */
  samples: number;
  /** Names of the matched customers, for the confirmation list. */
  names: Record<Id, string>;
  /** Their codes: the confirmation list says which customer, on a list with several of one name. */
  codes?: Record<Id, string>;
  /** The customers of ambiguous rows, so the user can tell them apart and choose. */
  customers: Record<Id, { name: string; code: string; phone: string }>;
}

export interface PhoneFilePreview extends PhonePreview {
  format: 'csv' | 'xlsx';
  /** The text encoding a CSV was read in (null for XLSX). */
  encoding: string | null;
}

/** Larger files are refused before they are read (20 MB as base64). */
export const MAX_FILE_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

export interface ImportProtocol {
  /** Rows as parsed from the file (phone as written); the background normalises and matches them. */
  previewPhoneRows(request: { rows: { row: number; phone: string }[]; country?: string }): Reply<PhonePreview>;
  /**
   * The uploaded file itself (base64): parsed in the background, so a large file never freezes the page
   * and the parsers stay out of the content script; then matched as previewPhoneRows does. A file that
   * cannot be read answers `invalid` with a message naming the file and the problem.
   */
  previewPhoneFile(request: { name: string; base64: string; country?: string }): Reply<PhoneFilePreview>;
  /** The XLSX bulk-delete template, base64. */
  phoneTemplate(request: { format: 'xlsx' }): Reply<{ base64: string }>;
}

export const IMPORT_SENDER_KINDS: Record<keyof ImportProtocol, SenderKind> = {
  previewPhoneRows: 'crm-page',
  previewPhoneFile: 'crm-page',
  phoneTemplate: 'crm-page',
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
  previewPhoneFile: v.object({
    name: v.pipe(v.string(), v.minLength(1, 'the file has no name'), v.maxLength(500)),
    base64: v.pipe(v.string(), v.maxLength(MAX_FILE_BASE64, 'the file is larger than 20 MB')),
    country: v.optional(v.pipe(v.string(), v.length(2, 'country must be a two-letter code'))),
  }),
  phoneTemplate: v.object({ format: v.literal('xlsx') }),
};

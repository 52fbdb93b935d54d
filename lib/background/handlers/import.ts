// Background handlers for the import area of the protocol (lib/protocol/import.ts): a bulk-delete file's
// phone rows matched to the cached customers. Nothing is deleted here; the confirmed rows go to
// startBatch({ kind: 'deleteByPhone' }).
import { CrmError } from '../../crm-client/errors';
import { fromBase64, toBase64 } from '../../import/base64';
import { FileReadError } from '../../import/decode';
import { indexByPhone, matchPhoneRows } from '../../import/match';
import { parsePhoneFile } from '../../import/parse-file';
import { templateXlsx } from '../../import/template';
import { defaultPhoneCountry } from '../../settings';
import type { Customer } from '../../domain/types';
import type { ImportProtocol } from '../../protocol/import';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

const LISTING_PAGE_SIZE = 1000;
const LISTING_MAX_AGE_MS = 60_000;

export interface ImportHandlerOptions {
  /** The default country for numbers written without one (the settings' value by default). */
  country?: () => Promise<string>;
}

export function createImportHandlers(
  { db, connection, now: clock }: Pick<BackgroundServices, 'db' | 'connection' | 'now'>,
  options: ImportHandlerOptions = {},
): Pick<Handlers, keyof ImportProtocol> {
  const country = options.country ?? (() => defaultPhoneCountry.getValue());
  const now = () => clock().getTime();
  let listed: { at: number; customers: Customer[] } | null = null;

  /** Every customer the CRM lists for the user (read again after a minute); the cache when it can't be reached. */
  async function customers(): Promise<Customer[]> {
    if (listed && now() - listed.at < LISTING_MAX_AGE_MS) return listed.customers;
    const { crm } = await connection.current();
    try {
      const all = await readListing((page) => crm.customers({ page, pageSize: LISTING_PAGE_SIZE, sort: 'name' }));
      await db.customers.bulkPut(all);
      listed = { at: now(), customers: all };
      return all;
    } catch (error) {
      if (!(error instanceof CrmError && error.unreachable)) throw error;
      return db.customers.filter((c) => c.deletedAt === null).toArray();
    }
  }

  // Indexing every customer by phone is the preview's dearest step: a second preview of the same listing reuses it.
  let memo: { of: Customer[]; country: string; index: ReturnType<typeof indexByPhone> } | null = null;
  function indexOf(of: Customer[], code: string) {
    if (memo?.of !== of || memo.country !== code) memo = { of, country: code, index: indexByPhone(of, code) };
    return memo.index;
  }

  async function preview(rows: { row: number; phone: string; sample?: boolean }[], asked: string | undefined) {
    const code = asked ?? (await country());
    return matchPhoneRows(rows, indexOf(await customers(), code), code);
  }

  return {
    previewPhoneRows: ({ rows, country: asked }) => preview(rows, asked),

    async previewPhoneFile({ name, base64, country: asked }) {
      let parsed;
      try {
        let bytes: Uint8Array;
        try {
          bytes = fromBase64(base64);
        } catch {
          throw new FileReadError('unreadable', `"${name}" arrived damaged; upload it again.`);
        }
        parsed = await parsePhoneFile({ name, bytes });
      } catch (error) {
        if (error instanceof FileReadError) throw new CrmError({ code: `file_${error.code}`, message: error.message });
        throw error;
      }
      return { ...(await preview(parsed.rows, asked)), format: parsed.format, encoding: parsed.encoding };
    },

    async phoneTemplate() {
      return { base64: await toBase64(new Uint8Array(await (await templateXlsx()).arrayBuffer())) };
    },
  };
}

async function readListing(page: (n: number) => Promise<{ items: Customer[]; total: number }>): Promise<Customer[]> {
  const all: Customer[] = [];
  for (let n = 1; ; n++) {
    const answer = await page(n);
    all.push(...answer.items);
    if (answer.items.length === 0 || n * LISTING_PAGE_SIZE >= answer.total) return all;
  }
}

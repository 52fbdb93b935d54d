// Bulk delete from a file whose key column is the phone number (the Vietnamese document's template).
// Two forms: `phones` (the CRM matches each number) and `rows` (each customer the user confirmed, with
// the row and number it came from: deleted only while it still has that number and, unless the user
// chose it among several, is the only customer with it).
import { Hono } from 'hono';
import type { Customer, Id } from '../../lib/domain/types';
import { deleteOriginDetails } from '../../lib/import/delete-origin';
import { decide, type AskWhom, type RuleId } from '../../lib/rules';
import type { Repository } from '../db/repository';
import { invalid, refusalBody } from '../http/errors';
import { jsonBody, MAX_BATCH, MAX_ID, MAX_PHONE, MAX_TEXT } from '../http/validate';
import { phoneKey } from '../phone';
import { bumped, callerContext, callerId, known, NOT_FOUND, repoOf, type AppContext, type AppEnv, type Deps } from './env';

export type PhoneResult =
  | { phone: string; ok: true; id: Id }
  | {
      phone: string;
      ok: false;
      id?: Id;
      /** For 'ambiguous': every live customer with this number that the caller may know of. */
      ids?: Id[];
      error: {
        code: 'invalid' | 'not_found' | 'forbidden' | 'duplicate_in_request' | 'duplicate' | 'ambiguous'; message: string;
        rule?: RuleId; ask?: AskWhom[];
        /** For 'ambiguous': who those customers are, so the user can tell them apart. */
        matches?: { id: Id; name: string; code: string }[];
      };
    };

interface RowAsked {
  id: Id;
  row: number;
  phone: string;
  /** The user chose this customer among several with the number: deleted even though it is not the only one. */
  chosen: boolean;
}

export function deleteByPhoneRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/batch/delete-by-phone', async (c) => {
    const body = await jsonBody(c, ['phones', 'rows', 'file']);
    if (body.rows !== undefined) {
      if (body.phones !== undefined) throw invalid('phones: not with rows (send one or the other)');
      return c.json({ results: await deleteRows(c, rowList(body.rows), fileName(body.file)) });
    }
    if (body.file !== undefined) throw invalid('file: only with rows');
    const phones = phoneList(body.phones);
    const now = deps.now();
    const seen = new Map<string, number>();

    const results = await repoOf(c).transaction(async (tx) => {
      const ctx = await callerContext(c, tx);
      const out: PhoneResult[] = [];
      for (const [index, phone] of phones.entries()) out.push(await (async (): Promise<PhoneResult> => {
        const key = phoneKey(phone);
        if (key === '') return { phone, ok: false, error: { code: 'invalid', message: `"${phone}" has no digits` } };
        const first = seen.get(key);
        if (first !== undefined) {
          return { phone, ok: false, error: { code: 'duplicate_in_request', message: `same number as row ${first + 1} of this request` } };
        }
        seen.set(key, index);
        // Customers the caller may not know of are not matched at all: no phone maps to a hidden id.
        const matching = await tx.customers(await tx.liveIdsWithPhoneKey(key), true);
        const ids = [...matching.keys()].filter((id) => known(ctx, matching.get(id)!, 'delete', now));
        if (ids.length === 0) return { phone, ok: false, error: { code: 'not_found', message: `no customer has the number ${phone}` } };
        if (ids.length > 1) {
          return { phone, ok: false, ids, error: { code: 'ambiguous', message: `${ids.length} customers share the number ${phone}`, matches: matchesOf(matching, ids) } };
        }
        const current = matching.get(ids[0])!;
        const decision = decide(ctx, current, 'delete', now);
        if (!decision.allowed) {
          const { message, rule, ask } = refusalBody(decision);
          return { phone, ok: false, id: current.id, error: { code: 'forbidden', message, rule, ask } };
        }
        await tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
        await tx.log({ customerId: current.id, type: 'Delete customer', at: now.toISOString(), actorId: callerId(c),
          details: `by phone ${phone}`, changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
        return { phone, ok: true, id: current.id };
      })());
      return out;
    });
    return c.json({ results });
  });

  const matchesOf = (found: Map<Id, Customer>, ids: Id[]) => ids.map((id) => {
    const customer = found.get(id)!;
    return { id, name: customer.name, code: customer.code };
  });

  /** The `rows` form: one result per row asked, in order, each naming its customer. */
  async function deleteRows(c: AppContext, rows: RowAsked[], file: string): Promise<(PhoneResult & { id: Id })[]> {
    const now = deps.now();
    const seen = new Set<Id>();
    return repoOf(c).transaction(async (tx: Repository) => {
      const ctx = await callerContext(c, tx);
      const out: (PhoneResult & { id: Id })[] = [];
      for (const { id, row, phone, chosen } of rows) out.push(await (async (): Promise<PhoneResult & { id: Id }> => {
        const key = phoneKey(phone);
        if (key === '') return { id, phone, ok: false, error: { code: 'invalid', message: `"${phone}" has no digits` } };
        if (seen.has(id)) return { id, phone, ok: false, error: { code: 'duplicate', message: `customer ${id} is asked for twice` } };
        seen.add(id);
        const current: Customer | null = await tx.customer(id, true);
        const knowable = (customer: Customer) => known(ctx, customer, 'delete', now);
        if (!current || current.deletedAt !== null || !knowable(current)) {
          return { id, phone, ok: false, error: { code: 'not_found', message: NOT_FOUND(id) } };
        }
        if (phoneKey(current.phone) !== key) {
          return { id, phone, ok: false, error: { code: 'not_found', message: `customer ${id} no longer has the number ${phone}` } };
        }
        const matching = await tx.customers(await tx.liveIdsWithPhoneKey(key));
        const ids = [...matching.keys()].filter((other) => knowable(matching.get(other)!));
        if (ids.length > 1 && !chosen) {
          return { id, phone, ok: false, ids, error: { code: 'ambiguous', message: `${ids.length} customers share the number ${phone}`, matches: matchesOf(matching, ids) } };
        }
        const decision = decide(ctx, current, 'delete', now);
        if (!decision.allowed) {
          const { message, rule, ask } = refusalBody(decision);
          return { id, phone, ok: false, error: { code: 'forbidden', message, rule, ask } };
        }
        await tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
        await tx.log({ customerId: id, type: 'Delete customer', at: now.toISOString(), actorId: callerId(c),
          details: deleteOriginDetails({ from: 'file', file, row, phone }), changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
        return { id, phone, ok: true };
      })());
      return out;
    });
  }

  return app;
}

function fileName(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw invalid(`file: must be a file name of at most ${MAX_TEXT} characters`);
  return value;
}

const ROW_FIELDS = ['id', 'row', 'phone', 'chosen'];

/** `rows`: at most MAX_BATCH of { id, row (the spreadsheet's row number), phone, chosen? }. */
function rowList(value: unknown): RowAsked[] {
  if (!Array.isArray(value)) throw invalid('rows: must be an array of { id, row, phone }');
  if (value.length > MAX_BATCH) throw invalid(`rows: at most ${MAX_BATCH} items per call (got ${value.length})`);
  return value.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalid(`rows[${i}]: must be an object { id, row, phone }`);
    const r = item as Record<string, unknown>;
    const extra = Object.keys(r).find((k) => !ROW_FIELDS.includes(k));
    if (extra) throw invalid(`rows[${i}].${extra.slice(0, MAX_ID)}: unknown field (known: ${ROW_FIELDS.join(', ')})`);
    if (typeof r.id !== 'string' || r.id === '' || r.id.length > MAX_ID) throw invalid(`rows[${i}].id: must be a customer id`);
    if (typeof r.row !== 'number' || !Number.isSafeInteger(r.row) || r.row < 1) throw invalid(`rows[${i}].row: must be a row number (1 or more)`);
    if (typeof r.phone !== 'string' || r.phone.length > MAX_PHONE) throw invalid(`rows[${i}].phone: must be a string of at most ${MAX_PHONE} characters`);
    if (r.chosen !== undefined && typeof r.chosen !== 'boolean') throw invalid(`rows[${i}].chosen: must be true or false`);
    return { id: r.id, row: r.row, phone: r.phone, chosen: r.chosen === true };
  });
}

/** Phones as strings (numbers from a spreadsheet are accepted); an empty cell gets its own 'invalid' result. */
function phoneList(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('phones: must be an array of phone numbers');
  if (value.length > MAX_BATCH) throw invalid(`phones: at most ${MAX_BATCH} items per call (got ${value.length})`);
  return value.map((p, i) => {
    if (typeof p === 'number' && Number.isFinite(p)) return String(p);
    if (typeof p !== 'string') throw invalid(`phones[${i}]: must be a string`);
    if (p.length > MAX_PHONE) throw invalid(`phones[${i}]: at most ${MAX_PHONE} characters`);
    return p;
  });
}

// Bulk delete from a file whose key column is the phone number (the Vietnamese document's template).
import { Hono } from 'hono';
import type { Id } from '../../lib/domain/types';
import { decide, type AskWhom, type RuleId } from '../../lib/rules';
import { stmt } from '../db/statements';
import { invalid, refusalBody } from '../http/errors';
import { jsonBody, MAX_BATCH, MAX_PHONE } from '../http/validate';
import { phoneKey } from '../phone';
import { bumped, callerContext, callerId, known, type AppEnv, type Deps } from './env';

export type PhoneResult =
  | { phone: string; ok: true; id: Id }
  | {
      phone: string;
      ok: false;
      id?: Id;
      /** For 'ambiguous': every live customer with this number that the caller may know of. */
      ids?: Id[];
      error: { code: 'invalid' | 'not_found' | 'forbidden' | 'duplicate_in_request' | 'ambiguous'; message: string; rule?: RuleId; ask?: AskWhom[] };
    };

export function deleteByPhoneRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.post('/batch/delete-by-phone', async (c) => {
    const body = await jsonBody(c, ['phones']);
    const phones = phoneList(body.phones);
    const ctx = callerContext(c, deps);
    const now = deps.now();
    const seen = new Map<string, number>();
    const findIds = stmt(store.db, 'SELECT id FROM customers WHERE phone_key = ? AND deleted_at IS NULL ORDER BY id').pluck();

    const results = store.transact((tx) =>
      phones.map((phone, index): PhoneResult => {
        const key = phoneKey(phone);
        if (key === '') return { phone, ok: false, error: { code: 'invalid', message: `"${phone}" has no digits` } };
        const first = seen.get(key);
        if (first !== undefined) {
          return { phone, ok: false, error: { code: 'duplicate_in_request', message: `same number as row ${first + 1} of this request` } };
        }
        seen.set(key, index);
        // Customers the caller may not know of are not matched at all: no phone maps to a hidden id.
        const ids = (findIds.all(key) as Id[]).filter((id) => known(ctx, store.customer(id)!, 'delete', now));
        if (ids.length === 0) return { phone, ok: false, error: { code: 'not_found', message: `no customer has the number ${phone}` } };
        if (ids.length > 1) {
          return { phone, ok: false, ids, error: { code: 'ambiguous', message: `${ids.length} customers share the number ${phone}` } };
        }
        const current = store.customer(ids[0])!;
        const decision = decide(ctx, current, 'delete', now);
        if (!decision.allowed) {
          const { message, rule, ask } = refusalBody(decision);
          return { phone, ok: false, id: current.id, error: { code: 'forbidden', message, rule, ask } };
        }
        tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
        tx.log({ customerId: current.id, type: 'Batch Delete customer', at: now.toISOString(), actorId: callerId(c),
          details: `by phone ${phone}`, changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
        return { phone, ok: true, id: current.id };
      }),
    );
    return c.json({ results });
  });

  return app;
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

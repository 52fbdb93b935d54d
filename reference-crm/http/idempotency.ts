// Idempotency-Key: the same key and body from the same user replays the stored answer; nothing runs twice.
// The whole request runs in one transaction that first claims the key (a pending row, ON CONFLICT DO NOTHING) and
// ends by storing the answer in it: the mutation and its answer commit together or not at all. A duplicate on any
// process waits in the database for the first to commit, then replays it; a crash before the commit leaves nothing.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/env';
import { ApiError, invalid } from './errors';

const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const MAX_KEY_LENGTH = 255;
/** Stored answers older than this are forgotten at start-up. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Answer headers worth replaying besides the body. */
const KEPT_HEADERS = ['content-type', 'etag'];

/** Thrown inside the transaction to roll it back while the answer (a fault, a 429, a 5xx) goes out as it is. */
class NotStored extends Error {}

export function idempotencyMiddleware(userId: (c: Context<AppEnv>) => string, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!MUTATIONS.has(c.req.method) || key === undefined) return next();
    if (key === '' || key.length > MAX_KEY_LENGTH) throw invalid(`Idempotency-Key: must be 1 to ${MAX_KEY_LENGTH} characters`);
    const user = userId(c);
    // The body's bytes, not its text: decoding here would hide bytes that are not UTF-8 from the route.
    const hash = createHash('sha256')
      .update(`${c.req.method} ${new URL(c.req.url).pathname}\n${c.req.header('if-match') ?? ''}\n`)
      .update(new Uint8Array(await c.req.arrayBuffer()))
      .digest('hex');

    try {
      return await c.get('repo').transaction(async (tx) => {
        const stored = await tx.claimIdempotency(user, key, hash, now());
        if (stored) {
          if (stored.bodyHash !== hash) {
            throw new ApiError(422, {
              code: 'idempotency_mismatch',
              message: 'Idempotency-Key was already used with a different request body',
            });
          }
          return new Response(stored.body, { status: stored.status, headers: { ...stored.headers, 'Idempotent-Replay': 'true' } });
        }
        c.set('repo', tx);
        await next();
        // Faults, rate limits and crashes are not answers to the request: a retry must run it.
        if (c.res.status >= 500 || c.res.status === 429) throw new NotStored();
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = c.res.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        await tx.completeIdempotency(user, key, { status: c.res.status, body: await c.res.clone().text(), headers });
        return undefined;
      });
    } catch (err) {
      if (err instanceof NotStored) return;
      throw err;
    }
  };
}

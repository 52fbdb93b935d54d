// Idempotency-Key: the same key and body from the same user replays the stored answer; nothing runs twice.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/open';
import type { AppEnv } from '../routes/env';
import { stmt } from '../db/statements';
import { ApiError, invalid } from './errors';

const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const MAX_KEY_LENGTH = 255;
/** Stored answers older than this are forgotten at start-up. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface Stored {
  body_hash: string;
  status: number;
  body: string;
  headers: string;
}

/** Answer headers worth replaying besides the body. */
const KEPT_HEADERS = ['content-type', 'etag'];

export function idempotencyMiddleware(
  db: Db,
  userId: (c: Context<AppEnv>) => string,
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  const inFlight = new Map<string, Promise<void>>();
  const find = (user: string, key: string) =>
    stmt(db, 'SELECT body_hash, status, body, headers FROM idempotency WHERE user_id = ? AND key = ?').get(user, key) as
      | Stored
      | undefined;

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
    const slot = `${user}\u0000${key}`;
    while (inFlight.has(slot)) await inFlight.get(slot);

    const stored = find(user, key);
    if (stored) {
      if (stored.body_hash !== hash) {
        throw new ApiError(422, {
          code: 'idempotency_mismatch',
          message: 'Idempotency-Key was already used with a different request body',
        });
      }
      return new Response(stored.body, {
        status: stored.status,
        headers: { ...(JSON.parse(stored.headers) as Record<string, string>), 'Idempotent-Replay': 'true' },
      });
    }

    let done!: () => void;
    inFlight.set(slot, new Promise<void>((resolve) => (done = resolve)));
    try {
      await next();
      // Faults and rate limits are not answers to the request: a retry must run it.
      if (c.res.status < 500 && c.res.status !== 429) {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = c.res.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        stmt(
          db,
          'INSERT INTO idempotency (user_id, key, body_hash, status, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(user, key, hash, c.res.status, await c.res.clone().text(), JSON.stringify(headers), now().toISOString());
      }
    } finally {
      inFlight.delete(slot);
      done();
    }
  };
}

export function pruneIdempotency(db: Db, now: Date): void {
  stmt(db, 'DELETE FROM idempotency WHERE created_at < ?').run(new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString());
}

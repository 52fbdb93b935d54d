// The HTTP application: API under /api/v1, the sign-in pages, the host page, the test admin.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { clientAddress, sameOrigin, userFromRequest } from './auth';
import { ApiError, errorResponse } from './http/errors';
import { faultMiddleware, noFaultCounts, type FaultSettings } from './http/faults';
import { idempotencyMiddleware } from './http/idempotency';
import { MAX_BODY_BYTES } from './http/validate';
import { bucketsFor, FailureLimiter, RateLimiter, rateLimitMiddleware, tooManyFailures } from './http/rate-limit';
import { loginRoutes } from './login';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { batchRoutes } from './routes/batch';
import { customerReadRoutes } from './routes/customers-read';
import { customerWriteRoutes } from './routes/customers-write';
import { deleteByPhoneRoutes } from './routes/delete-by-phone';
import { poolRoutes } from './routes/pool';
import type { AppEnv, Deps } from './routes/env';
import { syncRoutes } from './routes/sync';
import type { Repository } from './db/repository';

export interface RuntimeSettings extends FaultSettings {
  /** Requests per second per token; 0 disables the limit. */
  rateLimit: number;
}

export interface AppOptions {
  repo: Repository;
  settings: RuntimeSettings;
  now: () => Date;
  random: () => number;
  testAdmin: boolean;
  /** Lets the sign-in page sign anyone in as any user, without a credential: for a demo org only. */
  demoSignIn: boolean;
  /** Failed sign-ins and wrong tokens allowed per client address per minute; 0 = no limit. */
  signInFailures: number;
}

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function createApp(options: AppOptions): { app: Hono<AppEnv>; limiter: RateLimiter } {
  const { repo, settings, now } = options;
  const deps: Deps = { now };
  const buckets = bucketsFor(repo);
  const limiter = new RateLimiter(() => settings.rateLimit, () => now().getTime(), buckets);
  const failures = new FailureLimiter(() => options.signInFailures, () => now().getTime(), buckets);
  const app = new Hono<AppEnv>();
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `${c.req.method} ${c.req.path}: no such endpoint` } }, 404));
  // Every body, on every path, is refused once it passes the limit: by its Content-Length before reading, else while streaming.
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, { code: 'too_large', message: `The request body is larger than ${MAX_BODY_BYTES} bytes` });
      },
    }),
  );

  const api = new Hono<AppEnv>();
  api.use(
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'],
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      exposeHeaders: ['ETag', 'Retry-After', 'Idempotent-Replay'],
    }),
  );
  const injected = noFaultCounts();
  api.use(faultMiddleware(() => settings, options.random, injected));
  api.use(async (c, next) => {
    const address = clientAddress(c);
    const presented = c.req.header('authorization') !== undefined;
    const wait = presented ? await failures.wait(address) : 0;
    if (wait > 0) throw tooManyFailures(wait);
    c.set('repo', repo);
    const caller = await userFromRequest(c, repo);
    if (!caller) {
      if (presented) await failures.fail(address);
      throw new ApiError(401, { code: 'unauthorized', message: 'Send Authorization: Bearer <token> or sign in at /login' });
    }
    // The cookie is the browser's, not the page's: a change it authenticates must say it comes from this
    // site's own pages. Browsers send Origin on every POST, PUT, PATCH and DELETE, so a missing one is refused too.
    // A bearer token is never sent by the browser on its own, so bearer calls need no such proof.
    if (caller.via === 'cookie' && MUTATING.has(c.req.method) && !sameOrigin(c)) {
      const origin = c.req.header('origin');
      throw new ApiError(403, {
        code: 'forbidden',
        message: `A change signed in by cookie must come from this site (Origin ${origin === undefined ? 'missing' : JSON.stringify(origin)}); use a bearer token`,
      });
    }
    c.set('caller', caller);
    await next();
  });
  api.use(rateLimitMiddleware(limiter, (c) => c.get('caller').user.id));
  api.use(idempotencyMiddleware((c) => c.get('caller').user.id, now));
  for (const routes of [accountRoutes, customerReadRoutes, customerWriteRoutes, poolRoutes, batchRoutes, deleteByPhoneRoutes, syncRoutes]) {
    api.route('/', routes(deps));
  }
  api.notFound((c) => c.json({ error: { code: 'not_found', message: `${c.req.method} ${c.req.path}: no such endpoint` } }, 404));

  app.route('/api/v1', api);
  if (options.testAdmin) app.route('/__admin', adminRoutes(settings, limiter, injected));
  app.route('/', loginRoutes(repo, { demoSignIn: options.demoSignIn, failures }));
  return { app, limiter };
}

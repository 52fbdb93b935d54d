// Token buckets: per caller, `rate` requests per second with bursts up to `rate`; per client address, failed
// credentials. With SQLite (one process) the buckets live in memory; with PostgreSQL in the database, so that the
// limits hold across every server process (db/repository.ts takeBucket), not per process.
import type { Context, MiddlewareHandler } from 'hono';
import type { Repository } from '../db/repository';
import type { AppEnv } from '../routes/env';
import { ApiError } from './errors';

export interface Buckets {
  /**
   * Refills the bucket by `perMs` tokens a millisecond up to `capacity` (a new one starts full), then takes one
   * token when `take` and there is one. Answers the tokens left and whether one was taken.
   */
  take(key: string, capacity: number, perMs: number, nowMs: number, take: boolean): Promise<{ taken: boolean; tokens: number }>;
  /** Refills every bucket whose key starts with the prefix. */
  reset(prefix: string): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class MemoryBuckets implements Buckets {
  private buckets = new Map<string, Bucket>();

  async take(key: string, capacity: number, perMs: number, nowMs: number, take: boolean) {
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, nowMs - bucket.at) * perMs);
    bucket.at = Math.max(bucket.at, nowMs);
    this.buckets.set(key, bucket);
    const taken = take && bucket.tokens >= 1;
    if (taken) bucket.tokens -= 1;
    return { taken, tokens: bucket.tokens };
  }

  async reset(prefix: string): Promise<void> {
    for (const key of [...this.buckets.keys()]) if (key.startsWith(prefix)) this.buckets.delete(key);
  }
}

export class SharedBuckets implements Buckets {
  constructor(private repo: Repository) {}
  take(key: string, capacity: number, perMs: number, nowMs: number, take: boolean) {
    return this.repo.takeBucket(key, capacity, perMs, nowMs, take);
  }
  reset(prefix: string): Promise<void> {
    return this.repo.resetBuckets(prefix);
  }
}

/** The buckets for this engine: in the database when several processes may share it. */
export function bucketsFor(repo: Repository): Buckets {
  return repo.engine === 'postgres' ? new SharedBuckets(repo) : new MemoryBuckets();
}

export class RateLimiter {
  constructor(
    private rate: () => number,
    private nowMs: () => number,
    private buckets: Buckets = new MemoryBuckets(),
  ) {}

  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  async take(key: string): Promise<number> {
    const rate = this.rate();
    if (rate <= 0) return 0;
    const { taken, tokens } = await this.buckets.take(`rate:${key}`, Math.max(1, rate), rate / 1000, this.nowMs(), true);
    return taken ? 0 : Math.max(1, Math.ceil((1 - tokens) / rate));
  }

  reset(): Promise<void> {
    return this.buckets.reset('rate:');
  }
}

export function rateLimitMiddleware(limiter: RateLimiter, key: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = await limiter.take(key(c));
    if (wait > 0) {
      throw new ApiError(
        429,
        { code: 'rate_limited', message: `Too many requests: try again in ${wait} s` },
        { 'Retry-After': String(wait) },
      );
    }
    await next();
  };
}

/**
 * Failed credentials per client address: `limit` failures at once, refilled over a minute. While an
 * address has none left every attempt from it is refused, right or wrong, so guessing learns nothing.
 */
export class FailureLimiter {
  constructor(
    private limit: () => number,
    private nowMs: () => number,
    private buckets: Buckets = new MemoryBuckets(),
  ) {}

  /** 0 when the address may try, else the whole seconds until it may. */
  async wait(key: string): Promise<number> {
    const limit = this.limit();
    if (limit <= 0) return 0;
    const { tokens } = await this.buckets.take(`fail:${key}`, limit, limit / 60_000, this.nowMs(), false);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil(((1 - tokens) * 60) / limit));
  }

  async fail(key: string): Promise<void> {
    const limit = this.limit();
    if (limit > 0) await this.buckets.take(`fail:${key}`, limit, limit / 60_000, this.nowMs(), true);
  }

  reset(): Promise<void> {
    return this.buckets.reset('fail:');
  }
}

export function tooManyFailures(wait: number): ApiError {
  return new ApiError(
    429,
    { code: 'rate_limited', message: `Too many failed sign-ins from this address: try again in ${wait} s` },
    { 'Retry-After': String(wait) },
  );
}

// A token bucket per caller: `rate` requests per second, bursts up to `rate`.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/env';
import { ApiError } from './errors';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(
    private rate: () => number,
    private nowMs: () => number,
  ) {}

  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  take(key: string): number {
    const rate = this.rate();
    if (rate <= 0) return 0;
    const now = this.nowMs();
    const capacity = Math.max(1, rate);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function rateLimitMiddleware(limiter: RateLimiter, key: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = limiter.take(key(c));
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
  private buckets = new Map<string, Bucket>();
  constructor(
    private limit: () => number,
    private nowMs: () => number,
  ) {}

  private bucket(key: string): Bucket | null {
    const limit = this.limit();
    if (limit <= 0) return null;
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: limit, at: now };
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) / 60_000) * limit);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** 0 when the address may try, else the whole seconds until it may. */
  wait(key: string): number {
    const bucket = this.bucket(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.limit()));
  }

  fail(key: string): void {
    const bucket = this.bucket(key);
    if (bucket) bucket.tokens = Math.max(0, bucket.tokens - 1);
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function tooManyFailures(wait: number): ApiError {
  return new ApiError(
    429,
    { code: 'rate_limited', message: `Too many failed sign-ins from this address: try again in ${wait} s` },
    { 'Retry-After': String(wait) },
  );
}

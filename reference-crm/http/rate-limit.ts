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

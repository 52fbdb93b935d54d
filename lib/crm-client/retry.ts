// When and how long to wait before trying a CRM call again.
import { CrmError } from './errors';

export interface RetryPolicy {
  /** Tries in all, the first included; default 4. */
  attempts: number;
  /** Backoff base and cap, ms: attempt n waits random(0, min(cap, base·2ⁿ)) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller (outbox, job runner). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Network errors, timeouts, 5xx and 429 may succeed later; other answers will not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof CrmError)) return false;
  if (error.unreachable || error.code === 'rate_limited') return true;
  return error.status !== undefined && error.status >= 500;
}

/** Milliseconds to wait before try number `attempt + 1` (attempt counts from 0). */
export function retryDelay(error: CrmError, attempt: number, policy: RetryPolicy, random: () => number): number {
  if (error.retryAfter !== undefined) return error.retryAfter * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Retry-After in seconds: a number of seconds, or an HTTP date measured from `now`. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `once` up to `attempts` times while it fails in a way that may succeed later, waiting between
 * tries (backoff with jitter, or the CRM's Retry-After unless it is longer than the policy allows).
 */
export async function retrying<T>(
  once: () => Promise<T>, attempts: number, policy: RetryPolicy, sleep: (ms: number) => Promise<void>, random: () => number,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once();
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= attempts) throw error;
      const wait = retryDelay(error as CrmError, attempt, policy, random);
      if (wait > policy.maxRetryAfterMs) throw error;
      await sleep(wait);
    }
  }
}

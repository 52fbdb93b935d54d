// Test-only controls (started with --test-admin): change injected faults and the rate limit at run time.
import { Hono } from 'hono';
import type { RuntimeSettings } from '../app';
import { invalid } from '../http/errors';
import { jsonBody } from '../http/validate';
import type { RateLimiter } from '../http/rate-limit';
import type { FaultCounts } from '../http/faults';

const LIMITS: Record<keyof RuntimeSettings, [number, number]> = {
  errorRate: [0, 1],
  dropRate: [0, 1],
  latencyMs: [0, 600_000],
  rateLimit: [0, 1_000_000],
};

export function adminRoutes(settings: RuntimeSettings, limiter: RateLimiter, injected: FaultCounts): Hono {
  const app = new Hono();
  app.get('/faults', (c) => c.json(settings));
  // How many faults were injected since the server started: a test proves its faults happened.
  app.get('/faults/injected', (c) => c.json(injected));
  app.post('/faults', async (c) => {
    const body = await jsonBody(c, Object.keys(LIMITS));
    const next = { ...settings };
    for (const [field, value] of Object.entries(body)) {
      const range = LIMITS[field as keyof RuntimeSettings];
      if (!range) throw invalid(`${field}: unknown setting (known: ${Object.keys(LIMITS).join(', ')})`);
      if (typeof value !== 'number' || !(value >= range[0] && value <= range[1])) {
        throw invalid(`${field}: must be a number from ${range[0]} to ${range[1]}`);
      }
      next[field as keyof RuntimeSettings] = value;
    }
    Object.assign(settings, next);
    await limiter.reset();
    return c.json(settings);
  });
  return app;
}

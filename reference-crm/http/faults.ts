// Injected faults for tests: latency, dropped connections and 503 answers, changeable at run time.
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';

export interface FaultSettings {
  /** Share of API requests answered 503 { error: { code: 'fault' } } (0..1). */
  errorRate: number;
  /** Delay added before every API request is handled. */
  latencyMs: number;
  /** Share of API requests whose connection is destroyed without an answer (0..1). */
  dropRate: number;
}

export const NO_FAULTS: FaultSettings = { errorRate: 0, latencyMs: 0, dropRate: 0 };

/** What the faults did, so a test can tell that the faults it asked for happened. */
export interface FaultCounts {
  /** Requests answered 503 by an injected error. */
  errors: number;
  /** Connections dropped. */
  drops: number;
  /** Requests answered 429 (the rate limit, set low for a storm, or too many failed sign-ins). */
  tooMany: number;
}

export const noFaultCounts = (): FaultCounts => ({ errors: 0, drops: 0, tooMany: 0 });

export function faultMiddleware(
  faults: () => FaultSettings,
  random: () => number,
  counts: FaultCounts = noFaultCounts(),
): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return async (c, next) => {
    const { errorRate, latencyMs, dropRate } = faults();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (dropRate > 0 && random() < dropRate) {
      counts.drops += 1;
      const socket = c.env?.incoming?.socket;
      if (socket) {
        socket.destroy();
        // Nothing will be written to a destroyed socket; keep the request pending until it is gone.
        return new Response(null, { status: 503 });
      }
      return c.json({ error: { code: 'fault', message: 'Injected fault: connection dropped' } }, 503);
    }
    if (errorRate > 0 && random() < errorRate) {
      counts.errors += 1;
      return c.json({ error: { code: 'fault', message: `Injected fault (error rate ${errorRate})` } }, 503);
    }
    await next();
    if (c.res.status === 429) counts.tooMany += 1;
  };
}

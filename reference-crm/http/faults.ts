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

export function faultMiddleware(
  faults: () => FaultSettings,
  random: () => number,
): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return async (c, next) => {
    const { errorRate, latencyMs, dropRate } = faults();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (dropRate > 0 && random() < dropRate) {
      const socket = c.env?.incoming?.socket;
      if (socket) {
        socket.destroy();
        // Nothing will be written to a destroyed socket; keep the request pending until it is gone.
        return new Response(null, { status: 503 });
      }
      return c.json({ error: { code: 'fault', message: 'Injected fault: connection dropped' } }, 503);
    }
    if (errorRate > 0 && random() < errorRate) {
      return c.json({ error: { code: 'fault', message: `Injected fault (error rate ${errorRate})` } }, 503);
    }
    await next();
  };
}

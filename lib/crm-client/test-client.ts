// A CrmClient on a stubbed fetch for unit tests: calls recorded, backoff sleeps recorded (no real wait).
import { vi } from 'vitest';
import { CrmClient, type CrmClientOptions } from './client';

export type Call = { url: string; init: RequestInit };

function stubFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export function client(respond: (call: Call) => Response | Promise<Response>, extra: Partial<CrmClientOptions> = {}) {
  const stub = stubFetch(respond);
  let n = 0;
  const sleeps: number[] = [];
  const crm = new CrmClient({
    baseUrl: 'http://127.0.0.1:5555/', token: 'tok-1', fetch: stub.fetch, newKey: () => `key-${++n}`,
    sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, now: () => Date.parse('2024-05-01T00:00:00Z'),
    ...extra,
  });
  return { crm, calls: stub.calls, sleeps };
}


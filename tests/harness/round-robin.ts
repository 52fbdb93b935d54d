// A round-robin HTTP proxy in front of several CRM processes, as a load balancer would stand: each request goes to
// the next backend in turn. A backend that is down or dies mid-request is not retried elsewhere: the client gets a
// 502 or a dropped connection, as from a plain balancer, and must retry by itself.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  url: string;
  /** Requests per backend; requests a backend failed: refused (down), dropped (died while handling them). */
  counts(): { forwarded: number[]; refused: number[]; dropped: number[] };
  /** Resolves while the backend is handling a request (forwarded, not yet answered). */
  whenBusy(index: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRoundRobin(backends: string[]): Promise<RoundRobin> {
  let next = 0;
  const forwarded = backends.map(() => 0);
  const refused = backends.map(() => 0);
  const dropped = backends.map(() => 0);
  const busy = backends.map(() => 0);
  let waiting: { index: number; resolve: () => void }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const index = next++ % backends.length;
    forwarded[index]++;
    const target = new URL(req.url ?? '/', backends[index]);
    busy[index]++;
    let settled = false;
    const settle = () => {
      if (!settled) (settled = true), busy[index]--;
    };
    for (const w of waiting.filter((w) => w.index === index)) w.resolve();
    waiting = waiting.filter((w) => w.index !== index);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      settle();
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
      answer.on('aborted', () => res.destroy());
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      settle();
      if (err.code === 'ECONNREFUSED') refused[index]++;
      else dropped[index]++;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `backend ${index}: ${err.message}` } }));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ forwarded: [...forwarded], refused: [...refused], dropped: [...dropped] }),
    whenBusy: (index) => (busy[index] > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ index, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

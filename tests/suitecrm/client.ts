// Curl-like calls to SuiteCRM for the tests: OAuth2 password-grant tokens per user, V8 and the package's routes.
export interface Answer<T = any> {
  status: number;
  body: T;
}

export const ROUTES = '/Api/V8/custom/crm-overlay';

export interface Client {
  url: string;
  clientId: string;
  clientSecret: string;
}

/** An access token for user/password (SuiteCRM answers 500 for a wrong password; this throws then). */
export async function token(c: Client, username: string, password: string): Promise<string> {
  const res = await fetch(`${c.url}/Api/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username, password }),
  });
  // Never print the body: SuiteCRM echoes the password in its error.
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
  const json = (await res.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`sign-in of ${username}: no access_token`);
  return json.access_token;
}

/** One request; body as JSON; the answer parsed when it is JSON, else its text. */
export async function call<T = any>(c: Client, tok: string | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/vnd.api+json' };
  if (tok) headers.Authorization = `Bearer ${tok}`;
  if (body !== undefined) headers['Content-Type'] = 'application/vnd.api+json';
  const send = () =>
    fetch(c.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  // Apache closes an idle kept-alive connection after its timeout; a GET that met that close is sent again once,
  // as browsers do (a write is not: it may have been applied).
  const res = await send().catch((e: unknown) => {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (method === 'GET' && code === 'UND_ERR_SOCKET') return send();
    throw e;
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T };
}

/** The answer's body, or an error naming what failed and how SuiteCRM answered. */
export async function ok(what: string, p: Promise<Answer>): Promise<any> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

/** Runs fn over items with at most `limit` at once (SuiteCRM on 2 cores keeps up with 2–4). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

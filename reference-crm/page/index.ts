// The host pages of the reference CRM: the customer list, a customer's page and their static assets.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import type { Customer, LogEntry, Org, User } from '../../lib/domain/types';
import { customerPage, customersPage, messagePage } from './html';

/** Who is signed in (session cookie or bearer token), or null: the server's reader. */
export interface PageDeps {
  userFromRequest(c: Context): Promise<User | null>;
}

const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));
const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** Only the page's own scripts and styles are served (not the .d.ts beside them, nothing by path). */
const ASSETS = new Set(readdirSync(ASSETS_DIR).filter((f) => /^[a-z-]+\.(js|css)$/.test(f)));
const HISTORY_SHOWN = 20;

function loginRedirect(c: Context) {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
}

// Any app type the server builds.
export function registerPages(app: Hono<any, any, any>, deps: PageDeps): void {
  /** The page asks the CRM's own API as the signed-in user, so the rules are applied in one place. */
  async function apiAs<T>(c: Context, path: string): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of ['cookie', 'authorization']) {
      const value = c.req.header(name);
      if (value) headers[name] = value;
    }
    const res = await app.request(`/api/v1${path}`, { headers });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  }

  app.get('/customers', async (c) => {
    const user = await deps.userFromRequest(c);
    if (!user) return loginRedirect(c);
    c.header('Cache-Control', 'no-store');
    return c.html(customersPage(user));
  });

  app.get('/customers/:id', async (c) => {
    const user = await deps.userFromRequest(c);
    if (!user) return loginRedirect(c);
    const id = encodeURIComponent(c.req.param('id'));
    const [customer, org, logs] = await Promise.all([
      apiAs<Customer>(c, `/customers/${id}`),
      apiAs<Org>(c, '/org'),
      apiAs<{ items: LogEntry[] }>(c, `/customers/${id}/logs?limit=${HISTORY_SHOWN}`),
    ]);
    if (customer.status === 404) {
      return c.html(messagePage(user, 'Customer not found', 'This customer does not exist or is not in your customer list.'), 404);
    }
    if (customer.status !== 200 || org.status !== 200) {
      const message = (customer.body as { error?: { message?: string } } | null)?.error?.message ?? `The CRM answered ${customer.status}.`;
      return c.html(messagePage(user, 'Could not load the customer', message), 502);
    }
    const names = new Map<string, string>();
    for (const x of [...org.body.users, ...org.body.departments, ...org.body.roles, ...org.body.pools]) names.set(x.id, x.name);
    c.header('Cache-Control', 'no-store');
    return c.html(customerPage(user, customer.body, names, logs.status === 200 ? logs.body.items : []));
  });

  app.get('/assets/:file', (c) => {
    const file = c.req.param('file');
    if (!ASSETS.has(file)) return c.text('Not found', 404);
    c.header('Content-Type', CONTENT_TYPES[file.split('.').pop()!]);
    c.header('Cache-Control', 'no-cache');
    return c.body(readFileSync(`${ASSETS_DIR}${file}`, 'utf8'));
  });
}

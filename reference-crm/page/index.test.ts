import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Customer, User } from '../../lib/domain/types';
import { registerPages } from './index';

const rep: User = { id: 'u-rep', name: 'Phạm <b>Minh</b> Tuấn', email: 'r@x', departmentId: 'd', roleId: 'r', managerId: null };
const xss: Customer = {
  id: 'c-013', code: 'KH0013', name: 'Đỗ <img src=x onerror=alert(1)> Xuân', email: 'xss@example.com', phone: '0937 111 222',
  source: 'Website', businessField: 'Retail', aeId: 'u-rep', csrId: null, poolId: 'p-main',
  shares: { departmentIds: ['d-sales'], roleIds: [], userIds: [] }, tags: ['<b>bold</b>'], version: 2,
  createdAt: '2024-03-01T02:00:00.000Z', updatedAt: '2024-03-02T09:30:00.000Z', deletedAt: null,
};

/** The pages over a stand-in API that knows one customer and signs in whoever sends the cookie "crm_session=ok". */
function app() {
  const app = new Hono();
  const signedIn = (c: Context) => (c.req.header('cookie') ?? '').includes('crm_session=ok');
  app.use('/api/v1/*', async (c, next) => (signedIn(c) ? next() : c.json({ error: { code: 'unauthorized', message: 'no' } }, 401)));
  app.get('/api/v1/org', (c) => c.json({ users: [rep], departments: [{ id: 'd-sales', name: 'Sales', parentId: null }], roles: [], permissionGroups: [], pools: [{ id: 'p-main', name: 'Kho chung', adminUserIds: [] }] }));
  app.get('/api/v1/customers/:id', (c) => (c.req.param('id') === xss.id ? c.json(xss) : c.json({ error: { code: 'not_found', message: 'Not found' } }, 404)));
  app.get('/api/v1/customers/:id/logs', (c) => c.json({ items: [{ id: 'l1', seq: 1, customerId: xss.id, type: 'Edit customer', at: '2024-03-02T09:30:00.000Z', actorId: 'u-rep', details: '<script>x</script>', changes: [] }], nextBefore: null }));
  const user = (c: Context) => (signedIn(c) ? rep : null);
  registerPages(app, { userFromRequest: async (c) => user(c) });
  return app;
}

const get = (path: string, signedIn = true) => app().request(path, { headers: signedIn ? { cookie: 'crm_session=ok' } : {} });

describe('the host pages', () => {
  it('sends a visitor who is not signed in to /login, remembering where they were going', async () => {
    for (const path of ['/customers?page=2&q=l%C3%AA', '/customers/c-013']) {
      const res = await get(path, false);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  it('serves the customer list shell: the table, the search box, the footer and the page script', async () => {
    const res = await get('/customers');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<table id="customer-table" class="data-table">');
    expect(html).toContain('<th class="col-name" scope="col" aria-sort="none"><button type="button">Name</button></th>');
    for (const id of ['customer-search', 'page-info', 'page-size', 'page-prev', 'page-next']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<script type="module" src="/assets/customers.js"></script>');
    expect(html).toContain('Phạm &lt;b&gt;Minh&lt;/b&gt; Tuấn');
    expect(html).not.toMatch(/data-crm|data-ext/);
  });

  it('renders a customer page with every field escaped and names resolved', async () => {
    const res = await get('/customers/c-013');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Đỗ &lt;img src=x onerror=alert(1)&gt; Xuân</h1>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('<span class="tag">&lt;b&gt;bold&lt;/b&gt;</span>');
    expect(html).toContain('<dt>Shared with</dt><dd>Sales</dd>');
    expect(html).toContain('<dt>Pool</dt><dd>Kho chung</dd>');
    expect(html).toContain('<strong>Edit customer</strong>');
  });

  it('answers 404 with a page for a customer that is not in the list', async () => {
    const res = await get('/customers/c-999');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Customer not found');
  });

  it.each([
    ['/assets/customers.js', 'text/javascript; charset=utf-8', 'mountCustomerTable'],
    ['/assets/customer-table.js', 'text/javascript; charset=utf-8', 'export function renderRows'],
    ['/assets/list-state.js', 'text/javascript; charset=utf-8', 'export function footerText'],
    ['/assets/crm.css', 'text/css; charset=utf-8', '.data-table'],
  ])('serves %s as %s', async (path, type, content) => {
    const res = await get(path, false);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toContain(content);
  });

  it.each(['/assets/list-state.d.ts', '/assets/..%2Findex.ts', '/assets/nope.js'])('does not serve %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

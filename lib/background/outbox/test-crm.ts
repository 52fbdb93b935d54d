// A fake CRM for outbox and job tests: enough of the API, with Idempotency-Key replay, so tests can count
// how many times each action was APPLIED (not just sent).
import type { Customer } from '../../domain/types';
import { applyCancelShare, applyLabels, applyShare } from '../../rules/index';
import { sampleCustomer, sampleMe, sampleOrg } from '../../crm-client/test-data';

type Json = Record<string, unknown>;

export function fakeCrm(customers: Customer[] = defaultCustomers()) {
  const replays = new Map<string, { status: number; body: unknown }>();
  let lastSeq = customers.length;
  const crm = {
    online: true,
    /** Replays of a key are answered, not applied again (false: a CRM with no idempotency keys). */
    idempotent: true,
    /** A stale If-Match is refused (false: a CRM with no conditional updates, which applies it). */
    conditional: true,
    /** Answer 503 to mutations (the CRM is up but failing). */
    failing: false,
    customers: new Map(customers.map((c) => [c.id, structuredClone(c)])),
    follows: new Set<string>(),
    /** The change feed behind /sync/customers: each customer's last change, counted over all of them. */
    changeSeq: new Map(customers.map((c, i) => [c.id, i + 1])),
    /** Every mutation request that reached the CRM, replays included. */
    received: [] as { method: string; path: string; key: string | null }[],
    /** Every time a mutation was applied: one entry per idempotency key (and customer, for batches). */
    applied: [] as { key: string; what: string }[],
    /** The CRM's time now: a second after its last change. */
    clock: () => new Date(Date.parse('2025-06-01T00:00:00.000Z') + (lastSeq + 1) * 1000).toISOString(),
    /** Called after the CRM applied a request and before it answers (simulate the worker dying here). */
    afterApply: null as null | ((path: string) => void),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!crm.online) throw new TypeError('Failed to fetch');
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const path = url.pathname.replace('/api/v1', '');
      const headers = new Headers(init?.headers);
      // The CRM's clock (its Date header) moves with its changes, as the modification times do.
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { Date: new Date(crm.clock()).toUTCString() } });
      if (method === 'GET') {
        if (path === '/me') return json(sampleMe(TOKEN_USERS[headers.get('Authorization') ?? ''] ?? 'u-ae'));
        const found = read(path, url.searchParams);
        return found === undefined ? json({ error: { code: 'not_found', message: 'No such customer' } }, 404) : json(found);
      }
      const key = headers.get('Idempotency-Key');
      crm.received.push({ method, path, key });
      if (crm.failing) return json({ error: { code: 'fault', message: 'injected' } }, 503);
      const replayed = key && crm.idempotent ? replays.get(key) : undefined;
      if (replayed) return json(replayed.body, replayed.status);
      const body = init?.body ? JSON.parse(String(init.body)) as Json : {};
      const answer = write(method, path, body, headers, key ?? '');
      if (key) replays.set(key, answer);
      crm.afterApply?.(path);
      return json(answer.body, answer.status);
    }) as typeof fetch,
  };

  function read(path: string, params: URLSearchParams): unknown {
    if (path === '/me') return sampleMe();
    if (path === '/org') return sampleOrg();
    if (path === '/follows') return { customerIds: [...crm.follows] };
    if (path === '/tags') return { tags: [] };
    if (path === '/sync/logs') return { items: [], next: params.get('since') || '0', hasMore: false };
    if (path === '/sync/customers') return changesSince(params.get('since') ?? '', Number(params.get('limit') ?? 1000));
    const all = [...crm.customers.values()].filter((c) => c.deletedAt === null);
    if (path === '/customers') {
      const size = Number(params.get('pageSize') ?? 50);
      const page = Number(params.get('page') ?? 1);
      const since = params.get('updatedSince');
      const afterId = params.get('afterId');
      const sort = params.get('sort');
      const items = all.filter((c) => (!since || c.updatedAt >= since) && (!afterId || c.id > afterId))
        .sort((a, b) => (sort === 'updatedAt' ? a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id) : sort === 'id' ? a.id.localeCompare(b.id) : 0));
      return { items: items.slice((page - 1) * size, page * size), total: items.length, page, pageSize: size };
    }
    if (path === '/customers/ids') {
      const q = params.get('q')?.toLowerCase() ?? '';
      const matching = all.filter((c) => c.name.toLowerCase().includes(q));
      return { ids: matching.map((c) => c.id), total: matching.length };
    }
    const one = /^\/customers\/([^/]+)$/.exec(path);
    const customer = one ? crm.customers.get(one[1]) : undefined;
    return customer?.deletedAt === null ? customer : undefined;
  }

  function changesSince(since: string, limit: number) {
    const after = [...crm.changeSeq].filter(([, seq]) => seq > Number(since || 0)).sort((a, b) => a[1] - b[1]);
    const page = after.slice(0, limit).map(([id, seq]) => ({ seq, c: crm.customers.get(id)! }));
    return {
      changed: page.flatMap(({ c }) => (c.deletedAt === null ? [c] : [])),
      removed: since === '' ? [] : page.flatMap(({ c }) => (c.deletedAt === null ? [] : [c.id])),
      next: String(page.at(-1)?.seq ?? (since || 0)),
      hasMore: after.length > limit,
    };
  }

  function bump(c: Customer, change: Partial<Customer>): Customer {
    // The modification time moves with every change (what a scan of a CRM with no cursor reads by).
    const next = { ...c, ...change, version: c.version + 1, updatedAt: crm.clock() };
    crm.customers.set(c.id, next);
    crm.changeSeq.set(c.id, ++lastSeq);
    return next;
  }

  function write(method: string, path: string, body: Json, headers: Headers, key: string): { status: number; body: unknown } {
    const err = (status: number, code: string, extra: Json = {}) => ({ status, body: { error: { code, message: `${code} (fake)`, ...extra } } });
    const batch = /^\/batch\/(.+)$/.exec(path);
    if (batch) {
      const results = (body.customerIds as string[]).map((id) => {
        const c = crm.customers.get(id);
        if (batch[1] === 'restore') {
          if (!c?.deletedAt) return { id, ok: false, error: { code: 'forbidden', message: 'not deleted', rule: 'not-deleted' } };
          crm.applied.push({ key, what: `restore ${id}` });
          bump(c, { deletedAt: null });
          return { id, ok: true };
        }
        if (!c || c.deletedAt) return { id, ok: false, error: { code: 'not_found', message: 'No such customer' } };
        if (batch[1] === 'reassign') {
          const field = body.field as 'aeId' | 'csrId';
          if (body.from !== undefined && c[field] !== body.from) return { id, ok: false, error: { code: 'changed_since', message: 'changed since' } };
          crm.applied.push({ key, what: `reassign ${id}` });
          if (c[field] !== body.to) bump(c, { [field]: body.to as string | null });
          return { id, ok: true };
        }
        crm.applied.push({ key, what: `${batch[1]} ${id}` });
        if (batch[1] === 'share') bump(c, { shares: applyShare(c, body.targets as Customer['shares']) });
        if (batch[1] === 'cancel-share') bump(c, { shares: applyCancelShare(c, body.all as boolean, body.targets as Customer['shares']) });
        if (batch[1] === 'labels') bump(c, { tags: applyLabels(c, body.mode as 'set' | 'add', body.tags as string[]) });
        if (batch[1] === 'delete') bump(c, { deletedAt: '2025-01-01T00:00:00.000Z' });
        if (batch[1] === 'follow') (body.follow ? crm.follows.add(id) : crm.follows.delete(id));
        return { id, ok: true };
      });
      return { status: 200, body: { results } };
    }
    const follow = /^\/follows\/(.+)$/.exec(path);
    if (follow) {
      crm.applied.push({ key, what: `${method} follow ${follow[1]}` });
      if (method === 'PUT') crm.follows.add(follow[1]);
      else crm.follows.delete(follow[1]);
      return { status: 200, body: { ok: true } };
    }
    const m = /^\/customers\/([^/]+)(?:\/(restore|return-to-pool|share))?$/.exec(path);
    const c = m ? crm.customers.get(m[1]) : undefined;
    if (!m || !c) return err(404, 'not_found');
    crm.applied.push({ key, what: `${method} ${path}` });
    if (method === 'PATCH') {
      const version = Number(/\d+/.exec(headers.get('If-Match') ?? '')?.[0]);
      if (version !== c.version && crm.conditional) {
        crm.applied.pop();
        return err(412, 'stale', { current: c });
      }
      return { status: 200, body: bump(c, body as Partial<Customer>) };
    }
    if (method === 'DELETE') return (bump(c, { deletedAt: '2025-01-01T00:00:00.000Z' }), { status: 200, body: { ok: true } });
    if (m[2] === 'restore') return { status: 200, body: bump(c, { deletedAt: null }) };
    if (m[2] === 'return-to-pool') return { status: 200, body: bump(c, { aeId: null }) };
    return { status: 200, body: bump(c, { shares: applyShare(c, body as unknown as Customer['shares']) }) };
  }

  return crm;
}

/** Who each token signs in as (anything else: u-ae). */
const TOKEN_USERS: Record<string, string> = { 'Bearer tok-csr': 'u-csr', 'Bearer tok-admin': 'u-admin', 'Bearer tok-mgr': 'u-mgr' };

export type FakeCrm = ReturnType<typeof fakeCrm>;

/** c-001 (the user's own, AE u-ae), c-002 (shared with the user, not editable), c-003…c-010 (own). */
export function defaultCustomers(): Customer[] {
  const own = Array.from({ length: 8 }, (_, i) => sampleCustomer({
    id: `c-${String(i + 3).padStart(3, '0')}`, name: `Own ${i + 3}`, shares: { departmentIds: [], roleIds: [], userIds: [] },
  }));
  return [
    sampleCustomer(),
    sampleCustomer({ id: 'c-002', name: 'Other AE', aeId: 'u-other', csrId: null, shares: { departmentIds: [], roleIds: [], userIds: ['u-ae'] } }),
    ...own,
  ];
}

// SuiteCRM 7.14 behind CrmConnector: its V8 API for records, favourites and notes, and the overlay's
// package (scripts/suitecrm/package) for what V8 cannot do (the org with administrators and group
// members, sharing to roles and people, the change log, delete without its V8 bug, restore, the pool).
// SuiteCRM has no batch calls, no idempotency keys, no conditional updates and no change cursor: the
// capabilities say so and the outbox, the jobs and sync adapt (read back before resending, compare
// before writing, scan by modification time). Every operation that changes a customer is written to its
// history as a Note whose id comes from the operation's key, so a replay never logs twice.
import type { Customer, CustomerEdit, Id, LogEntry, Org, ShareTargets } from '../../domain/types';
import { LOG_TYPES, type LogType } from '../../domain/log-types';
import { deleteOriginDetails } from '../../import/delete-origin';
import type {
  CrmCapabilities, CrmConnector, CustomerQuery, LogQuery, MutationOptions, PhoneOpRow, Reassignment,
} from '../connector';
import { CrmError } from '../errors';
import { isRetryable } from '../retry';
import { customerOrNull } from '../operations';
import type { BatchResults, CustomerPage, LogPage, Me, PoolPage, SyncCustomersPage, SyncLogsPage } from '../schemas';
import {
  ACCOUNT_FIELDS, FIELD_NAMED, NO_SHARES, attributesOf, customerOf, dbTimeOf, isoOf, labelsAttribute, labelsOf, orgOf,
  type SuiteOrg,
} from './mapping';
import { createV8, decodeEntities, type Resource, type TokenSource, type V8, type V8Options } from './v8';

export const SUITECRM_CAPABILITIES: CrmCapabilities = {
  maxBatch: 50, idempotencyKeys: false, conditionalUpdates: false, changeCursor: false, restore: true, serverRules: false,
};

/**
 * Customers in progress at once, over all the calls of a connector that go one per customer (a job keeps
 * two chunks on the wire): SuiteCRM on a small server keeps up with a few requests at a time, not many.
 */
const PARALLEL = 4;
const LOG_PREFIX = '[CRM overlay] ';
const PACKAGE = '/V8/custom/crm-overlay';
const enc = encodeURIComponent;

/** A UUID made from a key: the same operation always writes the same record (SuiteCRM keeps client ids). */
export async function uuidFrom(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** At most `limit` tasks at once, over every caller; the others wait their turn in order. */
export function createLanes(limit: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (busy >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else busy++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else busy--;
    }
  };
}

const isCode = (error: unknown, ...codes: string[]) => error instanceof CrmError && codes.includes(error.code);

export interface SuiteCrmOptions extends Omit<V8Options, 'tokens'> {
  tokens: TokenSource;
  newKey?: () => string;
}

export class SuiteCrmConnector implements CrmConnector {
  readonly capabilities = SUITECRM_CAPABILITIES;
  private readonly v8: V8;
  private readonly newKey: () => string;
  private meId: Promise<Id> | null = null;
  private readonly lanes = createLanes(PARALLEL);

  constructor(options: SuiteCrmOptions) {
    this.v8 = createV8(options);
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
  }

  // The user and the org

  async org(): Promise<Org> {
    return orgOf((await this.get<{ data: SuiteOrg }>(`${PACKAGE}/org`)).data);
  }

  async me(): Promise<Me> {
    const [current, org] = await Promise.all([this.get<{ data: Resource }>('/V8/current-user'), this.org()]);
    const user = org.users.find((u) => u.id === current.data.id);
    if (!user) throw new CrmError({ code: 'forbidden', message: 'Your SuiteCRM user is not active' });
    const role = org.roles.find((r) => r.id === user.roleId)!;
    const department = org.departments.find((d) => d.id === user.departmentId)!;
    return { user, role, department, isAdmin: role.admin };
  }

  private myId(): Promise<Id> {
    this.meId ??= this.get<{ data: Resource }>('/V8/current-user').then((answer) => answer.data.id);
    this.meId.catch(() => (this.meId = null));
    return this.meId;
  }

  async tags(): Promise<string[]> {
    return [];
  }

  // Customers

  async customer(id: Id): Promise<Customer> {
    const answer = await this.get<{ data: Resource }>(`/V8/module/Accounts/${enc(id)}?fields[Accounts]=${ACCOUNT_FIELDS.join(',')}`);
    const shares = await this.sharesOf([id]);
    return customerOf(answer.data.id, answer.data.attributes, shares.get(id));
  }

  async customers(q: CustomerQuery = {}): Promise<CustomerPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    if (q.followed) return this.followedPage(page, pageSize);
    const params = this.listParams(q);
    const { json, date } = await this.v8.call('GET', `/V8/module/Accounts?${params}&page[size]=${pageSize}&page[number]=${page}`);
    const data = ((json as { data?: Resource[] } | undefined)?.data ?? []);
    const shares = await this.sharesOf(data.map((r) => r.id));
    const items = data.map((r) => customerOf(r.id, r.attributes, shares.get(r.id)));
    const total = items.length < pageSize ? (page - 1) * pageSize + items.length : await this.count(params);
    return { items, total, page, pageSize, ...(date ? { serverTime: date } : {}) };
  }

  async customerIds(q: Omit<CustomerQuery, 'page' | 'pageSize' | 'sort'> = {}): Promise<{ ids: Id[]; total: number }> {
    if (q.followed) {
      const ids = await this.follows();
      return { ids, total: ids.length };
    }
    const ids: Id[] = [];
    for (let afterId = '', more = true; more;) {
      const params = this.listParams({ ...q, sort: 'id', afterId }).replace(`fields[Accounts]=${ACCOUNT_FIELDS.join(',')}`, 'fields[Accounts]=name');
      const answer = await this.get<{ data?: Resource[] }>(`/V8/module/Accounts?${params}&page[size]=200&page[number]=1`);
      const page = answer.data ?? [];
      ids.push(...page.map((r) => r.id));
      afterId = page.at(-1)?.id ?? afterId;
      more = page.length === 200;
    }
    return { ids, total: ids.length };
  }

  private listParams(q: CustomerQuery): string {
    const sortField = { name: 'name', '-name': '-name', code: 'crm_code_c', updatedAt: 'date_modified', '-updatedAt': '-date_modified', id: 'id' }[q.sort ?? 'name'];
    const parts = [`fields[Accounts]=${ACCOUNT_FIELDS.join(',')}`, `sort=${sortField}`];
    const like = (text: string) => enc(`%${text.replace(/[%_]/g, (c) => `\\${c}`)}%`);
    if (q.q?.trim()) parts.push(`filter[name][like]=${like(q.q.trim())}`);
    if (q.tag) parts.push(`filter[crm_labels_c][like]=${like(JSON.stringify(q.tag))}`);
    if (q.updatedSince) parts.push(`filter[date_modified][gte]=${enc(dbTimeOf(q.updatedSince))}`);
    if (q.afterId) parts.push(`filter[id][gt]=${enc(q.afterId)}`);
    return parts.join('&');
  }

  /** How many accounts a list has: V8 answers pages, not totals (a page of one counts them). */
  private async count(params: string): Promise<number> {
    const answer = await this.get<{ meta?: { 'total-pages'?: number } }>(`/V8/module/Accounts?${params}&page[size]=1&page[number]=1`);
    return answer.meta?.['total-pages'] ?? 0;
  }

  private async followedPage(page: number, pageSize: number): Promise<CustomerPage> {
    const ids = await this.follows();
    const slice = ids.slice((page - 1) * pageSize, page * pageSize);
    const read = await Promise.all(slice.map((id) => this.lanes(() => this.customer(id)).catch((error: unknown) => {
      if (isCode(error, 'not_found', 'forbidden')) return null;
      throw error;
    })));
    return { items: read.filter((c): c is Customer => c !== null), total: ids.length, page, pageSize };
  }

  /** Each account's share targets, from the package (accounts the user may not view are left out). */
  private async sharesOf(ids: Id[]): Promise<Map<Id, ShareTargets>> {
    const found = new Map<Id, ShareTargets>();
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const answer = await this.get<{ data: Record<Id, ShareTargets> }>(`${PACKAGE}/accounts/shares?ids=${chunk.map(enc).join(',')}`);
      for (const [id, targets] of Object.entries(answer.data ?? {})) {
        found.set(id, { departmentIds: targets.departmentIds ?? [], roleIds: targets.roleIds ?? [], userIds: targets.userIds ?? [] });
      }
    }
    return found;
  }

  // Logs and change records: the operation log is the account's Notes written by the overlay

  async customerLogs(id: Id, q: LogQuery = {}): Promise<LogPage> {
    const limit = q.limit ?? 50;
    // The overlay's Notes from the package, to the second (V8 answers a note's time to the minute).
    const query = new URLSearchParams({ limit: String(limit + 1) });
    if (q.before !== undefined) query.set('before', new Date(q.before).toISOString());
    if (q.from) query.set('since', q.from);
    if (q.to) query.set('until', q.to);
    const [notes, audit] = await Promise.all([
      this.get<{ data?: LogNote[] }>(`${PACKAGE}/accounts/${enc(id)}/log?${query}`),
      this.get<{ data?: AuditRow[] }>(`${PACKAGE}/accounts/${enc(id)}/audit${q.from ? `?since=${enc(q.from)}` : ''}`),
    ]);
    const logged = (notes.data ?? []).map((note) => logEntryOf(id, note)).filter((e): e is LogEntry => e !== null);
    let items = [...logged, ...auditEntries(id, audit.data ?? [], logged)]
      .filter((e) => (q.before === undefined || e.seq < q.before) && (!q.to || e.at <= q.to) && (!q.from || e.at >= q.from))
      .sort((a, b) => b.seq - a.seq);
    if (q.types?.length) items = items.filter((e) => q.types!.includes(e.type));
    const more = items.length > limit;
    items = items.slice(0, limit);
    return { items, nextBefore: more ? items.at(-1)!.seq : null };
  }

  async logChanges(logId: Id) {
    if (logId.startsWith(AUDIT_ENTRY)) {
      const [, customerId] = logId.split(':');
      return (await this.customerLogs(customerId, { limit: 1000 })).items.find((e) => e.id === logId)?.changes ?? [];
    }
    const answer = await this.get<{ data: Resource }>(`/V8/module/Notes/${enc(logId)}?fields[Notes]=name,description,date_entered,assigned_user_id,parent_id`);
    const { attributes } = answer.data;
    return logEntryOf(String(attributes.parent_id ?? ''), {
      id: answer.data.id, at: String(attributes.date_entered ?? ''), user_id: typeof attributes.assigned_user_id === 'string' ? attributes.assigned_user_id : null,
      name: decodeEntities(String(attributes.name ?? '')), description: decodeEntities(String(attributes.description ?? '')),
    })?.changes ?? [];
  }

  // Follows: SuiteCRM's favourites (the star in its own screens)

  async follows(): Promise<Id[]> {
    const me = await this.myId();
    const ids: Id[] = [];
    for (let page = 1, more = true; more; page++) {
      const answer = await this.get<{ data?: Resource[] }>(`/V8/module/Favorites?filter[assigned_user_id][eq]=${enc(me)}&filter[parent_type][eq]=Accounts&fields[Favorites]=parent_id&sort=id&page[size]=200&page[number]=${page}`);
      const rows = answer.data ?? [];
      ids.push(...rows.map((r) => String(r.attributes.parent_id)));
      more = rows.length === 200;
    }
    return [...new Set(ids)];
  }

  private async favouritesOf(id: Id): Promise<Id[]> {
    const me = await this.myId();
    const answer = await this.get<{ data?: Resource[] }>(`/V8/module/Favorites?filter[assigned_user_id][eq]=${enc(me)}&filter[parent_id][eq]=${enc(id)}&fields[Favorites]=parent_id&page[size]=20&page[number]=1`);
    return (answer.data ?? []).map((r) => r.id);
  }

  async follow(id: Id, o: MutationOptions = {}): Promise<void> {
    if ((await this.favouritesOf(id)).length > 0) return;
    const [me, customer] = await Promise.all([this.myId(), this.customer(id)]);
    const key = o.idempotencyKey ?? this.newKey();
    await this.create('Favorites', await uuidFrom(`${key}:favourite`), {
      name: customer.name, parent_id: id, parent_type: 'Accounts', assigned_user_id: me,
    }, o);
  }

  async unfollow(id: Id, o: MutationOptions = {}): Promise<void> {
    for (const favourite of await this.favouritesOf(id)) {
      await this.v8.call('DELETE', `/V8/module/Favorites/${enc(favourite)}`, undefined, o.attempts ?? 1).catch((error: unknown) => {
        if (!isCode(error, 'not_found')) throw error;
      });
    }
  }

  // One customer

  async editCustomer(id: Id, edit: CustomerEdit, _version: number, o: MutationOptions = {}): Promise<Customer> {
    const before = await this.customer(id);
    const changed = (Object.keys(edit) as (keyof CustomerEdit)[]).filter((f) => edit[f] !== undefined && (edit[f] ?? null) !== (before[f] ?? null));
    if (changed.length === 0) return before;
    const attributes = attributesOf(Object.fromEntries(changed.map((f) => [f, edit[f]])));
    await this.loggedWrite(id, 'Edit customer', '', changed.map((f) => ({ field: f, before: before[f], after: edit[f] ?? null })), o,
      () => this.v8.call('PATCH', '/V8/module', { data: { type: 'Accounts', id, attributes } }, o.attempts ?? 1));
    return this.customer(id);
  }

  deleteCustomer(id: Id, o: MutationOptions = {}): Promise<void> {
    return this.deleteOne(id, '', o);
  }

  /**
   * `details`: where the delete came from (a file's row and number), as the log says it. `row`: that row; the
   * package then deletes only while the account has the number and, unless chosen, is the only one with it.
   */
  private async deleteOne(id: Id, details: string, o: MutationOptions, row?: PhoneOpRow): Promise<void> {
    if (!(await customerOrNull(this, id))) {
      if (row) throw new CrmError({ code: 'not_found', message: `This customer no longer has the number ${row.phone}` });
      return;
    }
    const body = row ? { phone: row.phone, chosen: row.chosen === true } : undefined;
    await this.v8.call('DELETE', `${PACKAGE}/accounts/${enc(id)}`, body, o.attempts ?? 1);
    // Logged after: a Note made before would go with the account (SuiteCRM deletes the notes pointing at it).
    await this.log(id, 'Delete customer', details, [{ field: 'deletedAt', before: null, after: new Date().toISOString() }], o);
  }

  /**
   * A live account is refused as the rules refuse it ('not-deleted'), before anything is written: the package's
   * route would answer it restored:false, and the Note written before the route would log a restore that never was.
   */
  async restoreCustomer(id: Id, o: MutationOptions = {}): Promise<Customer> {
    if (await customerOrNull(this, id)) {
      throw new CrmError({ code: 'forbidden', rule: 'not-deleted', message: 'This customer is not deleted, so there is nothing to restore' });
    }
    await this.loggedWrite(id, 'Restore customer', '', [], o,
      () => this.v8.call('POST', `${PACKAGE}/accounts/${enc(id)}/restore`, {}, o.attempts ?? 1));
    return this.customer(id);
  }

  async returnToPool(id: Id, reason: string, o: MutationOptions = {}): Promise<Customer> {
    const before = await this.customer(id);
    await this.loggedWrite(id, 'Back customer', reason, [{ field: 'aeId', before: before.aeId, after: null }], o,
      () => this.v8.call('POST', `${PACKAGE}/accounts/${enc(id)}/return-to-pool`, { reason }, o.attempts ?? 1));
    return this.customer(id);
  }

  async pickUp(id: Id, o: MutationOptions = {}): Promise<Customer> {
    await this.loggedWrite(id, 'Pick up customer', '', [{ field: 'aeId', before: null, after: await this.myId() }], o,
      () => this.v8.call('POST', `${PACKAGE}/accounts/${enc(id)}/pick-up`, {}, o.attempts ?? 1));
    return this.customer(id);
  }

  async share(id: Id, targets: ShareTargets, o: MutationOptions = {}): Promise<Customer> {
    await this.shareOne(id, targets, 'Share customer', o);
    return this.customer(id);
  }

  /**
   * One request: the package links the groups and writes the log entry (with the id made from the
   * operation's key) in the same request, so a batch costs one request per customer.
   */
  private async shareOne(id: Id, targets: ShareTargets, type: LogType, o: MutationOptions): Promise<void> {
    const log = { id: await this.logIdOf(o), type };
    await this.v8.call('POST', `${PACKAGE}/accounts/${enc(id)}/shares`, { ...targets, log }, o.attempts ?? 1);
  }

  private async cancelShareOne(id: Id, all: boolean, targets: ShareTargets | undefined, o: MutationOptions): Promise<void> {
    const log = { id: await this.logIdOf(o), type: 'Batch Cancel Share customer' };
    const body = all ? { all: true, log } : { all: false, ...(targets ?? NO_SHARES), log };
    await this.v8.call('DELETE', `${PACKAGE}/accounts/${enc(id)}/shares`, body, o.attempts ?? 1);
  }

  private async labelOne(id: Id, mode: 'set' | 'add', tags: string[], o: MutationOptions): Promise<void> {
    const before = await this.customer(id);
    const next = mode === 'set' ? [...new Set(tags)] : [...new Set([...before.tags, ...tags])];
    await this.loggedWrite(id, mode === 'set' ? 'Batch Set Labels customer' : 'Batch Add Labels customer', tags.join(', '),
      [{ field: 'tags', before: before.tags, after: next }], o,
      () => this.v8.call('PATCH', '/V8/module', { data: { type: 'Accounts', id, attributes: labelsAttribute(next) } }, o.attempts ?? 1));
  }

  // Many customers: one request (or a few) per customer, a few at once, answered per customer

  private async each(ids: Id[], o: MutationOptions, fn: (id: Id, o: MutationOptions) => Promise<void>): Promise<BatchResults> {
    const key = o.idempotencyKey ?? this.newKey();
    let stop: unknown = null;
    const settled = await Promise.all(ids.map(async (id) => {
      try {
        await this.lanes(() => fn(id, { ...o, idempotencyKey: `${key}:${id}` }));
        return { id, ok: true as const };
      } catch (error) {
        if (error instanceof CrmError && (error.unreachable || (error.status ?? 0) >= 500 || error.code === 'unauthorized')) {
          stop ??= error;
          return null;
        }
        const e = error instanceof CrmError ? error : new CrmError({ code: 'fault', message: String(error) });
        return {
          id, ok: false as const,
          error: { code: e.code, message: e.message, ...(e.rule ? { rule: e.rule } : {}), ...(e.ask ? { ask: e.ask } : {}), ...(e.matches ? { matches: e.matches } : {}) },
        };
      }
    }));
    // Thrown once every customer's requests have ended: the caller reads back before it sends again, and a
    // request of this call still on the wire then could apply a second time alongside the resend.
    if (stop !== null) throw stop;
    return { results: settled.filter((r) => r !== null) };
  }

  batchShare(ids: Id[], targets: ShareTargets, o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, (id, one) => this.shareOne(id, targets, 'Batch Share customer', one));
  }

  batchCancelShare(ids: Id[], all: boolean, targets?: ShareTargets, o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, (id, one) => this.cancelShareOne(id, all, targets, one));
  }

  batchLabels(ids: Id[], mode: 'set' | 'add', tags: string[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, (id, one) => this.labelOne(id, mode, tags, one));
  }

  batchFollow(ids: Id[], follow: boolean, o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, (id, one) => (follow ? this.follow(id, one) : this.unfollow(id, one)));
  }

  batchDelete(ids: Id[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, (id, one) => this.deleteOne(id, deleteOriginDetails({ from: 'batch' }), one));
  }

  batchRestore(ids: Id[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, async (id, one) => void (await this.restoreCustomer(id, one)));
  }

  /** The assigned user (the AE) or the CSR field: a plain update of the account, logged as an edit. */
  batchReassign(ids: Id[], change: Reassignment, o: MutationOptions = {}): Promise<BatchResults> {
    return this.each(ids, o, async (id, one) => {
      const before = await this.customer(id);
      if (change.from !== undefined && before[change.field] !== change.from) {
        throw new CrmError({ code: 'changed_since', message: `${change.field} changed since; left as it is` });
      }
      if (before[change.field] === change.to) return;
      await this.loggedWrite(id, 'Edit customer', change.field, [{ field: change.field, before: before[change.field], after: change.to }], one,
        () => this.v8.call('PATCH', '/V8/module', { data: { type: 'Accounts', id, attributes: attributesOf({ [change.field]: change.to }) } }, one.attempts ?? 1));
    });
  }

  async batchDeleteByPhone(rows: ({ id: Id } & PhoneOpRow)[], file?: string, o: MutationOptions = {}): Promise<BatchResults> {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const answer = await this.each(rows.map((r) => r.id), o, (id, one) => {
      const row = byId.get(id)!;
      return this.deleteOne(id, deleteOriginDetails({ from: 'file', file: file ?? '', row: row.row, phone: row.phone }), one, row);
    });
    return { results: answer.results.map((r) => ({ ...r, phone: byId.get(r.id)?.phone })) };
  }

  // The pool

  async pool(q: { page?: number; pageSize?: number; q?: string } = {}): Promise<PoolPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 25;
    const answer = await this.get<{
      data: { id: Id; name: string; code: string; phone: string; poolId: Id | null; poolName: string | null; returnedAt: string | null; returnReason: string | null }[];
      meta: { total: number; pools: { id: Id; name: string }[] };
    }>(`${PACKAGE}/pool?page=${page}&size=${pageSize}${q.q ? `&q=${enc(q.q)}` : ''}`);
    return {
      items: answer.data.map((c) => ({ ...c, name: decodeEntities(c.name), version: 0 })),
      total: answer.meta.total, page, pageSize, pools: answer.meta.pools,
    };
  }

  // Delta sync by cursor: SuiteCRM has none (capabilities.changeCursor is false; sync scans instead)

  syncCustomers(): Promise<SyncCustomersPage> {
    return Promise.reject(new CrmError({ code: 'unsupported', message: 'SuiteCRM keeps no change cursor' }));
  }

  syncLogs(): Promise<SyncLogsPage> {
    return Promise.reject(new CrmError({ code: 'unsupported', message: 'SuiteCRM keeps no change cursor' }));
  }

  // Plumbing

  /** SuiteCRM's V8 logout: the access token and its refresh token are revoked. Tried once. */
  async signOut(): Promise<void> {
    await this.v8.call('POST', '/V8/logout', undefined, 1);
  }

  private async get<T>(path: string): Promise<T> {
    return (await this.v8.call('GET', path)).json as T;
  }

  /** Creates a record with a chosen id: made again (a replay), it is there already, which is what was wanted. */
  private async create(type: string, id: string, attributes: Record<string, unknown>, o: MutationOptions): Promise<void> {
    await this.v8.call('POST', '/V8/module', { data: { type, id, attributes } }, o.attempts ?? 1).catch((error: unknown) => {
      if (!isCode(error, 'exists')) throw error;
    });
  }

  /** The id of the operation's log note: made from its key, so a replay writes the same note. */
  private logIdOf(o: MutationOptions): Promise<string> {
    return uuidFrom(`${o.idempotencyKey ?? this.newKey()}:log`);
  }

  /**
   * A write and its log Note, two requests: the Note first. A write whose answer was lost reads back as done
   * and is not sent again, so its Note must be there already; a write refused for good takes its Note back.
   * Sent again after a fault, the Note (its id made from the operation's key) is there and not made twice.
   */
  private async loggedWrite(id: Id, type: LogType, details: string, changes: LogEntry['changes'], o: MutationOptions, write: () => Promise<unknown>): Promise<void> {
    const noteId = await this.logIdOf(o);
    await this.log(id, type, details, changes, o, noteId);
    try {
      await write();
    } catch (error) {
      if (!isRetryable(error)) await this.v8.call('DELETE', `/V8/module/Notes/${enc(noteId)}`, undefined, 1).catch(() => undefined);
      throw error;
    }
  }

  /** The operation in the account's history, where SuiteCRM's users see it too. */
  private async log(id: Id, type: LogType, details: string, changes: LogEntry['changes'], o: MutationOptions, noteId?: string): Promise<void> {
    await this.create('Notes', noteId ?? await this.logIdOf(o), {
      name: `${LOG_PREFIX}${type}`,
      description: JSON.stringify({ details, changes }),
      parent_type: 'Accounts', parent_id: id, assigned_user_id: await this.myId(),
    }, o);
  }
}

/** A row of SuiteCRM's change log, as the package answers it. */
export interface AuditRow {
  id: string;
  at: string;
  user_id: string;
  field: string;
  before: unknown;
  after: unknown;
}

const AUDIT_ENTRY = 'audit:';
/**
 * The overlay writes its note first, then the change (sent again after a fault): a change-log save is the
 * overlay's when a note of the same user shortly before it (or just after, on another clock) holds the same changes.
 */
const NOTE_NEAR_MS = { before: 60_000, after: 120_000 };

const auditValue = (row: AuditRow, side: 'before' | 'after'): unknown =>
  row.field === 'crm_labels_c' ? labelsOf(row[side]) : row[side] ?? null;
/** One form for a value in a note and in the change log ('' and null alike: SuiteCRM stores no null). */
const sameValue = (a: unknown, b: unknown): boolean => {
  const form = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return form(a) === form(b);
};

function loggedByOverlay(save: AuditRow[], time: number, logged: LogEntry[]): boolean {
  const user = save[0].user_id;
  return logged.some((e) => e.actorId === user && time >= e.seq - NOTE_NEAR_MS.before && time < e.seq + NOTE_NEAR_MS.after
    && save.every((row) => (e.changes ?? []).some((c) => c.field === (FIELD_NAMED[row.field] ?? row.field) && sameValue(c.after, auditValue(row, 'after')))));
}

/**
 * Edits made in SuiteCRM's own screens, from its change log, as "Edit customer" entries: one per save
 * (rows of the same time and user). Changes the overlay made are in its notes already and left out.
 */
export function auditEntries(customerId: Id, rows: AuditRow[], logged: LogEntry[]): LogEntry[] {
  const saves = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const key = `${row.at}|${row.user_id}`;
    saves.set(key, [...(saves.get(key) ?? []), row]);
  }
  const entries: LogEntry[] = [];
  for (const group of saves.values()) {
    const at = isoOf(group[0].at);
    const time = Date.parse(at);
    if (loggedByOverlay(group, time, logged)) continue;
    entries.push({
      id: `${AUDIT_ENTRY}${customerId}:${group[0].id}`, seq: time, customerId, type: 'Edit customer', at,
      actorId: group[0].user_id || null, details: '',
      changes: group.map((row) => ({ field: FIELD_NAMED[row.field] ?? row.field, before: auditValue(row, 'before'), after: auditValue(row, 'after') })),
    });
  }
  return entries;
}

/** A Note the overlay wrote, as the package's /accounts/{id}/log answers it (its text decoded, its time to the second). */
export interface LogNote {
  id: string;
  at: string;
  user_id: string | null;
  name: string;
  description: string | null;
}

/** A Note the overlay wrote as a log entry of the customer, or null for any other note. */
export function logEntryOf(customerId: Id, note: LogNote): LogEntry | null {
  if (!note.name.startsWith(LOG_PREFIX)) return null;
  const type = note.name.slice(LOG_PREFIX.length) as LogType;
  if (!LOG_TYPES.includes(type)) return null;
  let body: { details?: unknown; changes?: unknown } = {};
  try {
    body = JSON.parse(note.description ?? '') as typeof body;
  } catch { /* a note edited by hand in SuiteCRM: its text is the details */ }
  const at = isoOf(note.at);
  const changes = Array.isArray(body.changes) ? body.changes as LogEntry['changes'] : [];
  return {
    id: note.id, seq: Date.parse(at), customerId, type, at, actorId: note.user_id || null,
    details: typeof body.details === 'string' ? body.details : '', changes: changes.map((c) => ({ ...c, field: FIELD_NAMED[c.field] ?? c.field })),
  };
}


// The CRM's one door to its data, for both engines (Kysely over better-sqlite3 or pg). Nothing outside db/
// speaks SQL (no-sql-outside.test.ts). No customer is kept in memory between calls: every process sees every
// other's writes at once. The org is cached, keyed by a version counter read on each use, which a reseed bumps.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { ChangeRecord, Customer, Id, LogEntry, Org, ShareTargets, User } from '../../lib/domain/types';
import type { LogType } from '../../lib/domain/log-types';
import { userContext, type UserContext } from '../../lib/rules';
import type { SeedFile, SeedLog } from '../seed/types';
import { customerDerived, SEARCH_SEPARATOR } from './derived';
import { listScope, pickScope } from './list-scope';
import type { Engine } from './open';
import type { Schema } from './schema';

export interface StoredCustomer {
  customer: Customer;
  changeSeq: number;
}

/** A log entry to append: the shape a seed's entries have. */
export type NewLog = SeedLog;

export const SORTS = ['name', '-name', 'code', 'updatedAt', '-updatedAt', 'id'] as const;
export type SortName = (typeof SORTS)[number];

export interface ListQuery {
  /** Matches name, code, email or phone (case-insensitive), or the phone's digits (3 or more). */
  q?: string;
  /** Only customers this user follows. */
  followedBy?: Id;
  tag?: string;
  updatedSince?: string;
  afterId?: string;
  sort: SortName;
}

export interface CustomerLogQuery {
  customerId: Id;
  types?: LogType[];
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

export interface IdempotencyRecord {
  bodyHash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface PoolEntry {
  customer: Customer;
  returnedAt: string | null;
  returnReason: string | null;
}

type LogRow = Selectable<Schema['logs']>;
type CustomerRow = Selectable<Schema['customers']>;

const SHARE_FIELDS = { department: 'departmentIds', role: 'roleIds', user: 'userIds' } as const;
/** Rows per multi-row insert when seeding: under SQLite's and PostgreSQL's limits on bound values. */
const SEED_CHUNK = 500;

interface OrgCache {
  version: number;
  org: Org;
  contexts: Map<Id, UserContext>;
}

/** What every repository of one database shares: the org cache. */
interface Shared {
  orgCache: OrgCache | null;
}

export class Repository {
  /** Inside a transaction: customers whose past state this transaction has already kept. */
  private kept: Set<Id> | null;

  private constructor(
    readonly engine: Engine,
    private readonly db: Kysely<Schema>,
    private readonly shared: Shared,
    private readonly inTransaction: boolean,
    private readonly root: Kysely<Schema>,
  ) {
    this.kept = inTransaction ? new Set() : null;
  }

  static open(engine: Engine, db: Kysely<Schema>): Repository {
    return new Repository(engine, db, { orgCache: null }, false, db);
  }

  async close(): Promise<void> {
    await this.root.destroy();
  }

  /**
   * Runs fn in one transaction on one connection; inside a transaction it just runs fn (the work joins it).
   * SQLite takes the write lock at once (BEGIN IMMEDIATE), so a read-then-write never meets another writer.
   * In PostgreSQL the counters row each write updates is locked until commit: writers commit in seq order.
   */
  async transaction<T>(fn: (tx: Repository) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.connection().execute(async (conn) => {
      await sql.raw(this.engine === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
      try {
        const result = await fn(new Repository(this.engine, conn, this.shared, true, this.root));
        await sql.raw('COMMIT').execute(conn);
        return result;
      } catch (err) {
        // Also after a failed COMMIT: the connection must not stay inside the transaction.
        await sql.raw('ROLLBACK').execute(conn).catch(() => {});
        throw err;
      }
    });
  }

  // ---------- the organisation, users and sessions ----------

  private async counter(name: string): Promise<number> {
    const row = await this.db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  /** Takes the next `count` values of a counter; returns the first. */
  private async take(name: string, count = 1): Promise<number> {
    const row = await this.db.updateTable('counters').set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', name).returning('value').executeTakeFirstOrThrow();
    return Number(row.value) - count + 1;
  }

  async org(): Promise<Org> {
    return (await this.orgState()).org;
  }

  private async orgState(): Promise<OrgCache> {
    const version = await this.counter('org_version');
    const cached = this.shared.orgCache;
    if (cached && cached.version === version) return cached;
    const fresh = { version, org: await this.loadOrg(), contexts: new Map<Id, UserContext>() };
    this.shared.orgCache = fresh;
    return fresh;
  }

  /** The rules' facts about the user (lib/rules userContext), from the current org. */
  async context(userId: Id): Promise<UserContext> {
    const state = await this.orgState();
    let ctx = state.contexts.get(userId);
    if (!ctx) state.contexts.set(userId, (ctx = userContext(state.org, userId)));
    return ctx;
  }

  private async loadOrg(): Promise<Org> {
    const db = this.db;
    const [users, departments, roles, groups, groupRoles, groupCustomers, pools, poolAdmins, poolDepartments] = await Promise.all([
      db.selectFrom('users').selectAll().orderBy('position').execute(),
      db.selectFrom('departments').selectAll().orderBy('position').execute(),
      db.selectFrom('roles').selectAll().orderBy('position').execute(),
      db.selectFrom('permission_groups').selectAll().orderBy('position').execute(),
      db.selectFrom('permission_group_roles').select(['group_id as k', 'role_id as v']).orderBy('position').execute(),
      db.selectFrom('permission_group_customers').select(['group_id as k', 'customer_id as v']).orderBy('position').execute(),
      db.selectFrom('pools').selectAll().orderBy('position').execute(),
      db.selectFrom('pool_admins').select(['pool_id as k', 'user_id as v']).orderBy('position').execute(),
      db.selectFrom('pool_departments').select(['pool_id as k', 'department_id as v']).orderBy('position').execute(),
    ]);
    const byGroup = grouped(groupRoles);
    const byGroupCustomers = grouped(groupCustomers);
    const admins = grouped(poolAdmins);
    const members = grouped(poolDepartments);
    return {
      users: users.map(toUser),
      departments: departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parent_id })),
      roles: roles.map((r) => ({ id: r.id, name: r.name, admin: Number(r.admin) === 1 })),
      permissionGroups: groups.map((g) => ({
        id: g.id, name: g.name, canEdit: Number(g.can_edit) === 1,
        roleIds: byGroup.get(g.id) ?? [], customerIds: byGroupCustomers.get(g.id) ?? [],
      })),
      pools: pools.map((p) => ({
        id: p.id, name: p.name, adminUserIds: admins.get(p.id) ?? [],
        ...(Number(p.members_listed) === 1 ? { memberDepartmentIds: members.get(p.id) ?? [] } : {}),
      })),
    };
  }

  async userIdForToken(token: string): Promise<Id | null> {
    const row = await this.db.selectFrom('users').select('id').where('token', '=', token).executeTakeFirst();
    return row?.id ?? null;
  }

  async userTokens(): Promise<{ user: User; token: string }[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('position').execute();
    return rows.map((row) => ({ user: toUser(row), token: row.token }));
  }

  /** Stores a new session for the user and returns its id (the cookie value). */
  async createSession(userId: Id, now: Date): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.db.insertInto('sessions').values({ id, user_id: userId, created_at: now.toISOString() }).execute();
    return id;
  }

  async sessionUserId(id: string): Promise<Id | null> {
    const row = await this.db.selectFrom('sessions').select('user_id').where('id', '=', id).executeTakeFirst();
    return row?.user_id ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  // ---------- customers ----------

  /** One customer (deleted ones too). `lock`: held until the transaction ends (PostgreSQL; SQLite's lock is whole). */
  async stored(id: Id, lock = false): Promise<StoredCustomer | null> {
    let query = this.db.selectFrom('customers').selectAll().where('id', '=', id);
    if (lock && this.inTransaction && this.engine === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return (await this.hydrate([row]))[0];
  }

  async customer(id: Id, lock = false): Promise<Customer | null> {
    return (await this.stored(id, lock))?.customer ?? null;
  }

  /** The customers with these ids that exist, by id. */
  async customers(ids: readonly Id[], lock = false): Promise<Map<Id, Customer>> {
    const found = new Map<Id, Customer>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += SEED_CHUNK) {
      let query = this.db.selectFrom('customers').selectAll().where('id', 'in', unique.slice(i, i + SEED_CHUNK)).orderBy('id');
      if (lock && this.inTransaction && this.engine === 'postgres') query = query.forUpdate();
      for (const s of await this.hydrate(await query.execute())) found.set(s.customer.id, s.customer);
    }
    return found;
  }

  /** Rows to customers, with their shares and tags, in the rows' order. */
  private async hydrate(rows: CustomerRow[]): Promise<StoredCustomer[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const shares = new Map<Id, ShareTargets>();
    const tags = new Map<Id, string[]>();
    for (let i = 0; i < ids.length; i += SEED_CHUNK) {
      const chunk = ids.slice(i, i + SEED_CHUNK);
      const [shareRows, tagRows] = await Promise.all([
        this.db.selectFrom('shares').select(['customer_id', 'kind', 'target_id']).where('customer_id', 'in', chunk)
          .orderBy('customer_id').orderBy('position').execute(),
        this.db.selectFrom('customer_tags').select(['customer_id', 'tag']).where('customer_id', 'in', chunk)
          .orderBy('customer_id').orderBy('position').execute(),
      ]);
      for (const s of shareRows) {
        let targets = shares.get(s.customer_id);
        if (!targets) shares.set(s.customer_id, (targets = emptyTargets()));
        targets[SHARE_FIELDS[s.kind]].push(s.target_id);
      }
      for (const t of tagRows) {
        const list = tags.get(t.customer_id);
        if (list) list.push(t.tag);
        else tags.set(t.customer_id, [t.tag]);
      }
    }
    return rows.map((row) => ({
      customer: toCustomer(row, shares.get(row.id) ?? emptyTargets(), tags.get(row.id) ?? []),
      changeSeq: Number(row.change_seq),
    }));
  }

  /**
   * Writes the customer (the caller has bumped version/updatedAt) under the next change seq, keeping the state it
   * replaces in customer_history for sync. Only inside a transaction: the seq and the row commit together.
   */
  async save(customer: Customer): Promise<Customer> {
    await this.saveMany([customer]);
    return customer;
  }

  /** save() for many customers (distinct ids) in a few statements, their change seqs in list order. */
  async saveMany(customers: readonly Customer[]): Promise<void> {
    if (!this.kept) throw new Error('Repository.save: only inside a transaction');
    if (customers.length === 0) return;
    const ids = customers.map((c) => c.id);
    // Only the committed state is worth keeping: a state inside this transaction was never seen.
    const unkept = ids.filter((id) => !this.kept!.has(id));
    for (const id of unkept) this.kept.add(id);
    for (let i = 0; i < unkept.length; i += SEED_CHUNK) {
      const rows = await this.db.selectFrom('customers').selectAll().where('id', 'in', unkept.slice(i, i + SEED_CHUNK)).execute();
      const pasts = await this.hydrate(rows);
      if (pasts.length) {
        await this.db.insertInto('customer_history')
          .values(pasts.map((past) => ({ customer_id: past.customer.id, change_seq: past.changeSeq, data: JSON.stringify(past.customer) })))
          .onConflict((oc) => oc.columns(['customer_id', 'change_seq']).doUpdateSet({ data: (eb) => eb.ref('excluded.data') }))
          .execute();
      }
    }
    const firstSeq = await this.take('change_seq', customers.length);
    for (let i = 0; i < customers.length; i += SEED_CHUNK) {
      const chunk = customers.slice(i, i + SEED_CHUNK);
      const chunkIds = chunk.map((c) => c.id);
      const rows = chunk.map((c, j) => customerRow(c, firstSeq + i + j));
      await this.db.insertInto('customers').values(rows).onConflict((oc) => oc.column('id').doUpdateSet((eb) => {
        const set: Record<string, unknown> = {};
        for (const column of Object.keys(rows[0]) as (keyof Schema['customers'])[]) {
          if (column !== 'id') set[column] = eb.ref(`excluded.${column}`);
        }
        return set as never;
      })).execute();
      await this.db.deleteFrom('shares').where('customer_id', 'in', chunkIds).execute();
      const shareRows = chunk.flatMap(shareRowsOf);
      for (let k = 0; k < shareRows.length; k += SEED_CHUNK) {
        await this.db.insertInto('shares').values(shareRows.slice(k, k + SEED_CHUNK)).onConflict((oc) => oc.doNothing()).execute();
      }
      await this.db.deleteFrom('customer_tags').where('customer_id', 'in', chunkIds).execute();
      const tagRows = chunk.flatMap((c) => c.tags.map((tag, position) => ({ customer_id: c.id, tag, position })));
      for (let k = 0; k < tagRows.length; k += SEED_CHUNK) {
        await this.db.insertInto('customer_tags').values(tagRows.slice(k, k + SEED_CHUNK)).onConflict((oc) => oc.doNothing()).execute();
      }
      const known = new Map<string, string>();
      for (const c of chunk) for (const tag of c.tags) if (!known.has(tag)) known.set(tag, c.updatedAt);
      if (known.size) {
        await this.db.insertInto('tags').values([...known].map(([name, created]) => ({ name, created_at: created })))
          .onConflict((oc) => oc.doNothing()).execute();
      }
    }
  }

  /** The customer as it stood at the change cursor `seq`, or null when it did not exist then (or its past was not kept). */
  async customerAt(current: StoredCustomer, seq: number): Promise<Customer | null> {
    if (current.changeSeq <= seq) return current.customer;
    const row = await this.db.selectFrom('customer_history').select('data')
      .where('customer_id', '=', current.customer.id).where('change_seq', '<=', seq)
      .orderBy('change_seq', 'desc').limit(1).executeTakeFirst();
    return row ? (JSON.parse(row.data) as Customer) : null;
  }

  /** Ids of the live customers with this phone key, by id. */
  async liveIdsWithPhoneKey(key: string): Promise<Id[]> {
    const rows = await this.db.selectFrom('customers').select('id').where('phone_key', '=', key).where('deleted_at', 'is', null)
      .orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  // ---------- the user's list, in the database ----------

  private listed(ctx: UserContext, query: ListQuery) {
    let select = this.db.selectFrom('customers').where((eb) => listScope(eb, ctx, this.engine));
    const q = (query.q ?? '').trim().toLowerCase();
    if (q) {
      const digits = q.replace(/\D/g, '').length >= 3 ? customerDerived({ name: '', code: '', email: '', phone: q }).phone_key : '';
      const text = q.includes(SEARCH_SEPARATOR) ? null : `%${escapeLike(q)}%`;
      select = select.where((eb) => eb.or([
        ...(text === null ? [] : [sql<boolean>`customers.search_text LIKE ${text} ESCAPE '\\'`]),
        ...(digits === '' ? [] : [sql<boolean>`customers.phone_key LIKE ${`%${escapeLike(digits)}%`} ESCAPE '\\'`]),
        sql<boolean>`1 = 0`,
      ]));
    }
    if (query.followedBy !== undefined) {
      const user = query.followedBy;
      select = select.where((eb) => eb.exists(eb.selectFrom('follows as f').select(sql`1`.as('one'))
        .whereRef('f.customer_id', '=', 'customers.id').where('f.user_id', '=', user)));
    }
    if (query.tag) {
      const tag = query.tag;
      select = select.where((eb) => eb.exists(eb.selectFrom('customer_tags as t').select(sql`1`.as('one'))
        .whereRef('t.customer_id', '=', 'customers.id').where('t.tag', '=', tag)));
    }
    if (query.updatedSince) select = select.where('customers.updated_at', '>=', query.updatedSince);
    if (query.afterId) select = select.where('customers.id', '>', query.afterId);
    return select;
  }

  /** A page of the user's list matching the query, sorted, and how many match in all. */
  async listPage(ctx: UserContext, query: ListQuery, offset: number, limit: number): Promise<{ items: Customer[]; total: number }> {
    const base = this.listed(ctx, query);
    // Ids only while sorting (narrow rows to sort), the records after; the count rides on the page (one pass over
    // the matches), and a page past the end asks for it alone.
    const page = await ordered(base.select(['customers.id', sql<number>`count(*) over ()`.as('total_count')]), query.sort)
      .limit(limit).offset(offset).execute();
    const total = page.length > 0 ? Number(page[0].total_count)
      : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const found = await this.customers(page.map((r) => r.id));
    return { items: page.map((r) => found.get(r.id)!), total };
  }

  /** Every id of the user's list matching the query, sorted ("select all N"). */
  async listIds(ctx: UserContext, query: ListQuery): Promise<Id[]> {
    const rows = await ordered(this.listed(ctx, query).select('customers.id'), query.sort).execute();
    return rows.map((r) => r.id);
  }

  /** The tags of the customers the user lists. */
  async listedTags(ctx: UserContext): Promise<string[]> {
    const rows = await this.db.selectFrom('customer_tags').select('tag').distinct()
      .where('customer_id', 'in', this.listed(ctx, { sort: 'id' }).select('customers.id'))
      .orderBy('tag').execute();
    return rows.map((r) => r.tag);
  }

  /** The customers the user follows and lists, oldest follow first. */
  async followedListed(ctx: UserContext): Promise<Id[]> {
    const rows = await this.db.selectFrom('follows').select('customer_id').where('user_id', '=', ctx.userId)
      .where('customer_id', 'in', this.listed(ctx, { sort: 'id' }).select('customers.id'))
      .orderBy('created_at').orderBy('customer_id').execute();
    return rows.map((r) => r.customer_id);
  }

  async isFollowing(userId: Id, customerId: Id): Promise<boolean> {
    const row = await this.db.selectFrom('follows').select('user_id').where('user_id', '=', userId)
      .where('customer_id', '=', customerId).executeTakeFirst();
    return row !== undefined;
  }

  /** Adds or removes a follow; true when that changed something. */
  async setFollow(userId: Id, customerId: Id, follow: boolean, now: Date): Promise<boolean> {
    const result = follow
      ? await this.db.insertInto('follows').values({ user_id: userId, customer_id: customerId, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst()
      : await this.db.deleteFrom('follows').where('user_id', '=', userId).where('customer_id', '=', customerId).executeTakeFirst();
    const changed = 'numInsertedOrUpdatedRows' in result ? result.numInsertedOrUpdatedRows : result.numDeletedRows;
    return Number(changed ?? 0) > 0;
  }

  /**
   * A page of the pool as the user sees it: the free customers they may pick up matching q (name or code, or the
   * phone's digits), the latest returned first, never returned ones last, then by name; and how many in all.
   */
  async poolPage(ctx: UserContext, q: string, offset: number, limit: number): Promise<{ items: PoolEntry[]; total: number }> {
    let select = this.db.selectFrom('customers')
      .leftJoin(
        (eb) => eb.selectFrom('logs').select(['customer_id', (e) => e.fn.max('seq').as('seq')]).where('type', '=', 'Back customer')
          .groupBy('customer_id').as('latest'),
        (join) => join.onRef('latest.customer_id', '=', 'customers.id'),
      )
      .leftJoin('logs as r', 'r.seq', 'latest.seq')
      .where((eb) => pickScope(eb, ctx));
    const text = q.trim().toLowerCase();
    if (text) {
      const digits = text.replace(/\D/g, '').length >= 3 ? customerDerived({ name: '', code: '', email: '', phone: text }).phone_key : '';
      // search_text is name, code, email, phone: q followed by two separators lies in the name or the code.
      const inNameOrCode = text.includes(SEARCH_SEPARATOR) ? null : `%${escapeLike(text)}%${SEARCH_SEPARATOR}%${SEARCH_SEPARATOR}%`;
      select = select.where((eb) => eb.or([
        ...(inNameOrCode === null ? [] : [sql<boolean>`customers.search_text LIKE ${inNameOrCode} ESCAPE '\\'`]),
        ...(digits === '' ? [] : [sql<boolean>`customers.phone_key LIKE ${`%${escapeLike(digits)}%`} ESCAPE '\\'`]),
        sql<boolean>`1 = 0`,
      ]));
    }
    const page = await select
      .select(['customers.id', 'r.at as returned_at', 'r.details as return_reason', sql<number>`count(*) over ()`.as('total_count')])
      .orderBy(sql`COALESCE(r.at, '')`, 'desc').orderBy('customers.name_key').orderBy('customers.id')
      .limit(limit).offset(offset).execute();
    const total = page.length > 0 ? Number(page[0].total_count)
      : Number((await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const found = await this.customers(page.map((r) => r.id));
    return {
      items: page.map((r) => ({ customer: found.get(r.id)!, returnedAt: r.returned_at ?? null, returnReason: r.return_reason ?? null })),
      total,
    };
  }

  // ---------- logs ----------

  /** Appends a log entry under the next log seq (taken in the transaction: seqs commit in order). */
  async log(entry: NewLog): Promise<number> {
    return this.logMany([entry]);
  }

  /** log() for many entries, their seqs in list order; returns the first. */
  async logMany(entries: readonly NewLog[]): Promise<number> {
    if (entries.length === 0) return 0;
    const first = await this.take('log_seq', entries.length);
    for (let i = 0; i < entries.length; i += SEED_CHUNK) {
      await this.db.insertInto('logs').values(entries.slice(i, i + SEED_CHUNK).map((entry, j) => ({
        seq: first + i + j, customer_id: entry.customerId, type: entry.type, at: entry.at, actor_id: entry.actorId,
        details: entry.details, changes: JSON.stringify(entry.changes ?? []),
      }))).execute();
    }
    return first;
  }

  /**
   * A view of this transaction whose save() and log() are kept until flush() writes them all at once (a batch of
   * a thousand customers in a few statements rather than thousands). Everything else goes to the transaction.
   */
  buffered(): { tx: Repository; flush(): Promise<void> } {
    if (!this.inTransaction) throw new Error('Repository.buffered: only inside a transaction');
    const saves: Customer[] = [];
    const logs: NewLog[] = [];
    const tx = Object.create(this) as Repository;
    tx.save = async (customer) => {
      saves.push(customer);
      return customer;
    };
    tx.log = async (entry) => {
      logs.push(entry);
      return 0;
    };
    return {
      tx,
      flush: async () => {
        await this.saveMany(saves.splice(0));
        await this.logMany(logs.splice(0));
      },
    };
  }

  async logBySeq(seq: number): Promise<LogEntry | null> {
    const row = await this.db.selectFrom('logs').selectAll().where('seq', '=', seq).executeTakeFirst();
    return row ? toLogEntry(row) : null;
  }

  /** A customer's entries, newest first; fetches one more than asked to tell whether more exist. */
  async customerLogs(q: CustomerLogQuery): Promise<{ items: LogEntry[]; nextBefore: number | null }> {
    let select = this.db.selectFrom('logs').selectAll().where('customer_id', '=', q.customerId);
    if (q.types?.length) select = select.where('type', 'in', q.types);
    if (q.from) select = select.where('at', '>=', q.from);
    if (q.to) select = select.where('at', '<=', q.to);
    if (q.before !== undefined) select = select.where('seq', '<', q.before);
    const rows = await select.orderBy('seq', 'desc').limit(q.limit + 1).execute();
    const items = rows.slice(0, q.limit).map(toLogEntry);
    return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].seq : null };
  }

  async auditLogs(q: { type?: LogType; customerId?: Id; limit: number }): Promise<LogEntry[]> {
    let select = this.db.selectFrom('logs').selectAll();
    if (q.type) select = select.where('type', '=', q.type);
    if (q.customerId) select = select.where('customer_id', '=', q.customerId);
    return (await select.orderBy('seq', 'desc').limit(q.limit).execute()).map(toLogEntry);
  }

  // ---------- sync ----------

  /** Customers changed after `since`, in change order, at most `limit` (and whether more follow). */
  async changesAfter(since: number, limit: number): Promise<{ page: StoredCustomer[]; hasMore: boolean }> {
    const rows = await this.db.selectFrom('customers').selectAll().where('change_seq', '>', since)
      .orderBy('change_seq').limit(limit + 1).execute();
    return { page: await this.hydrate(rows.slice(0, limit)), hasMore: rows.length > limit };
  }

  /** Entries after `since` of customers the user lists now, in seq order, at most `limit`. */
  async logsAfter(ctx: UserContext, since: number, limit: number): Promise<{ items: LogEntry[]; next: number; hasMore: boolean }> {
    const listed = this.listed(ctx, { sort: 'id' }).select('customers.id');
    const horizon = await this.counter('log_seq');
    const rows = await this.db.selectFrom('logs').selectAll().where('seq', '>', since).where('seq', '<=', horizon)
      .where('customer_id', 'in', listed).orderBy('seq').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toLogEntry);
    const hasMore = rows.length > limit;
    // Nothing listed lies between the last item and the horizon unless hasMore: the client may skip to it.
    const next = hasMore ? items[items.length - 1].seq : Math.max(since, horizon);
    return { items, next, hasMore };
  }

  // ---------- idempotency ----------

  /**
   * Claims the key for this request inside the current transaction (a pending row, status 0, inserted with
   * ON CONFLICT DO NOTHING). Returns null when claimed; else the answer stored by the request that claimed it
   * first — a concurrent one on any process is waited for by the database, and one that crashed left nothing.
   */
  async claimIdempotency(userId: Id, key: string, bodyHash: string, now: Date): Promise<IdempotencyRecord | null> {
    if (!this.inTransaction) throw new Error('Repository.claimIdempotency: only inside a transaction');
    const inserted = await this.db.insertInto('idempotency')
      .values({ user_id: userId, key, body_hash: bodyHash, status: 0, body: '', headers: '{}', created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return null;
    const row = await this.db.selectFrom('idempotency').selectAll().where('user_id', '=', userId).where('key', '=', key)
      .executeTakeFirstOrThrow();
    return { bodyHash: row.body_hash, status: row.status, body: row.body, headers: JSON.parse(row.headers) as Record<string, string> };
  }

  /** Stores the answer in the claimed row; it commits with the mutation. */
  async completeIdempotency(userId: Id, key: string, answer: { status: number; body: string; headers: Record<string, string> }): Promise<void> {
    await this.db.updateTable('idempotency').set({ status: answer.status, body: answer.body, headers: JSON.stringify(answer.headers) })
      .where('user_id', '=', userId).where('key', '=', key).execute();
  }

  async pruneIdempotency(before: Date): Promise<void> {
    await this.db.deleteFrom('idempotency').where('created_at', '<', before.toISOString()).execute();
  }

  // ---------- rate limits shared by every process (PostgreSQL) ----------

  /** One atomic refill-and-take of a token bucket (http/rate-limit.ts Buckets.take), in the database. */
  async takeBucket(key: string, capacity: number, perMs: number, nowMs: number, take: boolean): Promise<{ taken: boolean; tokens: number }> {
    if (this.engine !== 'postgres') throw new Error('Repository.takeBucket: the SQLite server keeps its buckets in memory');
    const cost = take ? 1 : 0;
    // Every SET expression sees the row as it was: refilled = what the bucket holds now, before this take.
    const { rows } = await sql<{ taken: boolean; tokens: number }>`
      INSERT INTO rate_buckets AS b (key, tokens, at, taken)
      VALUES (${key}, ${capacity}::float8 - ${cost}::float8, ${nowMs}::float8, ${take}::boolean)
      ON CONFLICT (key) DO UPDATE SET
        tokens = LEAST(${capacity}::float8, b.tokens + GREATEST(0, ${nowMs}::float8 - b.at) * ${perMs}::float8)
          - CASE WHEN ${cost}::int = 1 AND LEAST(${capacity}::float8, b.tokens + GREATEST(0, ${nowMs}::float8 - b.at) * ${perMs}::float8) >= 1
            THEN 1 ELSE 0 END,
        taken = ${cost}::int = 1 AND LEAST(${capacity}::float8, b.tokens + GREATEST(0, ${nowMs}::float8 - b.at) * ${perMs}::float8) >= 1,
        at = GREATEST(b.at, ${nowMs}::float8)
      RETURNING taken, tokens`.execute(this.db);
    return { taken: rows[0].taken, tokens: Number(rows[0].tokens) };
  }

  async resetBuckets(prefix: string): Promise<void> {
    if (this.engine !== 'postgres') return;
    await this.db.deleteFrom('rate_buckets').where('key', 'like', `${escapeLike(prefix)}%`).execute();
  }

  // ---------- seeding and maintenance ----------

  async isEmpty(): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined;
  }

  /** Removes every row of the CRM's own tables (for --reset); the schema stays, the org's version moves on. */
  async clear(): Promise<void> {
    await this.transaction(async (tx) => {
      const tables = ['departments', 'roles', 'users', 'permission_groups', 'permission_group_roles', 'permission_group_customers',
        'pools', 'pool_admins', 'pool_departments', 'customers', 'shares', 'tags', 'customer_tags', 'follows', 'logs',
        'idempotency', 'sessions', 'customer_history'] as const;
      for (const table of tables) await tx.db.deleteFrom(table).execute();
      await tx.db.updateTable('counters').set({ value: 0 }).where('name', 'in', ['change_seq', 'log_seq']).execute();
      await tx.take('org_version');
    });
  }

  /** Writes a validated seed into an empty database, in one transaction. */
  async insertSeed(seed: SeedFile, now: Date): Promise<void> {
    const at = now.toISOString();
    const iso = (time: string) => new Date(time).toISOString();
    await this.transaction(async (tx) => {
      const db = tx.db;
      const insert = async <T extends keyof Schema>(table: T, rows: Schema[T][]) => {
        for (let i = 0; i < rows.length; i += SEED_CHUNK) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          await db.insertInto(table).values(rows.slice(i, i + SEED_CHUNK) as any).onConflict((oc) => oc.doNothing()).execute();
        }
      };
      await insert('departments', seed.departments.map((d, i) => ({ id: d.id, name: d.name, parent_id: d.parentId, position: i })));
      await insert('roles', seed.roles.map((r, i) => ({ id: r.id, name: r.name, admin: r.admin ? 1 : 0, position: i })));
      await insert('users', seed.users.map((u, i) => ({
        id: u.id, name: u.name, email: u.email, department_id: u.departmentId, role_id: u.roleId, manager_id: u.managerId,
        token: u.token, position: i,
      })));
      await insert('permission_groups', seed.permissionGroups.map((g, i) => ({ id: g.id, name: g.name, can_edit: g.canEdit ? 1 : 0, position: i })));
      await insert('permission_group_roles', seed.permissionGroups.flatMap((g) => g.roleIds.map((r, i) => ({ group_id: g.id, role_id: r, position: i }))));
      await insert('permission_group_customers',
        seed.permissionGroups.flatMap((g) => g.customerIds.map((c, i) => ({ group_id: g.id, customer_id: c, position: i }))));
      await insert('pools', seed.pools.map((p, i) => ({ id: p.id, name: p.name, position: i, members_listed: p.memberDepartmentIds === undefined ? 0 : 1 })));
      await insert('pool_departments', seed.pools.flatMap((p) => (p.memberDepartmentIds ?? []).map((d, i) => ({ pool_id: p.id, department_id: d, position: i }))));
      await insert('pool_admins', seed.pools.flatMap((p) => p.adminUserIds.map((u, i) => ({ pool_id: p.id, user_id: u, position: i }))));

      const customers: Customer[] = seed.customers.map((c) => {
        const createdAt = c.createdAt ? iso(c.createdAt) : at;
        return { ...c, version: c.version ?? 1, createdAt, updatedAt: c.updatedAt ? iso(c.updatedAt) : createdAt, deletedAt: c.deletedAt ? iso(c.deletedAt) : null };
      });
      const firstSeq = customers.length ? await tx.take('change_seq', customers.length) : 0;
      await insert('customers', customers.map((c, i) => customerRow(c, firstSeq + i)));
      await insert('shares', customers.flatMap(shareRowsOf));
      await insert('customer_tags', customers.flatMap((c) => c.tags.map((tag, i) => ({ customer_id: c.id, tag, position: i }))));
      const tagNames = new Map<string, string>();
      for (const c of customers) for (const tag of c.tags) if (!tagNames.has(tag)) tagNames.set(tag, c.updatedAt);
      await insert('tags', [...tagNames].map(([name, created]) => ({ name, created_at: created })));
      await insert('follows', (seed.follows ?? []).map((f) => ({ user_id: f.userId, customer_id: f.customerId, created_at: at })));
      const logs = seed.logs ?? [];
      const firstLog = logs.length ? await tx.take('log_seq', logs.length) : 0;
      await insert('logs', logs.map((l, i) => ({
        seq: firstLog + i, customer_id: l.customerId, type: l.type, at: iso(l.at), actor_id: l.actorId, details: l.details,
        changes: JSON.stringify(l.changes ?? []),
      })));
      await tx.take('org_version');
    });
  }

  /** Row counts and counters, for tests that check nothing happened. */
  async stats(): Promise<{ changeSeq: number; logs: number; follows: number; tags: number; sessions: number }> {
    const count = async (table: 'logs' | 'follows' | 'tags' | 'sessions') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      changeSeq: await this.counter('change_seq'), logs: await count('logs'), follows: await count('follows'),
      tags: await count('tags'), sessions: await count('sessions'),
    };
  }
}

/** The list's order: the sort asked for, then the id (a total order, so pages never overlap). */
const ORDER: Record<SortName, [string, 'asc' | 'desc'][]> = {
  name: [['customers.name_key', 'asc'], ['customers.id', 'asc']],
  '-name': [['customers.name_key', 'desc'], ['customers.id', 'asc']],
  code: [['customers.code_key', 'asc'], ['customers.id', 'asc']],
  updatedAt: [['customers.updated_at', 'asc'], ['customers.id', 'asc']],
  '-updatedAt': [['customers.updated_at', 'desc'], ['customers.id', 'asc']],
  id: [['customers.id', 'asc']],
};

function ordered<Q extends { orderBy(ref: RawBuilder<unknown>, direction: 'asc' | 'desc'): Q }>(query: Q, sort: SortName): Q {
  let result = query;
  for (const [column, direction] of ORDER[sort]) result = result.orderBy(sql.ref(column), direction);
  return result;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function grouped(rows: { k: string; v: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { k, v } of rows) {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}

export function emptyTargets(): ShareTargets {
  return { departmentIds: [], roleIds: [], userIds: [] };
}

function toUser(row: Selectable<Schema['users']>): User {
  return {
    id: row.id, name: row.name, email: row.email, departmentId: row.department_id, roleId: row.role_id, managerId: row.manager_id,
  };
}

function customerRow(c: Customer, changeSeq: number): Schema['customers'] {
  return {
    id: c.id, code: c.code, name: c.name, email: c.email, phone: c.phone, source: c.source, business_field: c.businessField,
    ae_id: c.aeId, csr_id: c.csrId, pool_id: c.poolId, version: c.version, created_at: c.createdAt, updated_at: c.updatedAt,
    deleted_at: c.deletedAt, change_seq: changeSeq, ...customerDerived(c),
  };
}

function shareRowsOf(c: Customer): Schema['shares'][] {
  return (Object.keys(SHARE_FIELDS) as (keyof typeof SHARE_FIELDS)[]).flatMap((kind) =>
    c.shares[SHARE_FIELDS[kind]].map((target, i) => ({ customer_id: c.id, kind, target_id: target, position: i })));
}

function toCustomer(row: CustomerRow, shares: ShareTargets, tags: string[]): Customer {
  return {
    id: row.id, code: row.code, name: row.name, email: row.email, phone: row.phone, source: row.source,
    businessField: row.business_field, aeId: row.ae_id, csrId: row.csr_id, poolId: row.pool_id, shares, tags,
    version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at,
  };
}

function toLogEntry(row: LogRow): LogEntry {
  const seq = Number(row.seq);
  return {
    id: String(seq), seq, customerId: row.customer_id, type: row.type as LogType, at: row.at,
    actorId: row.actor_id, details: row.details, changes: JSON.parse(row.changes) as ChangeRecord[],
  };
}

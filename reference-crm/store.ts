// The CRM's state over SQLite: org and customers cached in memory (this process is the only writer),
// refreshed after each committed transaction, so listing runs the rules over memory, not SQL.
import type { Customer, Id, Org } from '../lib/domain/types';
import { listedIds, userContext, type UserContext } from '../lib/rules';
import { customerAt, loadAllCustomers, loadCustomer, recordPastState, writeCustomer, type StoredCustomer } from './db/customers';
import { appendLog, type NewLog } from './db/logs';
import type { Db } from './db/open';
import { loadOrg } from './db/org';

export interface Tx {
  /** Writes the customer (the caller has bumped version/updatedAt) and returns it. */
  save(customer: Customer): Customer;
  log(entry: NewLog): number;
  db: Db;
}

export class CrmStore {
  private orgCache: Org | null = null;
  private contexts = new Map<Id, UserContext>();
  private customers: Map<Id, StoredCustomer> | null = null;
  /** Bumped after every commit that touched customers; keys the per-user list cache. */
  private generation = 0;
  private listed = new Map<Id, { generation: number; ids: Id[] }>();

  constructor(readonly db: Db, readonly now: () => Date = () => new Date()) {}

  org(): Org {
    return (this.orgCache ??= loadOrg(this.db));
  }

  /** Call after changing org tables (seed load, reset). */
  invalidate(): void {
    this.orgCache = null;
    this.contexts.clear();
    this.customers = null;
    this.listed.clear();
    this.generation++;
  }

  context(userId: Id): UserContext {
    let ctx = this.contexts.get(userId);
    if (!ctx) this.contexts.set(userId, (ctx = userContext(this.org(), userId)));
    return ctx;
  }

  private all(): Map<Id, StoredCustomer> {
    if (!this.customers) {
      this.customers = new Map(loadAllCustomers(this.db).map((s) => [s.customer.id, s]));
    }
    return this.customers;
  }

  /** Loads the org and every customer now, so the first request does not pay for it. */
  warm(): void {
    this.org();
    this.all();
  }

  customer(id: Id): Customer | undefined {
    return this.all().get(id)?.customer;
  }

  changeSeq(id: Id): number | undefined {
    return this.all().get(id)?.changeSeq;
  }

  /** The customer as it stood at the change cursor `seq` (null: it did not exist then). */
  customerAt(id: Id, seq: number): Customer | null {
    const current = this.all().get(id);
    return current ? customerAt(this.db, id, seq, current) : null;
  }

  /** The customers listed for the user, in no particular order. */
  listedFor(userId: Id): Customer[] {
    const cached = this.listed.get(userId);
    let ids = cached?.generation === this.generation ? cached.ids : null;
    if (!ids) {
      ids = listedIds(this.context(userId), this.customersIterable());
      this.listed.set(userId, { generation: this.generation, ids });
    }
    const all = this.all();
    return ids.map((id) => all.get(id)!.customer);
  }

  listedSet(userId: Id): Set<Id> {
    return new Set(this.listedFor(userId).map((c) => c.id));
  }

  private *customersIterable(): Iterable<Customer> {
    for (const s of this.all().values()) yield s.customer;
  }

  /** Runs fn in one SQLite transaction; the cache sees its customers only once it has committed. */
  transact<T>(fn: (tx: Tx) => T): T {
    const pending = new Map<Id, Customer>();
    const tx: Tx = {
      db: this.db,
      save: (customer) => {
        // Only the committed state is worth keeping: a state inside this transaction was never seen.
        const past = pending.has(customer.id) ? undefined : this.all().get(customer.id);
        if (past) recordPastState(this.db, past);
        writeCustomer(this.db, customer);
        pending.set(customer.id, customer);
        return customer;
      },
      log: (entry) => appendLog(this.db, entry),
    };
    const result = this.db.transaction(() => fn(tx))();
    if (pending.size > 0 && this.customers) {
      for (const id of pending.keys()) {
        const stored = loadCustomer(this.db, id);
        if (stored) this.customers.set(id, stored);
      }
      this.generation++;
    }
    return result;
  }
}

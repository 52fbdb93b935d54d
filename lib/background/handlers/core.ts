// What the background answers to each request of the protocol. The router (./router.ts) has already
// checked the sender and the payload's shape when these run.
import type { Customer, Id } from '../../domain/types';
import type { CrmConnector } from '../../crm-client/connector';
import { signIn } from '../../crm-client/suitecrm/oauth';
import { CrmError } from '../../crm-client/errors';
import { decideAll } from '../../rules/index';
import { listRule } from '../../rules/scope';
import { normalizeCrmUrl } from '../../settings';
import { followedAmong, replaceFollows, setFollowed } from '../store/session';
import type { Acting } from '../connection';
import type { CoreProtocol, RowState, RowValues, SessionView } from '../../protocol/messages';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';
import { decisionsView, detailsView, orgNames, type OrgNames } from '../views';

function rowValues(c: Customer, names: OrgNames): RowValues {
  return {
    name: c.name, code: c.code, phone: c.phone, email: c.email, aeId: c.aeId, aeName: names.user(c.aeId),
    csrId: c.csrId, csrName: names.user(c.csrId), tags: c.tags, updatedAt: c.updatedAt,
  };
}

export type CoreHandlerServices = Pick<BackgroundServices, 'db' | 'now' | 'push' | 'connection' | 'cache' | 'outbox' | 'events'>;

export function createHandlers(services: CoreHandlerServices): Pick<Handlers, keyof CoreProtocol> {
  const { db, now, push, connection, cache, outbox, events } = services;
  const customers = cache.customers;
  const ensureFollows = cache.ensureFollows;
  async function test(origin: string, crm: CrmConnector): Promise<SessionView> {
    const { me, offline } = await connection.me(crm);
    if (!offline) {
      await connection.org(crm, true);
      await replaceFollows(db, await crm.follows(), now());
    }
    return { crmOrigin: origin, me, offline };
  }

  function rowState(acting: Acting, customer: Customer, followed: boolean): RowState {
    const names = orgNames(acting.org);
    return { id: customer.id, followed, decisions: decisionsView(decideAll(acting.ctx, customer, now()), names) };
  }

  return {
    async getSession() {
      const current = await connection.configured();
      if (!current) return null;
      const { origin, crm } = current;
      const { me, offline } = await connection.me(crm);
      return { crmOrigin: origin, me, offline };
    },

    async connect(request) {
      let origin: string;
      try {
        origin = normalizeCrmUrl(request.url);
      } catch (error) {
        throw new CrmError({ code: 'invalid', message: (error as Error).message });
      }
      // SuiteCRM: the password goes to SuiteCRM once, here; only the tokens it issues are kept.
      const token = 'crm' in request
        ? JSON.stringify(await signIn(origin, { username: request.username.trim(), password: request.password, clientId: request.clientId.trim(), clientSecret: request.clientSecret.trim() }))
        : request.token.trim();
      const { crm } = await connection.configure(origin, token);
      const session = await test(origin, crm);
      push({ kind: 'session' });
      if (!session.offline) events.connected.emit();
      return session;
    },

    async testConnection() {
      const { origin, crm } = await connection.current();
      return test(origin, crm);
    },

    async getCustomer(id) {
      const { crm } = await connection.current();
      const acting = await connection.acting(crm);
      let customer: Customer;
      let fromCache = false;
      try {
        customer = await crm.customer(id);
        await db.customers.put(customer);
      } catch (error) {
        if (error instanceof CrmError && error.code === 'not_found') await db.customers.delete(id);
        const cached = error instanceof CrmError && error.unreachable ? await db.customers.get(id) : undefined;
        if (!cached) throw error;
        customer = cached;
        fromCache = true;
      }
      await ensureFollows(crm);
      const followed = (await followedAmong(db, [id])).has(id);
      const names = orgNames(acting.org);
      // Told before a return to the pool: a rep who returns it loses it, an administrator keeps seeing it.
      const listedAfterReturn = listRule(acting.ctx, { ...customer, aeId: null }) !== null;
      return detailsView(customer, names, rowState(acting, customer, followed).decisions, followed, fromCache, listedAfterReturn);
    },

    async getDecisions({ ids, fresh = false, values = false }) {
      const { crm } = await connection.current();
      const acting = await connection.acting(crm);
      const found = await customers(crm, [...new Set(ids)], fresh);
      await ensureFollows(crm);
      const followed = await followedAmong(db, [...found.keys()]);
      const names = values ? orgNames(acting.org) : null;
      const result: Record<Id, RowState | null> = {};
      for (const [id, customer] of found) {
        result[id] = customer ? rowState(acting, customer, followed.has(id)) : null;
        if (customer && names) result[id]!.values = rowValues(customer, names);
      }
      return result;
    },

    async toggleFollow(id) {
      const { crm } = await connection.current();
      await ensureFollows(crm);
      const followed = (await followedAmong(db, [id])).has(id);
      // Through the outbox: checked by the rules, applied once, and waiting there while offline.
      const outcome = await outbox.run({ op: followed ? 'unfollow' : 'follow', customerId: id });
      if (outcome.outcome === 'queued') {
        await setFollowed(db, id, !followed); // optimistic: the star shows at once, the outbox shows it pending
        push({ kind: 'follows', ids: [id] });
      }
      return { followed: !followed };
    },
  };
}

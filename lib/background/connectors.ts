// Which connector speaks to the configured CRM: SuiteCRM's for a SuiteCRM session, the reference CRM's
// for an API token. Built once per worker by the background's wiring, so every SuiteCRM connector of the
// worker shares one token source (its refresh tokens work once: two refreshing at once would lose one).
import { CrmClient } from '../crm-client/client';
import type { CrmConnector } from '../crm-client/connector';
import { SuiteCrmConnector } from '../crm-client/suitecrm/connector';
import { sessionTokens, suiteSessionOf } from '../crm-client/suitecrm/oauth';
import type { CrmxDb } from './store/db';
import { readToken, writeToken } from './store/session';

export interface ConnectorMaker {
  (baseUrl: string, token: string): CrmConnector;
  /** Sign-out: the SuiteCRM sessions this worker knows are dropped from memory. */
  forget(): void;
}

export function createConnectorMaker(db: CrmxDb, doFetch?: typeof fetch): ConnectorMaker {
  const sources = new Map<string, ReturnType<typeof sessionTokens>>();
  const make = (baseUrl: string, token: string): CrmConnector => {
    const session = suiteSessionOf(token);
    if (!session) return new CrmClient({ baseUrl, token, ...(doFetch ? { fetch: doFetch } : {}) });
    let tokens = sources.get(baseUrl);
    if (!tokens) {
      tokens = sessionTokens(baseUrl, {
        read: async () => suiteSessionOf((await readToken(db)) ?? ''),
        // A refresh answered after a sign-out must not sign the user in again.
        save: (session) => db.transaction('rw', db.meta, async () => {
          if (await readToken(db)) await writeToken(db, JSON.stringify(session));
        }),
      }, doFetch);
      sources.set(baseUrl, tokens);
    }
    tokens.use(session);
    return new SuiteCrmConnector({ baseUrl, tokens, ...(doFetch ? { fetch: doFetch } : {}) });
  };
  return Object.assign(make, { forget: () => sources.clear() });
}

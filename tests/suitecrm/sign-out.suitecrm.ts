// Sign-out on the real SuiteCRM (issue 20 point 3): the connector's signOut() is V8's logout, after which
// SuiteCRM refuses both the access token and the refresh token the extension kept.
import { describe, expect, it } from 'vitest';
import { SuiteCrmConnector } from '../../lib/crm-client/suitecrm/connector';
import { refreshed, sessionTokens, signIn, type SuiteCrmSession } from '../../lib/crm-client/suitecrm/oauth';
import { client, seed } from './helpers';

describe('signing out of SuiteCRM', () => {
  it('revokes the access token and its refresh token', async () => {
    const rep = seed.users.rep1;
    const first = await signIn(client.url, { username: rep.userName, password: rep.password, clientId: client.clientId, clientSecret: client.clientSecret });
    // A refresh works before the sign-out (so its refusal after says the sign-out revoked it).
    const session = await refreshed(client.url, first);
    let stored: SuiteCrmSession | null = session;
    const tokens = sessionTokens(client.url, { read: async () => stored, save: async (s) => void (stored = s) });
    const crm = new SuiteCrmConnector({ baseUrl: client.url, tokens });
    expect((await crm.me()).user.id).toBe(rep.id);

    await crm.signOut();

    const asked = await fetch(`${client.url}/Api/V8/current-user`, {
      headers: { Accept: 'application/vnd.api+json', Authorization: `Bearer ${session.accessToken}` },
    });
    expect(asked.status).toBe(401);
    await expect(refreshed(client.url, session)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

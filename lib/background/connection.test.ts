import { afterEach, describe, expect, it } from 'vitest';
import type { CrmConnector } from '../crm-client/connector';
import { CrmError } from '../crm-client/errors';
import { createConnection } from './connection';
import { CrmxDb } from './store/db';
import { writeToken } from './store/session';

let db: CrmxDb;
afterEach(() => db.delete());

describe('the connection', () => {
  it('says the CRM answers when a call first gets an answer and again after it could not be reached, not on every answer', async () => {
    db = new CrmxDb(`connection-${Math.random()}`);
    await writeToken(db, 'tok');
    let reachable = true;
    const fake = {
      tags: async () => {
        if (!reachable) throw new CrmError({ code: 'network', message: 'offline' });
        return [];
      },
    } as unknown as CrmConnector;
    let told = 0;
    const connection = createConnection({
      db, getCrmOrigin: async () => 'http://crm', setCrmOrigin: async () => undefined,
      makeConnector: () => fake, onAnswered: () => void told++,
    });
    const { crm } = await connection.current();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await crm.tags();
    await crm.tags();
    await crm.tags();
    await settle();
    expect(told).toBe(1);
    reachable = false;
    await crm.tags().catch(() => undefined);
    reachable = true;
    await crm.tags();
    await settle();
    expect(told).toBe(2);
  });
});

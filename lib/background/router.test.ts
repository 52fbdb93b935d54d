import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import type { CoreProtocol } from '../protocol/messages';
import { CrmError } from '../crm-client/errors';
import { sampleMe } from '../crm-client/test-data';

const self = { id: 'ext-id', pageBase: 'chrome-extension://ext-id/' };
const CRM = 'http://127.0.0.1:5555';
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const crmTab = { id: 'ext-id', url: `${CRM}/customers`, frameId: 0, tab: { id: 1, url: `${CRM}/customers` } };

function setup() {
  const session = { crmOrigin: CRM, me: sampleMe(), offline: false };
  const handlers = {
    getSession: vi.fn(async () => session),
    connect: vi.fn(async () => session),
    testConnection: vi.fn(async () => session),
    getCustomer: vi.fn(async () => {
      throw new CrmError({ code: 'not_found', message: 'No such customer', status: 404 });
    }),
    getDecisions: vi.fn(async () => ({})),
    toggleFollow: vi.fn(async () => {
      throw new CrmError({ code: 'forbidden', message: 'no', rule: 'not-listed', ask: [{ kind: 'manager', userIds: ['u-mgr'] }] });
    }),
  } satisfies Pick<Handlers, keyof CoreProtocol>;
  const route = createRouter({ handlers: handlers as unknown as Handlers, crmOrigin: async () => CRM, self });
  return { route, handlers };
}

describe('router', () => {
  it('runs the handler with the validated payload', async () => {
    const { route, handlers } = setup();
    const reply = await route('connect', { url: CRM, token: 't' }, page);
    expect(reply.ok).toBe(true);
    expect(handlers.connect).toHaveBeenCalledWith({ url: CRM, token: 't' }, page);
  });

  it('refuses a settings command from the CRM page and changes nothing', async () => {
    const { route, handlers } = setup();
    const reply = await route('connect', { url: 'https://evil.test', token: 't' }, crmTab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    expect(handlers.connect).not.toHaveBeenCalled();
  });

  it.each([
    ['getDecisions', { ids: ['c-1', ''] }, 'ids.1'],
    ['getDecisions', { ids: 'c-1' }, 'ids'],
    ['getCustomer', 42, 'getCustomer'],
    ['connect', { url: CRM }, 'token'],
    ['getSession', { sneaky: true }, 'getSession'],
  ] as const)('refuses a malformed %s payload, naming %s', async (type, data, named) => {
    const { route, handlers } = setup();
    const reply = await route(type, data, page);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_message');
      expect(reply.error.message).toContain(named);
    }
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it('answers a CRM error as a typed error with its rule and whom to ask', async () => {
    const { route } = setup();
    const reply = await route('toggleFollow', 'c-1', crmTab);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'no', rule: 'not-listed', ask: [{ kind: 'manager', userIds: ['u-mgr'], names: [] }] },
    });
  });

  it('refuses an unknown message type', async () => {
    const { route } = setup();
    const reply = await route('dropTables' as never, undefined, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });
});

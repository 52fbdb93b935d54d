// Test helpers for the UI model: a scripted background and the events a real user makes.
import { vi } from 'vitest';
import type { ContentApi } from './api';
import type { Decisions, RowState } from '../protocol/messages';
import { ACTIONS } from '../rules/types';
import { sampleCustomer } from '../crm-client/test-data';

export function allowAll(id: string, followed = false): RowState {
  const decisions = Object.fromEntries(ACTIONS.map((a) => [a, { allowed: true, rule: 'account-executive', reason: '', ask: [] }])) as unknown as Decisions;
  return { id, followed, decisions };
}

export function fakeApi(): ContentApi & { [K in keyof ContentApi]: ReturnType<typeof vi.fn> } {
  return {
    getSession: vi.fn(async () => null),
    getCustomer: vi.fn(async (id: string) => ({
      customer: sampleCustomer({ id }), aeName: 'Anh AE', csrName: null, poolName: 'North pool',
      shares: { departments: ['Sales'], roles: [], users: [] }, followed: false, decisions: allowAll(id).decisions, fromCache: false,
    })),
    getDecisions: vi.fn(async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, allowAll(id)]))),
    toggleFollow: vi.fn(async () => ({ followed: true })),
    request: vi.fn(async (type: string) => {
      if (type === 'getTimeline') return { items: [], next: null, fromCache: false };
      throw new Error(`${type}: not scripted in this test`);
    }),
  } as never;
}

/** An event as the browser makes it from a real user's input (our roots drop any other, trusted-events.ts). */
export function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A real user's click on `el`. */
export function userClick(el: Element, init: MouseEventInit = {}): void {
  el.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init })));
}

// Background handlers for the sync area of the protocol (./protocol-sync.ts).
import type { HandlerDeps } from './handlers';
import { SYNC_SENDER_KINDS, type SyncProtocol } from './protocol-sync';
import type { Handlers } from './router';

export function createSyncHandlers(_deps: HandlerDeps): Pick<Handlers, keyof SyncProtocol> {
  const notYet = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not built yet`);
  };
  return Object.fromEntries(Object.keys(SYNC_SENDER_KINDS).map((k) => [k, notYet(k)])) as unknown as Pick<Handlers, keyof SyncProtocol>;
}

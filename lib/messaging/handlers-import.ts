// Background handlers for the import area of the protocol (./protocol-import.ts).
import type { HandlerDeps } from './handlers';
import { IMPORT_SENDER_KINDS, type ImportProtocol } from './protocol-import';
import type { Handlers } from './router';

export function createImportHandlers(_deps: HandlerDeps): Pick<Handlers, keyof ImportProtocol> {
  const notYet = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not built yet`);
  };
  return Object.fromEntries(Object.keys(IMPORT_SENDER_KINDS).map((k) => [k, notYet(k)])) as unknown as Pick<Handlers, keyof ImportProtocol>;
}

// Background handlers for the mutations area of the protocol (./protocol-mutations.ts).
import type { HandlerDeps } from './handlers';
import { MUTATION_SENDER_KINDS, type MutationProtocol } from './protocol-mutations';
import type { Handlers } from './router';

export function createMutationHandlers(_deps: HandlerDeps): Pick<Handlers, keyof MutationProtocol> {
  const notYet = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not built yet`);
  };
  return Object.fromEntries(Object.keys(MUTATION_SENDER_KINDS).map((k) => [k, notYet(k)])) as unknown as Pick<Handlers, keyof MutationProtocol>;
}

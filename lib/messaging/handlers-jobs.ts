// Background handlers for the jobs area of the protocol (./protocol-jobs.ts).
import type { HandlerDeps } from './handlers';
import { JOBS_SENDER_KINDS, type JobsProtocol } from './protocol-jobs';
import type { Handlers } from './router';

export function createJobsHandlers(_deps: HandlerDeps): Pick<Handlers, keyof JobsProtocol> {
  const notYet = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not built yet`);
  };
  return Object.fromEntries(Object.keys(JOBS_SENDER_KINDS).map((k) => [k, notYet(k)])) as unknown as Pick<Handlers, keyof JobsProtocol>;
}

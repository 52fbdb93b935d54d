// Background handlers for the jobs area of the protocol (./protocol-jobs.ts): persisted, resumable
// batch jobs (lib/jobs).
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { CrmClient } from '../crm-client/client';
import { CrmError } from '../crm-client/errors';
import { jobsService } from '../jobs/service';
import { jobView, type JobRecord } from '../jobs/plan';
import { createConnection } from './connection';
import type { HandlerDeps } from './handlers';
import type { JobsProtocol } from './protocol-jobs';
import type { Handlers } from './router';

const IdsAnswer = v.object({ ids: v.array(v.string()), total: v.number() });
type IdsQuery = { q?: string; followed?: boolean; tag?: string };

/** GET /customers/ids: the client's own call when it has one, else through its request helper. */
function matchingIds(client: CrmClient, filter: IdsQuery): Promise<{ ids: Id[]; total: number }> {
  const typed = client as unknown as {
    customerIds?: (q: IdsQuery) => Promise<{ ids: Id[]; total: number }>;
    request(method: 'GET', path: string, schema: typeof IdsAnswer): Promise<{ ids: Id[]; total: number }>;
  };
  if (typeof typed.customerIds === 'function') return typed.customerIds(filter);
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.followed) params.set('followed', '1');
  if (filter.tag) params.set('tag', filter.tag);
  return typed.request('GET', `/customers/ids${params.size > 0 ? `?${params}` : ''}`, IdsAnswer);
}

export function createJobsHandlers(deps: HandlerDeps): Pick<Handlers, keyof JobsProtocol> {
  const jobs = () => jobsService(deps);
  const connection = createConnection(deps);

  return {
    precheckBatch: (request) => jobs().precheck(request),
    startBatch: (request) => jobs().start(request),
    getJobs: () => jobs().list(),
    async cancelJob(id) {
      const service = jobs();
      const job = (await service.runner.cancel(id)) ?? (await service.runner.read(id));
      if (!job) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
      return jobView(job as JobRecord);
    },
    undoJob: (id) => jobs().undo(id),

    async resolveMatching(filter) {
      const { client } = await connection.current();
      return matchingIds(client, filter);
    },
  };
}

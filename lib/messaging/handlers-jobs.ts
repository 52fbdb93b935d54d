// Background handlers for the jobs area of the protocol (./protocol-jobs.ts): persisted, resumable
// batch jobs (lib/jobs).
import { CrmError } from '../crm-client/errors';
import { jobsService } from '../jobs/service';
import { jobView, type JobRecord } from '../jobs/plan';
import { createConnection } from './connection';
import type { HandlerDeps } from './handlers';
import type { JobsProtocol } from './protocol-jobs';
import type { Handlers } from './router';

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
      return client.customerIds(filter);
    },
  };
}

// Background handlers for the jobs area of the protocol (lib/protocol/jobs.ts): persisted, resumable
// batch jobs (lib/background/jobs).
import { CrmError } from '../../crm-client/errors';
import { jobView, type JobRecord } from '../jobs/plan';
import { timeline } from '../store/logs';
import type { LogType } from '../../domain/log-types';
import type { Id, LogEntry } from '../../domain/types';
import { listedIds } from '../../rules/index';
import type { JobsProtocol } from '../../protocol/jobs';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

export function createJobsHandlers({ db, connection, jobs }: Pick<BackgroundServices, 'db' | 'connection' | 'jobs'>): Pick<Handlers, keyof JobsProtocol> {

  return {
    precheckBatch: (request) => jobs.precheck(request),
    startBatch: (request) => jobs.start(request),
    getJobs: () => jobs.list(),
    async cancelJob(id) {
      const job = (await jobs.runner.cancel(id)) ?? (await jobs.runner.read(id));
      if (!job) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
      return jobView(job as JobRecord);
    },
    undoJob: (id) => jobs.undo(id),

    async getJobChanges({ id, offset, limit }) {
      const job = (await jobs.runner.read(id)) as JobRecord | undefined;
      if (!job) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
      const type = LOGGED_AS[job.kind];
      if (!type) return { total: 0, items: [] };
      const failed = new Set(job.state.errors.map((e) => e.item));
      const asked = job.state.input ?? job.state.ops.flatMap((op) => op.ids);
      const changed = [...new Set(asked)].filter((customerId) => !failed.has(customerId)).slice(0, job.state.succeeded);
      const page = changed.slice(offset, offset + limit);
      const crm = await connection.current().then((c) => c.crm, () => null);
      const items = await Promise.all(page.map(async (customerId) => {
        // This job's entry: the customer's first entry of its type since the job started (a later job's comes after it).
        const query = { customerId, types: [type], from: job.createdAt, limit: 20 };
        let entries: LogEntry[] | null = null;
        if (crm) {
          entries = await crm.customerLogs(customerId, query).then((answer) => answer.items, () => null);
          if (entries) await db.logs.bulkPut(entries);
        }
        // Offline (or refused): what the cache holds.
        entries ??= (await timeline(db, query)).items;
        const cached = await db.customers.get(customerId);
        return { customerId, name: cached?.name ?? null, entry: entries.at(-1) ?? null };
      }));
      return { total: changed.length, items };
    },

    async resolveMatching(filter) {
      const { crm } = await connection.current();
      if (crm.capabilities.serverRules || filter.followed) return crm.customerIds(filter);
      // The CRM lists all its own access allows; the user's list is what the seed's rules leave of it, as the sync keeps.
      const { ctx } = await connection.acting(crm);
      const ids: Id[] = [];
      for (let page = 1; ; page++) {
        const answer = await crm.customers({ ...filter, sort: 'id', page, pageSize: MATCHING_PAGE });
        ids.push(...listedIds(ctx, answer.items));
        if (answer.items.length < MATCHING_PAGE) return { ids, total: ids.length };
      }
    },
  };
}

const MATCHING_PAGE = 200;

/** The log type each change-making kind records, one entry per customer. */
const LOGGED_AS: Partial<Record<JobRecord['kind'], LogType>> = {
  share: 'Batch Share customer', cancelShare: 'Batch Cancel Share customer',
  setLabels: 'Batch Set Labels customer', addLabels: 'Batch Add Labels customer',
};

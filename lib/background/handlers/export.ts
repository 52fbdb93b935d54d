// Background handlers for the export area of the protocol (lib/protocol/export.ts): the file is written
// here, from the cache and the job store, so the page that asked gets a finished file and never the rows
// behind it; it only saves it.
import type { Customer, Id } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import { toBase64 } from '../../import/base64';
import { inLanguage } from '../../export/language';
import { customersTable, fileErrorsTable, jobResultsTable, type ExportTable, type JobOutcome, type PeopleNames } from '../../export/tables';
import { MIME, writeTable } from '../../export/write';
import { customerLabelOf, type CustomerLabel } from '../../protocol/jobs';
import type { ExportProtocol, ExportRequest } from '../../protocol/export';
import { chunkAt, type JobRecord } from '../jobs/plan';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

/** The customers a job has got to: every customer of the chunks it has recorded. */
export function reachedIds(state: JobRecord['state']): Set<Id> {
  if (state.input) return new Set(state.input.slice(0, state.nextChunk * state.chunkSize));
  const reached = new Set<Id>();
  for (let k = 0; k < state.nextChunk; k++) for (const id of chunkAt(state, k)?.ids ?? []) reached.add(id);
  return reached;
}

/** The customers a job was asked to act on, in order. */
export function askedIds(state: JobRecord['state']): Id[] {
  return [...new Set(state.input ?? state.ops.flatMap((op) => op.ids))];
}

export function createExportHandlers(
  { db, now, connection, cache, jobs }: Pick<BackgroundServices, 'db' | 'now' | 'connection' | 'cache' | 'jobs'>,
): Pick<Handlers, keyof ExportProtocol> {
  /** The customers by id from the cache, filled from the CRM where it answers; offline, what the cache has. */
  async function customersOf(ids: Id[]): Promise<Map<Id, Customer>> {
    const { crm } = await connection.current();
    const found = await cache.customersOrCached(crm, ids);
    return new Map([...found].flatMap(([id, c]) => (c ? [[id, c] as const] : [])));
  }

  async function people(): Promise<PeopleNames> {
    const { crm } = await connection.current();
    const org = await connection.org(crm).then((answer) => answer.org, () => null);
    const users = new Map(org?.users.map((u) => [u.id, u.name]));
    // Someone the org no longer has is left blank: never their id.
    return { user: (id) => (id === null ? null : users.get(id) ?? null) };
  }

  async function job(id: string): Promise<JobRecord> {
    const found = (await jobs.runner.read(id)) as JobRecord | undefined;
    if (!found) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
    return found;
  }

  async function table(request: ExportRequest): Promise<ExportTable> {
    const at = now();
    switch (request.what) {
      case 'customers': {
        const ids = [...new Set(request.customerIds)];
        const [found, names] = await Promise.all([customersOf(ids), people()]);
        const listed = ids.flatMap((id) => found.get(id) ?? []);
        return inLanguage(request.language, () => customersTable(listed, names, at));
      }
      case 'jobResults': {
        const record = await job(request.jobId);
        const asked = askedIds(record.state);
        const known = new Map((await db.customers.bulkGet(asked)).flatMap((c) => (c ? [[c.id, customerLabelOf(c)] as const] : [])));
        const outcome: JobOutcome = { status: record.status, asked, reached: reachedIds(record.state), errors: record.state.errors };
        return inLanguage(request.language, () => jobResultsTable(outcome, (id): CustomerLabel | undefined => known.get(id), at));
      }
      case 'fileErrors': {
        const record = await job(request.jobId);
        return inLanguage(request.language, () => fileErrorsTable(record.state.errors, at));
      }
    }
  }

  return {
    async exportFile(request) {
      const written = await table(request);
      const bytes = await writeTable(written, request.format);
      return {
        fileName: `${written.name}.${request.format}`,
        mimeType: MIME[request.format],
        base64: await toBase64(bytes),
        rows: written.rows.length,
      };
    },
  };
}

// The jobs a page or the side panel shows: loaded with getJobs, kept current by the `job` pushes.
import { signal, type Signal } from '@preact/signals';
import type { ContentApi } from '../../lib/ui/api';
import type { JobView } from '../../lib/protocol/jobs';

export interface JobsStore {
  jobs: Signal<ReadonlyMap<string, JobView>>;
  /** The jobs started from this page/panel, newest last (the bar shows these). */
  mine: Signal<readonly string[]>;
  put(job: JobView): void;
  started(job: JobView): void;
  refresh(): Promise<void>;
}

export function createJobsStore(api: Pick<ContentApi, 'request'>): JobsStore {
  const jobs = signal<ReadonlyMap<string, JobView>>(new Map());
  const mine = signal<readonly string[]>([]);
  const put = (job: JobView) => {
    const current = jobs.value.get(job.id);
    // Pushes may arrive out of order: never go back to less progress.
    if (current && current.updatedAt > job.updatedAt) return;
    jobs.value = new Map(jobs.value).set(job.id, job);
  };
  return {
    jobs,
    mine,
    put,
    started(job) {
      put(job);
      mine.value = [...mine.value.filter((id) => id !== job.id), job.id];
    },
    async refresh() {
      const list = await api.request('getJobs', undefined);
      const next = new Map(jobs.value);
      for (const job of list) next.set(job.id, job);
      jobs.value = next;
    },
  };
}

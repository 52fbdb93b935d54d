// Where a job stands, from its view alone (pure: the page script and the dialogs' script each have a copy).
import type { JobView } from '../../lib/protocol/jobs';

export const isFinished = (job: JobView) => job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

export function percent(job: JobView): number {
  return job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100);
}

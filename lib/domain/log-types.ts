// The log type names are the seeds' own words; do not translate or rename them.
export const LOG_TYPES = [
  'Create customer',
  'Edit customer',
  'Delete customer',
  'Restore customer',
  'Back customer',
  'Pick up customer',
  'Share customer',
  'Batch Share customer',
  'Batch Cancel Share customer',
  'Batch Set Labels customer',
  'Batch Add Labels customer',
  // No longer written (deletes by selection or file log 'Delete customer'); kept so older entries still show and filter.
  'Batch Delete customer',
  'Follow customer',
  'Unfollow customer',
] as const;
export type LogType = (typeof LOG_TYPES)[number];

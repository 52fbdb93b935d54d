// Where a deleted customer's deletion came from, as the CRM writes it in the "Delete customer" log
// entry's details (in English, like every stored detail) and as the log reads it back to show it in
// the user's language. Pure; shared by the reference CRM and the extension.

export type DeleteOrigin = { from: 'batch' } | { from: 'file'; file: string; row: number; phone: string };

const BATCH = 'Batch delete';
const FILE = /^File "(.*)", row (\d+), phone (.*)$/s;

/** The stored details of a "Delete customer" entry for this origin. */
export function deleteOriginDetails(origin: DeleteOrigin): string {
  if (origin.from === 'batch') return BATCH;
  return `File "${origin.file}", row ${origin.row}, phone ${origin.phone}`;
}

/** The origin written in a "Delete customer" entry's details; null for details that say none (a single delete). */
export function parseDeleteOrigin(details: string): DeleteOrigin | null {
  if (details === BATCH) return { from: 'batch' };
  const file = FILE.exec(details);
  return file ? { from: 'file', file: file[1], row: Number(file[2]), phone: file[3] } : null;
}

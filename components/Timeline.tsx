// A customer's log as a timeline (seed 000: time on the left, type and details on the right): the log
// dialog's and the details panel's.
import type { LogEntry } from '../lib/domain/types';
import { EntryChanges, entryDetails, useDirectory, type DirectoryApi } from './change-text';
import { formatTime, logTypeLabel } from './format';

/** Entries newest first; with `api`, people and targets by name and each entry's change records. */
export function Timeline({ items, api }: { items: LogEntry[]; api?: DirectoryApi }) {
  const directory = useDirectory(api, items.length > 0);
  return (
    <ol class="crmx-timeline">
      {items.map((entry) => (
        <li key={entry.id} class="crmx-timeline-entry" data-crmx-log-type={entry.type}>
          <time class="crmx-timeline-time" dateTime={entry.at}>{formatTime(entry.at)}</time>
          <div class="crmx-timeline-body">
            <p class="crmx-timeline-type">{logTypeLabel(entry.type)}</p>
            {entryDetails(entry, directory) && <p class="crmx-timeline-details">{entryDetails(entry, directory)}</p>}
            {api && entry.changes?.length > 0 && <EntryChanges entry={entry} directory={directory} />}
          </div>
        </li>
      ))}
    </ol>
  );
}

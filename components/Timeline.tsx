// A customer's log as a timeline (seed 000: time on the left, type and details on the right): the log
// dialog's and the details panel's. Each entry says who did it and, for an edit, each field before → after.
import { t } from '../lib/i18n';
import { formatTime } from '../lib/i18n/dates';
import type { LogEntry } from '../lib/domain/types';
import type { OrgDirectory } from '../lib/protocol/sync';
import { actorText, EntryChanges, entryDetails, fieldText, useDirectory, valueText, type DirectoryApi } from './change-text';
import { logTypeLabel } from './format';

/** An edit's fields, each "Phone: 0901 234 567 → 0902 345 678" (the before struck through for screen readers too). */
function EditChanges({ entry, directory }: { entry: LogEntry; directory: OrgDirectory | null }) {
  return (
    <ul class="crmx-timeline-changes" data-crmx-timeline-changes>
      {entry.changes.map((c, i) => (
        <li key={i} data-crmx-change={c.field}>
          <span class="crmx-timeline-field">{fieldText(c.field)}</span>{': '}
          <del data-crmx-before>{valueText(c.field, c.before, directory)}</del>
          <span aria-hidden="true">{' → '}</span>
          <span class="crmx-visually-hidden">{` ${t('log.changedTo')} `}</span>
          <ins data-crmx-after>{valueText(c.field, c.after, directory)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** Entries newest first; with `api`, people and targets by name and each entry's change records. */
export function Timeline({ items, api }: { items: LogEntry[]; api?: DirectoryApi }) {
  const directory = useDirectory(api, items.length > 0);
  return (
    <ol class="crmx-timeline">
      {items.map((entry) => {
        const actor = actorText(entry, directory);
        const edit = entry.type === 'Edit customer' && entry.changes?.length > 0;
        const details = edit ? '' : entryDetails(entry, directory);
        return (
          <li key={entry.id} class="crmx-timeline-entry" data-crmx-log-type={entry.type}>
            <time class="crmx-timeline-time" dateTime={entry.at}>{formatTime(entry.at)}</time>
            <div class="crmx-timeline-body">
              <p class="crmx-timeline-type">{logTypeLabel(entry.type)}</p>
              {actor && <p class="crmx-timeline-actor" data-crmx-actor>{t('log.by', { actor })}</p>}
              {edit && <EditChanges entry={entry} directory={directory} />}
              {details && <p class="crmx-timeline-details">{details}</p>}
              {api && !edit && entry.changes?.length > 0 && <EntryChanges entry={entry} directory={directory} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

// Change records (field, before, after) as a person reads them: field names in the UI language, people,
// departments and roles by name, times in the UI language — never a field key or an id.
import { useEffect, useState } from 'preact/hooks';
import { hasMessage, t, type MessageKey } from '../lib/i18n';
import type { ChangeRecord, LogEntry, ShareTargets } from '../lib/domain/types';
import type { OrgDirectory } from '../lib/protocol/sync';
import type { ContentApi } from '../lib/ui/api';
import { formatTime } from '../lib/i18n/dates';
import { parseDeleteOrigin } from '../lib/import/delete-origin';

export type DirectoryApi = Pick<ContentApi, 'request'>;

/** The org directory for naming people; null until it loads (or when it cannot). */
export function useDirectory(api: DirectoryApi | undefined, wanted = true): OrgDirectory | null {
  const [directory, setDirectory] = useState<OrgDirectory | null>(null);
  useEffect(() => {
    if (!api || !wanted || directory) return;
    let current = true;
    api.request('getOrgDirectory', undefined).then((d) => current && setDirectory(d), () => undefined);
    return () => {
      current = false;
    };
  }, [api, wanted]);
  return directory;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  code: 'change.field.code', name: 'edit.field.name', email: 'edit.field.email', phone: 'edit.field.phone',
  source: 'edit.field.source', businessField: 'edit.field.businessField', aeId: 'edit.field.aeId', csrId: 'edit.field.csrId',
  shares: 'change.field.shares', tags: 'change.field.tags', deletedAt: 'change.field.deletedAt', poolId: 'change.field.poolId',
};

/** A changed field's name in the UI language (the same words as the edit form and the details). */
export function fieldText(field: string): string {
  const key = FIELD_KEYS[field];
  return key && hasMessage(key) ? t(key) : t('change.field.other');
}

const nameOf = (list: { id: string; name: string }[] | undefined, id: string) =>
  list?.find((x) => x.id === id)?.name ?? t('change.unknownName');

const isTargets = (value: unknown): value is ShareTargets =>
  typeof value === 'object' && value !== null && Array.isArray((value as ShareTargets).departmentIds);

/** Share targets by name: "Departments: Sales; People: Lan". */
export function targetsText(targets: ShareTargets, directory: OrgDirectory | null): string {
  const parts = [
    targets.departmentIds.length ? t('change.shares.departments', { names: targets.departmentIds.map((id) => nameOf(directory?.departments, id)).join(', ') }) : '',
    targets.roleIds.length ? t('change.shares.roles', { names: targets.roleIds.map((id) => nameOf(directory?.roles, id)).join(', ') }) : '',
    targets.userIds.length ? t('change.shares.users', { names: targets.userIds.map((id) => nameOf(directory?.users, id)).join(', ') }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : t('details.none');
}

/** One before or after value, readable. */
export function valueText(field: string, value: unknown, directory: OrgDirectory | null): string {
  if (value === null || value === undefined || value === '') return t('details.none');
  if ((field === 'aeId' || field === 'csrId') && typeof value === 'string') return nameOf(directory?.users, value);
  if (field === 'deletedAt' && typeof value === 'string') return formatTime(value);
  if (isTargets(value)) return targetsText(value, directory);
  if (Array.isArray(value)) return value.length === 0 ? t('details.none') : value.map(String).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return t('details.none');
}

/** Who made the entry, by name; null while the directory is still loading. */
export function actorText(entry: LogEntry, directory: OrgDirectory | null): string | null {
  if (entry.actorId === null) return t('change.system');
  if (!directory) return null;
  return directory.users.find((u) => u.id === entry.actorId)?.name ?? t('change.unknownActor');
}

/** "11/03/2024 09:00 · bởi Lan Tran". */
export function whoAndWhen(entry: LogEntry, directory: OrgDirectory | null): string {
  return t('change.when', { time: formatTime(entry.at), actor: actorText(entry, directory) ?? t('change.unknownActor') });
}

const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

/**
 * The entry's details in the UI language where its change records say more than the stored text (which
 * the CRM writes in English and, for an edit, as field keys): the fields an edit changed, the targets a
 * share added or a cancel removed. Otherwise the stored text (a reason, tags, a file row).
 */
export function entryDetails(entry: LogEntry, directory: OrgDirectory | null): string {
  const changes = entry.changes ?? [];
  if (entry.type === 'Edit customer' && changes.length > 0) return changes.map((c) => fieldText(c.field)).join(', ');
  // Without its change records an edit's stored details are the CRM's list of field keys ("phone, businessField").
  const keys = entry.details.split(',').map((k) => k.trim());
  if (entry.type === 'Edit customer' && keys.every((k) => k in FIELD_KEYS)) return keys.map(fieldText).join(', ');
  if (entry.type === 'Delete customer') {
    const origin = parseDeleteOrigin(entry.details);
    if (origin) return origin.from === 'batch' ? t('batch.origin.batch') : t('batch.origin.file', { file: origin.file, row: origin.row, phone: origin.phone });
  }
  const shares = changes.find((c) => c.field === 'shares');
  if (shares && isTargets(shares.before) && isTargets(shares.after)) {
    const [from, to] = entry.type === 'Batch Cancel Share customer' ? [shares.before, shares.after] : [shares.after, shares.before];
    const diff: ShareTargets = {
      departmentIds: minus(from.departmentIds, to.departmentIds), roleIds: minus(from.roleIds, to.roleIds), userIds: minus(from.userIds, to.userIds),
    };
    return targetsText(diff, directory);
  }
  return entry.details;
}

export function ChangeTable({ changes, directory }: { changes: ChangeRecord[]; directory: OrgDirectory | null }) {
  if (changes.length === 0) return <p class="crmx-help">{t('change.none')}</p>;
  return (
    <table class="crmx-table crmx-change-table">
      <thead><tr><th scope="col">{t('edit.changes.field')}</th><th scope="col">{t('edit.changes.before')}</th><th scope="col">{t('edit.changes.after')}</th></tr></thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i} data-crmx-change={c.field}>
            <th scope="row">{fieldText(c.field)}</th>
            <td data-crmx-before>{valueText(c.field, c.before, directory)}</td>
            <td data-crmx-after>{valueText(c.field, c.after, directory)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "View change records" under a log entry: who, when, and each field before and after. */
export function EntryChanges({ entry, directory }: { entry: LogEntry; directory: OrgDirectory | null }) {
  const [open, setOpen] = useState(false);
  const id = `crmx-entry-changes-${entry.id}`;
  return (
    <div class="crmx-entry-changes">
      <button type="button" class="crmx-link" aria-expanded={open} aria-controls={id} data-crmx-view-changes onClick={() => setOpen(!open)}>
        {t(open ? 'change.hide' : 'change.show')}
      </button>
      {open && (
        <div id={id} data-crmx-entry-changes={entry.id}>
          <p class="crmx-help" data-crmx-who-when>{whoAndWhen(entry, directory)}</p>
          <ChangeTable changes={entry.changes} directory={directory} />
        </div>
      )}
    </div>
  );
}

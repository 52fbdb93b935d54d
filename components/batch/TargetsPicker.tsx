// Departments, roles and users to share with (or to stop sharing with), with a search box.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import type { Id, ShareTargets } from '../../lib/domain/types';
import type { OrgDirectory } from '../../lib/protocol/sync';

type Group = keyof ShareTargets;
const GROUPS: Array<{ key: Group; label: MessageKey }> = [
  { key: 'departmentIds', label: 'batch.departments' },
  { key: 'roleIds', label: 'batch.roles' },
  { key: 'userIds', label: 'batch.users' },
];

export const NO_TARGETS: ShareTargets = { departmentIds: [], roleIds: [], userIds: [] };

export function countTargets(targets: ShareTargets): number {
  return targets.departmentIds.length + targets.roleIds.length + targets.userIds.length;
}

function options(directory: OrgDirectory, group: Group): Array<{ id: Id; name: string; hint: string }> {
  if (group === 'departmentIds') return directory.departments.map((d) => ({ id: d.id, name: d.name, hint: '' }));
  if (group === 'roleIds') return directory.roles.map((r) => ({ id: r.id, name: r.name, hint: '' }));
  return directory.users.map((u) => ({ id: u.id, name: u.name, hint: u.email }));
}

export function TargetsPicker({ directory, value, onChange }: { directory: OrgDirectory; value: ShareTargets; onChange(next: ShareTargets): void }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase();
  const toggle = (group: Group, id: Id) => {
    const list = value[group];
    onChange({ ...value, [group]: list.includes(id) ? list.filter((x) => x !== id) : [...list, id] });
  };
  return (
    <div class="crmx-picker">
      <label for="crmx-batch-target-search">{t('batch.searchTargets')}</label>
      <input id="crmx-batch-target-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <div class="crmx-picker-groups">
        {GROUPS.map(({ key, label }) => {
          const shown = options(directory, key).filter((o) => q === '' || o.name.toLocaleLowerCase().includes(q) || o.hint.toLocaleLowerCase().includes(q));
          return (
            <fieldset key={key} class="crmx-picker-group" data-crmx-group={key}>
              <legend>{t(label)}</legend>
              {shown.length === 0 && <p class="crmx-help">{t('batch.noMatch')}</p>}
              {shown.map((o) => {
                const inputId = `crmx-batch-${key}-${o.id}`;
                return (
                  <div class="crmx-check" key={o.id}>
                    <input id={inputId} type="checkbox" value={o.id} checked={value[key].includes(o.id)} onChange={() => toggle(key, o.id)} />
                    <label for={inputId}>{o.name}{o.hint && <span class="crmx-help"> {o.hint}</span>}</label>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}

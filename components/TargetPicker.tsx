// Whom to share with, or to stop sharing with: one picker for the single share, batch share and batch cancel
// sharing dialogs. A full-width search above one column of departments, roles and people (a person's
// e-mail and department on a second line); every line wraps, so nothing is clipped in a 360 px side panel.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';
import type { Id, ShareTargets } from '../lib/domain/types';
import type { OrgDirectory } from '../lib/protocol/sync';

type Group = keyof ShareTargets;
const GROUPS: Array<{ key: Group; label: MessageKey }> = [
  { key: 'departmentIds', label: 'share.departments' },
  { key: 'roleIds', label: 'share.roles' },
  { key: 'userIds', label: 'share.users' },
];

export const NO_TARGETS: ShareTargets = { departmentIds: [], roleIds: [], userIds: [] };

export function countTargets(targets: ShareTargets): number {
  return targets.departmentIds.length + targets.roleIds.length + targets.userIds.length;
}

interface Option { id: Id; name: string; detail: string }

function options(directory: OrgDirectory, group: Group): Option[] {
  if (group === 'departmentIds') return directory.departments.map((d) => ({ id: d.id, name: d.name, detail: '' }));
  if (group === 'roleIds') return directory.roles.map((r) => ({ id: r.id, name: r.name, detail: '' }));
  const departments = new Map(directory.departments.map((d) => [d.id, d.name]));
  return directory.users.map((u) => {
    const department = u.departmentId ? departments.get(u.departmentId) : undefined;
    return { id: u.id, name: u.name, detail: [u.email, department].filter(Boolean).join(' · ') };
  });
}

export interface TargetPickerProps {
  directory: OrgDirectory;
  value: ShareTargets;
  onChange(next: ShareTargets): void;
  /** Already shared (single share): shown ticked and fixed, since sharing only adds. */
  current?: ShareTargets;
  /** Prefix of the element ids, unique in the dialog. */
  idPrefix: string;
  autoFocus?: boolean;
}

export function TargetPicker({ directory, value, onChange, current = NO_TARGETS, idPrefix, autoFocus }: TargetPickerProps) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase();
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) searchRef.current?.focus();
  }, []);
  const toggle = (group: Group, id: Id) => {
    const list = value[group];
    onChange({ ...value, [group]: list.includes(id) ? list.filter((x) => x !== id) : [...list, id] });
  };
  const searchId = `${idPrefix}-search`;
  return (
    <div class="crmx-target-picker" data-crmx-target-picker>
      <label class="crmx-target-search-label" for={searchId}>{t('share.search')}</label>
      <input ref={searchRef} id={searchId} class="crmx-target-search" type="search" autoComplete="off" value={query}
        onInput={(e) => setQuery(e.currentTarget.value)} />
      <div class="crmx-target-groups">
        {GROUPS.map(({ key, label }) => {
          const shown = options(directory, key).filter((o) => q === '' || o.name.toLocaleLowerCase().includes(q) || o.detail.toLocaleLowerCase().includes(q));
          return (
            <fieldset key={key} class="crmx-target-group" data-crmx-group={key}>
              <legend>{t(label)}</legend>
              {shown.length === 0 && <p class="crmx-help">{t('share.noMatch')}</p>}
              {shown.map((o) => {
                const already = current[key].includes(o.id);
                const inputId = `${idPrefix}-${key}-${o.id}`;
                return (
                  <div class="crmx-target-option" key={o.id}>
                    <input id={inputId} type="checkbox" value={o.id} checked={already || value[key].includes(o.id)}
                      disabled={already} onChange={() => toggle(key, o.id)} />
                    <label for={inputId}>
                      <span class="crmx-target-name" data-crmx-target-name>{o.name}</span>
                      {o.detail && <span class="crmx-target-detail">{o.detail}</span>}
                    </label>
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

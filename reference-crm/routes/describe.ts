// Human-readable details for log entries.
import type { Org, ShareTargets } from '../../lib/domain/types';

export function describeTargets(org: Org, t: ShareTargets): string {
  const names = (ids: string[], list: { id: string; name: string }[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.name ?? id).join(', ');
  const parts = [
    t.departmentIds.length ? `Departments: ${names(t.departmentIds, org.departments)}` : '',
    t.roleIds.length ? `Roles: ${names(t.roleIds, org.roles)}` : '',
    t.userIds.length ? `Users: ${names(t.userIds, org.users)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'nobody';
}

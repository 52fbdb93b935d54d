// An edit conflict: the CRM's current values (theirs) beside mine for each field I changed, and the choice.
import { t } from '../lib/i18n';
import { fieldLabel } from '../lib/ui/edit-form';
import type { Customer, CustomerEdit, EditableField } from '../lib/domain/types';

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? t('details.none') : String(value);
}

/** The account executive and the CSR are people: shown by name. */
const PEOPLE = new Set<EditableField>(['aeId', 'csrId']);

export function ConflictView({ theirs, mine, error, onKeep, userName }: {
  theirs: Customer; mine: CustomerEdit; error: string | null; onKeep(keep: 'mine' | 'theirs'): void; userName(id: string): string;
}) {
  const fields = Object.keys(mine) as EditableField[];
  const value = (f: EditableField, v: unknown) => (PEOPLE.has(f) && typeof v === 'string' && v !== '' ? userName(v) : show(v));
  return (
    <div class="crmx-conflict">
      <p role="alert">{t('edit.conflict')}</p>
      <table class="crmx-table">
        <thead><tr><th scope="col">{t('edit.conflict.field')}</th><th scope="col">{t('edit.conflict.theirs')}</th><th scope="col">{t('edit.conflict.mine')}</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f} data-crmx-field={f}><th scope="row">{fieldLabel(f)}</th><td>{value(f, theirs[f])}</td><td>{value(f, mine[f])}</td></tr>
          ))}
        </tbody>
      </table>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <div class="crmx-dialog-actions">
        <button type="button" data-crmx-keep="theirs" onClick={() => onKeep('theirs')}>{t('edit.conflict.keepTheirs')}</button>
        <button type="button" class="crmx-primary" data-crmx-keep="mine" onClick={() => onKeep('mine')}>{t('edit.conflict.keepMine')}</button>
      </div>
    </div>
  );
}

// Edit a customer: the seed's fields, AE/CSR where the user may reassign them, validation before
// sending, the outcome (saved / pending / conflict with theirs and mine side by side) and the last
// edit's change records.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import {
  assignableFields, changesFrom, fieldLabel, initialValues, TEXT_FIELDS, validate, type FormValues,
} from '../lib/ui/edit-form';
import { failureText } from '../lib/ui/outcome';
import { showToast, type OpenDialog, type OverlayState } from '../lib/ui/state';
import type { Customer, CustomerEdit, EditableField } from '../lib/domain/types';
import type { CustomerDetails } from '../lib/protocol/messages';
import type { OrgDirectory } from '../lib/protocol/sync';
import { ChangeRecords } from './ChangeRecords';
import { ConflictView } from './EditConflict';
import { Dialog } from './Dialog';
import { useLoad } from './use-load';
import { customerText } from '../lib/ui/customer-label';
import { fieldsWrittenByPage } from '../lib/ui/trusted-events';

interface Props { state: OverlayState; api: ContentApi; open: OpenDialog; onClose(): void }

type Phase =
  | { step: 'form'; error: string | null }
  | { step: 'saving' }
  | { step: 'conflict'; conflictId: string; theirs: Customer; mine: CustomerEdit; error: string | null };

export function EditDialog({ state, api, open, onClose }: Props) {
  const details = useLoad(() => api.getCustomer(open.id), [open.id]);
  // Name and code: the page may list several customers of this name.
  const name = customerText(details.status === 'ok' ? details.data.customer : { name: open.name });
  return (
    <Dialog kind="edit" title={t('edit.title', { name })} onClose={onClose} returnFocus={open.returnFocus} wide>
      {details.status === 'loading' && <p role="status">{t('dialog.loading')}</p>}
      {details.status === 'error' && <p class="crmx-error" role="alert">{failureText(details.error)}</p>}
      {details.status === 'ok' && <EditForm state={state} api={api} details={details.data} onClose={onClose} />}
    </Dialog>
  );
}

function EditForm({ state, api, details, onClose }: { state: OverlayState; api: ContentApi; details: CustomerDetails; onClose(): void }) {
  const customer = details.customer;
  const assignable = assignableFields(details.decisions.edit);
  const editable: EditableField[] = [...TEXT_FIELDS, ...assignable];
  const [values, setValues] = useState<FormValues>(() => initialValues(customer));
  // The latest input, ahead of the next render: fields changed in quick succession (autofill, a fast
  // typist, a test) must not overwrite each other, and Save must see all of them.
  const latest = useRef(values);
  const update = (field: EditableField, value: string) => {
    latest.current = { ...latest.current, [field]: value };
    setValues(latest.current);
  };
  const [errors, setErrors] = useState<Partial<Record<EditableField, string>>>({});
  const [phase, setPhase] = useState<Phase>({ step: 'form', error: null });
  const [showChanges, setShowChanges] = useState(false);
  const [directory, setDirectory] = useState<OrgDirectory | null>(null);

  // The form arrives after the dialog opened (focused on its close button): move focus to its first field.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  useEffect(() => {
    if (assignable.length === 0) return;
    api.request('getOrgDirectory', undefined).then(setDirectory, () => setDirectory(null));
  }, []);

  const finish = (text: string) => {
    showToast(state, { text, tone: 'info' });
    onClose();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const values = latest.current;
    const written = formRef.current ? fieldsWrittenByPage(formRef.current, values) : [];
    if (written.length > 0) {
      // Draw the form again: the fields show the user's own values once more.
      setValues({ ...values });
      const fields = written.map((field) => fieldLabel(field as EditableField)).join(', ');
      return setPhase({ step: 'form', error: t('form.writtenByPage', { fields }) });
    }
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return setPhase({ step: 'form', error: t('edit.fixErrors') });
    const changes = changesFrom(customer, values, editable);
    if (Object.keys(changes).length === 0) return setPhase({ step: 'form', error: t('edit.noChanges') });
    setPhase({ step: 'saving' });
    try {
      const outcome = await api.request('editCustomer', { id: customer.id, version: customer.version, changes });
      if (outcome.outcome === 'conflict') {
        setPhase({ step: 'conflict', conflictId: outcome.conflictId, theirs: outcome.current, mine: changes, error: null });
      } else finish(outcome.outcome === 'queued' ? t('outcome.queued') : t('edit.saved', { name: changes.name ?? customer.name }));
    } catch (error) {
      setPhase({ step: 'form', error: failureText(error) });
    }
  };

  // People by name, never by id (the directory loads once; until then, nothing rather than an id).
  const userName = (id: string) => (directory ? directory.users.find((u) => u.id === id)?.name ?? t('change.unknownName') : '…');
  if (phase.step === 'conflict') {
    const resolve = async (keep: 'mine' | 'theirs') => {
      try {
        const outcome = await api.request('resolveConflict', { id: phase.conflictId, keep });
        if (outcome?.outcome === 'conflict') {
          setPhase({ ...phase, conflictId: outcome.conflictId, theirs: outcome.current, error: null });
        } else finish(outcome?.outcome === 'queued' ? t('outcome.queued') : t('edit.saved', { name: phase.theirs.name }));
      } catch (error) {
        setPhase({ ...phase, error: failureText(error) });
      }
    };
    return <ConflictView theirs={phase.theirs} mine={phase.mine} error={phase.error} onKeep={resolve} userName={userName} />;
  }

  return (
    <form ref={formRef} class="crmx-form" onSubmit={submit} noValidate>
      {TEXT_FIELDS.map((field) => (
        <div class="crmx-form-row" key={field}>
          <label for={`crmx-edit-${field}`}>{fieldLabel(field)}</label>
          <input
            id={`crmx-edit-${field}`}
            name={field}
            type="text"
            inputMode={field === 'email' ? 'email' : field === 'phone' ? 'tel' : undefined}
            value={values[field]}
            aria-invalid={errors[field] ? 'true' : undefined}
            aria-describedby={errors[field] ? `crmx-edit-${field}-error` : undefined}
            onInput={(e) => update(field, e.currentTarget.value)}
          />
          {errors[field] && <p id={`crmx-edit-${field}-error`} class="crmx-field-error">{errors[field]}</p>}
        </div>
      ))}
      {assignable.map((field) => (
        <div class="crmx-form-row" key={field}>
          <label for={`crmx-edit-${field}`}>{fieldLabel(field)}</label>
          <select id={`crmx-edit-${field}`} name={field} value={values[field]}
            onChange={(e) => update(field, e.currentTarget.value)}>
            {/* Emptying the AE is a return to the pool (a reason, its own log entry), never an edit. */}
            {field === 'csrId' && <option value="">{t('edit.nobody')}</option>}
            {values[field] !== '' && !directory?.users.some((u) => u.id === values[field]) && (
              <option value={values[field]}>{userName(values[field])}</option>
            )}
            {directory?.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
      ))}
      {phase.step === 'form' && phase.error && <p class="crmx-error" role="alert">{phase.error}</p>}
      {phase.step === 'saving' && <p role="status">{t('dialog.working')}</p>}
      <div class="crmx-dialog-actions">
        <button type="button" class="crmx-link-button" aria-expanded={showChanges ? 'true' : 'false'}
          onClick={() => setShowChanges(!showChanges)}>{t('edit.changes.show')}</button>
        <span class="crmx-spacer" />
        <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        <button type="submit" class="crmx-primary" disabled={phase.step === 'saving'}>{t('edit.save')}</button>
      </div>
      {showChanges && <ChangeRecords api={api} customerId={customer.id} />}
    </form>
  );
}

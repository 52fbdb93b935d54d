// The edit dialog's form, pure: which fields, what the user may change, validation, the changes to send.
import type { Customer, CustomerEdit, EditableField } from '../domain/types';
import type { DecisionView } from '../protocol/messages';
import { t, type MessageKey } from '../i18n/index';
import { reassignableFields } from '../rules/reassignable';

export const TEXT_FIELDS = ['code', 'name', 'email', 'phone', 'source', 'businessField'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FormValues = Record<EditableField, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[\d\s().+\-]+$/;

export function fieldLabel(field: EditableField): string {
  return t(`edit.field.${field}` as MessageKey);
}

/**
 * Who may reassign the AE and the CSR: a user whose edit right comes from above the customer's own
 * people (administrator, the AE's manager, a permission group with edit rights) changes both; the AE
 * changes the CSR (their support); a CSR changes neither.
 */
export function assignableFields(edit: DecisionView): EditableField[] {
  return edit.allowed ? reassignableFields(edit.rule) : [];
}

export function initialValues(c: Customer): FormValues {
  return {
    code: c.code, name: c.name, email: c.email, phone: c.phone, source: c.source, businessField: c.businessField,
    aeId: c.aeId ?? '', csrId: c.csrId ?? '',
  };
}

/** Per field, the message of what is wrong; empty when the form may be sent. */
export function validate(values: FormValues): Partial<Record<EditableField, string>> {
  const errors: Partial<Record<EditableField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const value = values[field].trim();
    if ((field === 'code' || field === 'name') && value === '') errors[field] = t('edit.invalid.required', { field: fieldLabel(field) });
    else if (value.length > 500) errors[field] = t('edit.invalid.tooLong', { field: fieldLabel(field) });
  }
  const email = values.email.trim();
  if (!errors.email && email !== '' && !EMAIL.test(email)) errors.email = t('edit.invalid.email');
  const phone = values.phone.trim();
  if (!errors.phone && phone !== '' && (!PHONE.test(phone) || !/\d/.test(phone))) errors.phone = t('edit.invalid.phone');
  return errors;
}

/** Only what differs from the customer, trimmed; '' for AE/CSR means nobody. */
export function changesFrom(c: Customer, values: FormValues, editable: readonly EditableField[]): CustomerEdit {
  const changes: Record<string, string | null> = {};
  for (const field of editable) {
    if (field === 'aeId' || field === 'csrId') {
      const next = values[field] === '' ? null : values[field];
      if (next !== c[field]) changes[field] = next;
    } else {
      const next = values[field].trim();
      if (next !== c[field]) changes[field] = next;
    }
  }
  return changes as CustomerEdit;
}

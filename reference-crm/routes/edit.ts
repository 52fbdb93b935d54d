// Editing a customer: If-Match required, stale versions refused with the current record.
import type { ChangeRecord, Customer, CustomerEdit, Id, Org } from '../../lib/domain/types';
import { EDITABLE_FIELDS } from '../../lib/domain/types';
import { ApiError, invalid } from '../http/errors';
import { MAX_ID, MAX_TEXT, text as boundedText } from '../http/validate';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USER_FIELDS = new Set(['aeId', 'csrId']);

/** Checks the body of PATCH /customers/:id; every error names its field. */
export function parseEdit(body: Record<string, unknown>, org: Org): CustomerEdit {
  const edit: Record<string, unknown> = {};
  const userIds = new Set<Id>(org.users.map((u) => u.id));
  for (const [field, value] of Object.entries(body)) {
    if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) {
      throw invalid(`${field}: not an editable field (editable: ${EDITABLE_FIELDS.join(', ')})`);
    }
    if (USER_FIELDS.has(field)) {
      if (value !== null && typeof value !== 'string') throw invalid(`${field}: must be a user id or null`);
      if (typeof value === 'string') boundedText(value, field, MAX_ID);
      if (typeof value === 'string' && !userIds.has(value)) throw invalid(`${field}: unknown user ${value}`);
      edit[field] = value;
      continue;
    }
    const text = boundedText(value, field, MAX_TEXT).trim();
    if ((field === 'name' || field === 'code') && text === '') throw invalid(`${field}: must not be empty`);
    if (field === 'email' && text !== '' && !EMAIL.test(text)) throw invalid(`email: "${text}" is not an email address`);
    if (field === 'phone' && text !== '' && !/\d/.test(text)) throw invalid(`phone: "${text}" has no digits`);
    edit[field] = text;
  }
  return edit as CustomerEdit;
}

/** The version in If-Match: `"3"`, `W/"3"` or `3`. */
export function ifMatchVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(428, {
      code: 'precondition_required',
      message: 'If-Match: required; send the version from the customer\'s ETag, e.g. If-Match: "3"',
    });
  }
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) throw invalid(`If-Match: must be the customer's version, e.g. "3" (got ${header})`);
  return Number(match[1]);
}

export function changesOf(before: Customer, edit: CustomerEdit): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (field in edit && edit[field] !== before[field]) {
      changes.push({ field, before: before[field], after: edit[field] });
    }
  }
  return changes;
}

import { describe, expect, it } from 'vitest';
import { assignableFields, changesFrom, initialValues, validate, TEXT_FIELDS } from './edit-form';
import { sampleCustomer } from '../crm-client/test-data';
import type { DecisionView } from '../protocol/messages';

const c = sampleCustomer({ id: 'c-1', code: 'KH1', name: 'An', email: 'a@b.vn', phone: '0912 345 678', aeId: 'u-rep', csrId: null });

describe('validate', () => {
  it.each([
    [{ name: '  ' }, 'name', 'Name is required.'],
    [{ code: '' }, 'code', 'Customer code is required.'],
    [{ email: 'not-an-email' }, 'email', 'Enter an email address like name@example.com.'],
    [{ phone: 'call me' }, 'phone', 'A phone number needs digits (spaces, dots, dashes, + and brackets are fine).'],
    [{ source: 'x'.repeat(501) }, 'source', 'Source is too long (at most 500 characters).'],
  ])('%j → %s: %s', (override, field, message) => {
    expect(validate({ ...initialValues(c), ...override })).toEqual({ [field]: message });
  });

  it.each([[{ email: '' }], [{ phone: '(028) 3822-4455' }], [{ phone: '+84 912.345.678' }]])('accepts %j', (override) => {
    expect(validate({ ...initialValues(c), ...override })).toEqual({});
  });
});

describe('changesFrom', () => {
  it('sends only the changed fields, trimmed, and nobody as null', () => {
    const values = { ...initialValues(c), name: ' An Phát ', email: 'a@b.vn', csrId: 'u-csr', aeId: '' };
    expect(changesFrom(c, values, [...TEXT_FIELDS, 'csrId'])).toEqual({ name: 'An Phát', csrId: 'u-csr' });
    expect(changesFrom(c, values, [...TEXT_FIELDS, 'aeId', 'csrId'])).toEqual({ name: 'An Phát', csrId: 'u-csr', aeId: null });
  });
});

describe('assignableFields', () => {
  const allow = (rule: DecisionView['rule']): DecisionView => ({ allowed: true, rule, reason: '', ask: [] });
  it.each([
    ['administrator', ['aeId', 'csrId']],
    ['subordinate-ae', ['aeId', 'csrId']],
    ['permission-group-edit', ['aeId', 'csrId']],
    ['account-executive', ['csrId']],
    ['customer-service', []],
  ] as const)('%s → %j', (rule, fields) => {
    expect(assignableFields(allow(rule))).toEqual(fields);
  });
  it('gives nothing when editing is refused', () => {
    expect(assignableFields({ allowed: false, rule: 'edit-required', reason: '', ask: [] })).toEqual([]);
  });
});

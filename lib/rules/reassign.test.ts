import { describe, expect, it } from 'vitest';
import { decideEdit, reassignableFields, userContext, type RuleId } from './index';
import { makeCustomer, sampleOrg, shares } from './test-org';
import type { Customer, CustomerEdit } from '../domain/types';

const org = sampleOrg();

type Row = [sentence: string, userId: string, customer: Partial<Customer>, edit: CustomerEdit, allowed: boolean, rule: RuleId];
const ROWS: Row[] = [
  ['A CSR edits the details', 'cal', { aeId: 'rex', csrId: 'cal' }, { name: 'New name' }, true, 'customer-service'],
  ['A CSR may not make themselves the AE', 'cal', { aeId: 'rex', csrId: 'cal' }, { aeId: 'cal' }, false, 'reassign-not-allowed'],
  ['A CSR may not empty the AE (a return to the pool without a reason)', 'cal', { aeId: 'rex', csrId: 'cal' }, { aeId: null }, false, 'reassign-not-allowed'],
  ['A CSR may not hand the customer to another CSR', 'cal', { aeId: 'rex', csrId: 'cal' }, { csrId: 'ria' }, false, 'reassign-not-allowed'],
  ['A CSR sending the AE unchanged changes nothing about it', 'cal', { aeId: 'rex', csrId: 'cal' }, { aeId: 'rex', name: 'X' }, true, 'customer-service'],
  ['The AE changes the CSR', 'rex', { aeId: 'rex' }, { csrId: 'cal' }, true, 'account-executive'],
  ['The AE may not hand the customer to another AE', 'rex', { aeId: 'rex' }, { aeId: 'ria' }, false, 'reassign-not-allowed'],
  ['The AE may not empty the AE by an edit', 'rex', { aeId: 'rex' }, { aeId: null }, false, 'reassign-not-allowed'],
  ["The AE's manager moves the customer to another subordinate", 'mia', { aeId: 'rex' }, { aeId: 'ria', csrId: 'cal' }, true, 'subordinate-ae'],
  ["The AE's manager may not empty the AE by an edit", 'mia', { aeId: 'rex' }, { aeId: null }, false, 'return-to-pool-required'],
  ['A permission group with edit rights changes the AE and the CSR', 'eve', { id: 'c-group-edit', aeId: 'rex' }, { aeId: 'sam', csrId: 'eve' }, true, 'permission-group-edit'],
  ['A view-only permission group member may not make themselves CSR', 'vic', { id: 'c-group', aeId: 'rex' }, { csrId: 'vic' }, false, 'edit-required'],
  ['A user the customer is shared with may not make themselves AE', 'ria', { aeId: 'rex', shares: shares({ userIds: ['ria'] }) }, { aeId: 'ria' }, false, 'edit-required'],
  ['An administrator edits only through the edit rules', 'ada', { aeId: 'rex' }, { aeId: 'ada' }, false, 'edit-required'],
  ['A deleted customer is not edited', 'mia', { aeId: 'rex', deletedAt: '2024-06-01T00:00:00.000Z' }, { aeId: 'ria' }, false, 'deleted'],
];

describe('changing the AE or the CSR through an edit', () => {
  it.each(ROWS)('%s', (_sentence, userId, partial, edit, allowed, rule) => {
    const decision = decideEdit(userContext(org, userId), makeCustomer(partial), edit);
    expect({ allowed: decision.allowed, rule: decision.rule }).toEqual({ allowed, rule });
    if (!allowed) expect(decision.reason).not.toMatch(/^Refused by rule/);
  });

  it.each<[RuleId | null, string[]]>([
    ['subordinate-ae', ['aeId', 'csrId']], ['permission-group-edit', ['aeId', 'csrId']], ['administrator', ['aeId', 'csrId']],
    ['account-executive', ['csrId']], ['customer-service', []], ['shared-user', []], [null, []],
  ])('an edit right from %s reassigns %j', (rule, fields) => {
    expect(reassignableFields(rule)).toEqual(fields);
  });

  it('A refused reassignment tells the user whom to ask (their manager)', () => {
    const decision = decideEdit(userContext(org, 'cal'), makeCustomer({ aeId: 'rex', csrId: 'cal' }), { aeId: 'cal' });
    expect(decision.ask).toEqual([{ kind: 'manager', userIds: ['ada'] }]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', 'VN', '+84912345678'],
    ['+84 912 345 679', 'VN', '+84912345679'],
    ['84-913-222-333', 'VN', '+84913222333'],
    ['0914.555.666', 'VN', '+84914555666'],
    ['0915666777', 'VN', '+84915666777'],
    ['+84903445566', 'VN', '+84903445566'],
    ['912345678', 'VN', '+84912345678'],
    ['84912345678', 'VN', '+84912345678'],
    ['0084 912 345 678', 'VN', '+84912345678'],
    ['9.12345678E+08', 'VN', '+84912345678'],
    ['912345678.0', 'VN', '+84912345678'],
    [912345678, 'VN', '+84912345678'],
    ['024 3825 1234', 'VN', '+842438251234'],
    ['(028) 3822 4455', 'VN', '+842838224455'],
    ['  0702 000 001 ', 'VN', '+84702000001'],
    ['+1 202 555 0100', 'VN', '+12025550100'],
    ['(202) 555-0100', 'US', '+12025550100'],
  ])('%j read in %s is %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    ['=cmd|\' /C calc\'!A0', 'formula'],
    ['=0912345678', 'formula'],
    ['@SUM(A1)', 'formula'],
    ['abc', 'not_a_number'],
    ['call me', 'not_a_number'],
    ['12', 'invalid'],
    ['0912 345', 'invalid'],
    ['0000000000', 'invalid'],
  ])('%j is refused as %s', (raw, problem) => {
    expect(normalizePhone(raw, 'VN')).toEqual({ ok: false, problem });
  });
});

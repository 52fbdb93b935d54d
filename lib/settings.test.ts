import { describe, expect, it } from 'vitest';
import { crmMatchPattern, normalizeCrmUrl } from './settings';

describe('normalizeCrmUrl', () => {
  it.each([
    ['http://127.0.0.1:5555', 'http://127.0.0.1:5555'],
    ['http://127.0.0.1:5555/customers?page=2#x', 'http://127.0.0.1:5555'],
    ['  https://crm.example.com/  ', 'https://crm.example.com'],
    ['crm.example.com', 'https://crm.example.com'],
    ['HTTPS://CRM.Example.com:443/app', 'https://crm.example.com'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCrmUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['ftp://crm.example.com', 'https://'],
    ['http://', 'not a URL'],
  ])('refuses %j, saying %s', (input, said) => {
    expect(() => normalizeCrmUrl(input)).toThrow(said);
  });
});

describe('crmMatchPattern', () => {
  it.each([
    ['http://127.0.0.1:5555', 'chrome', 'http://127.0.0.1:5555/*'],
    ['https://crm.example.com', 'chrome', 'https://crm.example.com/*'],
    ['http://127.0.0.1:5555', 'firefox', 'http://127.0.0.1/*'],
  ])('%s on %s → %s', (origin, browser, expected) => {
    expect(crmMatchPattern(origin, browser)).toBe(expected);
  });
});

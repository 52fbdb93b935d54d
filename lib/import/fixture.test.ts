// The 1,000-row e2e fixture, through the pure path (parse + match) against the seed it was made for:
// exactly the expected rows match and exactly the expected rows have problems.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeCustomerId, largeCustomerPhone } from '../../tests/fixtures/seed-large';
import { indexByPhone, matchPhoneRows } from './match';
import { parsePhoneFile } from './parse-file';

const fixture = (name: string) => join(import.meta.dirname, '../../tests/fixtures', name);
const expected = JSON.parse(readFileSync(fixture('phones-1000.expected.json'), 'utf8')) as {
  seedSize: number; deletedIds: string[]; errors: { row: number; problem: string }[];
};

/** makeLargeSeed(n)'s customers, as far as phones go. */
const seedCustomers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: largeCustomerId(i + 1), name: '', phone: largeCustomerPhone(i + 1) }));

describe('phones-1000 fixture', () => {
  it('matches exactly the expected customers and reports exactly the expected rows', async () => {
    const parsed = await parsePhoneFile({ name: 'phones-1000.csv', bytes: new Uint8Array(readFileSync(fixture('phones-1000.csv'))) }, async () => {});
    expect(parsed.rows).toHaveLength(1000);
    const result = matchPhoneRows(parsed.rows, indexByPhone(seedCustomers(expected.seedSize), 'VN'), 'VN');
    const matched = result.rows.filter((r) => r.customerId && !r.problem).map((r) => r.customerId).sort();
    expect(matched).toEqual(expected.deletedIds);
    expect(result.rows.filter((r) => r.problem).map((r) => ({ row: r.row, problem: r.problem }))).toEqual(expected.errors);
  });
});

// Issue 18, point 4: the file delete's preview says which customer each matched row deletes by name and code, and
// the customers sharing a number by name, code and phone, never by id.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { FilePreview } from './file-preview';
import type { PhonePreview } from '../../lib/protocol/import';

afterEach(cleanup);

const preview: PhonePreview = {
  rows: [
    { row: 2, phone: '0901 000 122', customerId: 'c-1' },
    { row: 3, phone: '0901 000 123', customerId: 'c-2' },
    { row: 4, phone: '0977 000 000', customerId: null, problem: 'ambiguous', candidates: ['c-5', 'c-6'] },
  ],
  matched: 2, notFound: 0, duplicates: 0, invalid: 0, ambiguous: 1, samples: 0,
  names: { 'c-1': 'Anna Wilson', 'c-2': 'Anna Wilson' },
  codes: { 'c-1': 'KH000122', 'c-2': 'KH000123' },
  customers: { 'c-5': { name: 'Lan', code: 'KH5', phone: '0977 000 000' }, 'c-6': { name: 'Lan', code: '', phone: '+84977000000' } },
};

describe('FilePreview', () => {
  it('lists two Anna Wilsons by their codes, and the customers of a shared number with code and phone', () => {
    render(<FilePreview preview={preview} file="list.csv" choices={new Map()} onChoose={() => undefined} />);
    expect([...document.querySelectorAll('[data-crmx-target]')].map((li) => li.textContent)).toEqual([
      'Anna Wilson (KH000122) — 0901 000 122 (row 2)', 'Anna Wilson (KH000123) — 0901 000 123 (row 3)',
    ]);
    expect([...document.querySelectorAll('.crmx-file-candidates label')].map((l) => l.textContent?.trim())).toEqual([
      'Lan (KH5) · 0977 000 000', 'Lan · +84977000000',
    ]);
    expect(document.body.textContent).not.toMatch(/\bc-\d/);
  });
});

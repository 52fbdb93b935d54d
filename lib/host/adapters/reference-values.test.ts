// @vitest-environment happy-dom
// The reference page's rows redrawn by its adapter read exactly as the page's own script draws them.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../domain/types';
import type { RowValues } from '../../protocol/messages';
import { renderRows } from '../../../reference-crm/page/assets/customer-table.js';
import { referenceAdapter } from './reference';

const names = new Map([['u-rep', 'Phạm Minh Tuấn'], ['u-csr', 'Đặng Minh Khoa'], ['u-ae', 'Lê Văn An']]);

const before: Customer = {
  id: 'c-0001', code: 'KH0001', name: 'Công ty An Phát', email: 'a@example.vn', phone: '0912 000 001', source: 'Website',
  businessField: 'Retail', aeId: 'u-rep', csrId: null, poolId: 'p-main', shares: { departmentIds: [], roleIds: [], userIds: [] },
  tags: ['VIP'], version: 3, createdAt: '2024-03-01T02:00:00.000Z', updatedAt: '2024-03-01T02:05:00.000Z', deletedAt: null,
};
const after: Customer = {
  ...before, name: 'An Phát Group', phone: '+84 90 111 2222', email: 'b@example.vn', code: 'KH0001B', aeId: 'u-ae', csrId: 'u-csr',
  tags: ['VIP', 'Hot lead'], version: 4, updatedAt: '2024-03-02T09:41:00.000Z',
};
const valuesOf = (c: Customer): RowValues => ({
  name: c.name, code: c.code, phone: c.phone, email: c.email, aeId: c.aeId, aeName: c.aeId && (names.get(c.aeId) ?? null),
  csrId: c.csrId, csrName: c.csrId && (names.get(c.csrId) ?? null), tags: c.tags, updatedAt: c.updatedAt,
});

/** One row drawn by the reference page's own script. */
function hostRow(c: Customer): HTMLTableRowElement {
  const tbody = document.createElement('tbody');
  renderRows(document, tbody, [c], names);
  return tbody.querySelector('tr')!;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('the reference adapter redraws a row', () => {
  it('with the new values, cell by cell as the page itself would draw them', () => {
    const row = hostRow(before);
    expect(referenceAdapter.showValues!(row, valuesOf(after))).toBe(true);
    expect(row.innerHTML).toBe(hostRow(after).innerHTML);
    expect(referenceAdapter.rowId(row)).toBe('c-0001');
  });

  it('with nobody as the page writes it (an AE emptied by a return to the pool)', () => {
    const row = hostRow(before);
    referenceAdapter.showValues!(row, valuesOf({ ...after, aeId: null, tags: [] }));
    expect(row.innerHTML).toBe(hostRow({ ...after, aeId: null, tags: [] }).innerHTML);
    expect(row.querySelector('td.col-ae')!.textContent).toBe('—');
  });

  it('keeps our own things in the row (the controls in its first cell)', () => {
    const row = hostRow(before);
    const ours = document.createElement('crmx-row-slot');
    row.querySelector('td.col-name')!.append(ours);
    referenceAdapter.showValues!(row, valuesOf(after));
    expect(row.contains(ours)).toBe(true);
    expect(row.querySelector('td.col-name a')!.textContent).toBe('An Phát Group');
  });

  it('never back to an earlier version than the row shows', () => {
    const row = hostRow(after);
    const drawn = row.innerHTML;
    expect(referenceAdapter.showValues!(row, valuesOf(before))).toBe(false);
    expect(row.innerHTML).toBe(drawn);
  });
});

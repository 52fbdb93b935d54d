import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { TargetPicker, NO_TARGETS } from './TargetPicker';
import { Dialogs } from './Dialogs';
import { BatchDialog } from './batch/BatchDialog';
import { createOverlayState } from '../lib/ui/state';
import { fakeApi } from '../lib/ui/test-helpers';
import type { BatchAction } from './batch/batch-action';

afterEach(cleanup);

const directory = {
  departments: [{ id: 'd-sales', name: 'Sales', parentId: null }, { id: 'd-care', name: 'Customer care', parentId: null }],
  roles: [{ id: 'r-rep', name: 'Sales rep', admin: false }],
  users: [
    { id: 'u-1', name: 'Bùi Đức Thành Trung Nguyên', email: 'bui.duc.thanh.trung.nguyen@branch.example', departmentId: 'd-care', roleId: 'r-rep' },
    { id: 'u-2', name: 'Anna Wilson', email: 'anna@x.example', departmentId: 'd-sales', roleId: 'r-rep' },
  ],
};

/** What a picker shows, in order: its search label and each group's legend and lines. */
function shown(root: ParentNode = document) {
  const picker = root.querySelector('[data-crmx-target-picker]')!;
  return {
    search: picker.querySelector('label.crmx-target-search-label')!.textContent,
    groups: [...picker.querySelectorAll('fieldset')].map((f) => [f.querySelector('legend')!.textContent,
      ...[...f.querySelectorAll('.crmx-target-option label')].map((l) => [...l.children].map((c) => c.textContent).join(' | '))]),
  };
}

describe('TargetPicker', () => {
  it('lists departments, roles and people in one column, a person with e-mail and department on a second line', () => {
    render(<TargetPicker directory={directory} value={NO_TARGETS} onChange={() => undefined} idPrefix="t" />);
    expect(shown()).toEqual({
      search: 'Search departments, roles and people',
      groups: [
        ['Departments', 'Sales', 'Customer care'],
        ['Roles', 'Sales rep'],
        ['People', 'Bùi Đức Thành Trung Nguyên | bui.duc.thanh.trung.nguyen@branch.example · Customer care', 'Anna Wilson | anna@x.example · Sales'],
      ],
    });
  });

  it('searches names, e-mails and departments; ticks and unticks; keeps what is already shared ticked and fixed', () => {
    const onChange = vi.fn();
    render(<TargetPicker directory={directory} value={{ ...NO_TARGETS, roleIds: ['r-rep'] }} onChange={onChange} idPrefix="t"
      current={{ ...NO_TARGETS, departmentIds: ['d-sales'] }} />);
    const sales = screen.getByLabelText('Sales') as HTMLInputElement;
    expect([sales.checked, sales.disabled]).toEqual([true, true]);
    fireEvent.click(screen.getByLabelText('Sales rep'));
    expect(onChange).toHaveBeenLastCalledWith(NO_TARGETS);
    fireEvent.click(screen.getByLabelText(/Anna Wilson/));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_TARGETS, roleIds: ['r-rep'], userIds: ['u-2'] });

    const search = screen.getByLabelText('Search departments, roles and people');
    fireEvent.input(search, { target: { value: 'customer care' } });
    expect(shown().groups).toEqual([
      ['Departments', 'Customer care'], ['Roles'], ['People', 'Bùi Đức Thành Trung Nguyên | bui.duc.thanh.trung.nguyen@branch.example · Customer care'],
    ]);
    expect(screen.getAllByText('Nothing matches.')).toHaveLength(1);
    fireEvent.input(search, { target: { value: 'ANNA@' } });
    expect(shown().groups[2]).toEqual(['People', 'Anna Wilson | anna@x.example · Sales']);
  });

  it('is the same picker, with the same words, in the single share and in batch share and cancel sharing', async () => {
    const api = fakeApi();
    api.request.mockImplementation(async (type: string) => (type === 'getOrgDirectory' ? directory : { total: 1, allowed: 1, refused: [] }));
    const state = createOverlayState();
    state.dialog.value = { id: 'c-001', name: 'An', kind: 'share', returnFocus: null };
    render(<Dialogs state={state} api={api} />);
    await screen.findByLabelText(/Anna Wilson/);
    const single = shown();
    cleanup();

    const batch = (action: Partial<BatchAction>) => render(<BatchDialog action={{ id: 'x', label: 'batch.action.share', title: 'batch.kind.share', verb: 'batch.verb.share',
      request: () => ({ kind: 'share', customerIds: [], targets: NO_TARGETS }), ...action }} ids={['c-1']} names={new Map()} api={api}
      crmHost="h" returnFocus={null} onClose={() => undefined} onStarted={() => undefined} />);
    batch({ asks: { targets: {} } });
    await screen.findByLabelText(/Anna Wilson/);
    expect(shown()).toEqual(single);
    cleanup();
    batch({ asks: { targets: { orAll: true } } });
    fireEvent.click(screen.getByRole('radio', { name: /Only the departments, roles and people/ }));
    await screen.findByLabelText(/Anna Wilson/);
    expect(shown()).toEqual(single);
  });
});

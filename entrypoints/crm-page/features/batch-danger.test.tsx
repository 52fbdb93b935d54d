import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
// Issue 18, point 6: batch actions that take something away look it and say what they take; the others do not.
import { BatchDialog } from '../../../components/batch/BatchDialog';
import type { BatchAction } from '../../../components/batch/batch-action';
import { addDictionary, currentLanguage } from '../../../lib/i18n';
import { vi as viDictionary } from '../../../lib/i18n/vi';
import { batchShareAction } from './batch-share';
import { cancelSharingAction } from './cancel-sharing';
import { addLabelsAction, setLabelsAction } from './labels';
import { batchDeleteAction } from './batch-delete';

beforeAll(() => addDictionary('vi', viDictionary));
afterEach(() => {
  cleanup();
  currentLanguage.value = 'en';
});

const directory = {
  departments: [{ id: 'd-sales', name: 'Sales', parentId: null }],
  roles: [{ id: 'r-csr', name: 'Customer service', admin: false }],
  users: [{ id: 'u-csr', name: 'Khoa', email: 'k@x', departmentId: 'd-sales', roleId: 'r-csr' }],
};

function open(action: BatchAction, ids = ['c-1', 'c-2']) {
  const request = vi.fn(async (type: string) => {
    if (type === 'precheckBatch') return { total: ids.length, allowed: ids.length, refused: [] };
    if (type === 'getOrgDirectory') return directory;
    if (type === 'searchCached') return { items: [], total: 0 };
    throw new Error(`${type} not scripted`);
  });
  render(<BatchDialog action={action} ids={ids} names={new Map()} api={{ request } as never} crmHost="crm.example.com"
    returnFocus={null} onClose={() => undefined} onStarted={() => undefined} />);
}

const title = () => document.querySelector('[role=dialog] h2')!.textContent;
const confirm = () => document.querySelector<HTMLButtonElement>('[data-crmx-confirm]')!;
const dismiss = () => document.querySelector<HTMLButtonElement>('[data-crmx-dismiss]')!;
const takes = () => document.querySelector('[data-crmx-takes]')?.textContent ?? null;

describe('destructive batch actions', () => {
  it('set labels says it replaces, in its title, its button and its colour; add labels says it keeps', () => {
    open(setLabelsAction);
    expect(title()).toBe('Set labels: replace the current labels');
    expect(confirm().textContent).toBe('Replace the labels of 2 customers');
    expect(confirm().className).toBe('crmx-danger');
    expect(takes()).toBe('Every label these customers have now is removed and replaced by the ones chosen here.');
    cleanup();
    open(addLabelsAction);
    expect(title()).toBe('Add labels: keep the current labels');
    expect(confirm().textContent).toBe('Add labels to 2 customers');
    expect(confirm().className).toBe('crmx-primary');
    expect(takes()).toBeNull();
  });

  it('cancel sharing is drawn as a danger, says who loses the customers, and its dismiss button is not "Cancel"', async () => {
    open(cancelSharingAction);
    expect(confirm().className).toBe('crmx-danger');
    expect(dismiss().textContent).toBe('Keep sharing');
    expect(takes()).toMatch(/^Every share of these customers is removed: .* stop seeing them/);
    fireEvent.click(screen.getByLabelText(/Only the departments, roles and people chosen below/));
    await screen.findByLabelText('Sales');
    expect(takes()).toMatch(/^The departments, roles and people you choose stop seeing these customers/);
    expect(confirm().className).toBe('crmx-danger');
  });

  it('batch delete uses the danger style of the single delete; share stays primary with "Cancel"', () => {
    open(batchDeleteAction);
    expect(confirm().className).toBe('crmx-danger');
    cleanup();
    open(batchShareAction);
    expect(confirm().className).toBe('crmx-primary');
    expect(dismiss().textContent).toBe('Cancel');
  });

  it('says the same in Vietnamese', () => {
    currentLanguage.value = 'vi';
    open(setLabelsAction);
    expect(title()).toBe('Gán nhãn: thay thế nhãn hiện có');
    expect(confirm().textContent).toBe('Thay nhãn của 2 khách hàng');
    cleanup();
    open(addLabelsAction);
    expect(confirm().textContent).toBe('Thêm nhãn cho 2 khách hàng');
    cleanup();
    open(cancelSharingAction);
    expect(dismiss().textContent).toBe('Giữ chia sẻ');
  });
});

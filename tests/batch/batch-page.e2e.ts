// Batch actions from the CRM page as u-rep (seed-basic): selection across pages, the pre-check naming
// the refused customer (c-048 is only shared with the rep's department: not editable), the job's
// summary, undo, and the CRM's audit log as the independent witness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';

const JOB_WAIT = { timeout: 60_000 };
type Audit = { items: { customerId: string; type: string }[] };

describe('batch actions on the CRM page', () => {
  let s: Scenario;
  let page: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  const audit = async (type: string) => (await api<Audit>(s.crm, 'tok-admin', `/audit?type=${encodeURIComponent(type)}&limit=100000`)).body.items;
  const customer = async (id: string) => (await api<{ tags: string[]; shares: { userIds: string[]; roleIds: string[] } }>(s.crm, 'tok-admin', `/customers/${id}`)).body;
  const bar = () => page.locator('[data-crmx-batch-bar]');

  async function selectAllMatching(expected: number): Promise<void> {
    await page.locator('input.crmx-select-page-box').click();
    await bar().locator('[data-crmx-select-matching]').click();
    await bar().locator(`[data-crmx-selected-count="${expected}"]`).waitFor();
    await bar().locator('[data-crmx-matching]').waitFor();
  }

  async function finishedJob(kind: string) {
    const job = bar().locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="${kind}"]`).last();
    await job.waitFor(JOB_WAIT);
    expect(await job.getAttribute('aria-label')).toBe(kind);
    return job;
  }

  it('shares all 34 matching customers across pages, skipping and reporting the one it may not edit', async () => {
    page = await s.openCustomers('?pageSize=20');
    await page.locator('input.crmx-select-box').first().waitFor();
    await selectAllMatching(34);
    expect(await bar().locator('[data-crmx-matching]').textContent()).toContain('no filter');

    await bar().locator('[data-crmx-batch-action=share]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-share]');
    await dialog.locator('[data-crmx-target]').nth(33).waitFor();
    const refused = dialog.locator('[data-crmx-refused=edit-required]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-crmx-refused-count')).toBe('1');
    expect(await refused.textContent()).toContain('1 of 34');
    await dialog.locator('[data-crmx-group=userIds] label', { hasText: 'Đặng Minh Khoa' }).click();
    await dialog.locator('[data-crmx-confirm]').click();

    const job = await finishedJob('Batch share');
    expect(await job.locator('[data-crmx-errors]').getAttribute('data-crmx-errors')).toBe('1');
    await job.getByRole('button', { name: '(Details)' }).click();
    await job.locator('[data-crmx-error-item="c-048"]').waitFor();

    const shared = await audit('Batch Share customer');
    expect(shared).toHaveLength(33);
    expect(new Set(shared.map((e) => e.customerId)).size).toBe(33);
    expect(shared.some((e) => e.customerId === 'c-048')).toBe(false);
    expect((await customer('c-001')).shares.userIds).toContain('u-csr');
  });

  it('adds a new label typed with Enter to the selected rows, then undoes it', async () => {
    page = await s.openCustomers('?pageSize=20&q=C%C3%B4ng%20ty');
    const boxes = page.locator('input.crmx-select-box');
    await boxes.first().waitFor();
    const count = await boxes.count();
    expect(count).toBeGreaterThan(1);
    await boxes.nth(0).click();
    await boxes.nth(count - 1).click({ modifiers: ['Shift'] });
    await bar().locator(`[data-crmx-selected-count="${count}"]`).waitFor();
    const ids = await page.locator('#customer-table tbody tr td.col-name a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));

    await bar().locator('[data-crmx-batch-action=addLabels]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-addLabels]');
    await dialog.locator('[data-crmx-precheck]').waitFor();
    await dialog.locator('#crmx-batch-tag-input').fill('Batch-E2E');
    await dialog.locator('#crmx-batch-tag-input').press('Enter');
    await dialog.locator('[data-crmx-tags] li', { hasText: 'Batch-E2E' }).waitFor();
    await dialog.locator('[data-crmx-confirm]').click();

    const job = await finishedJob('Batch add labels');
    expect(await audit('Batch Add Labels customer')).toHaveLength(count);
    for (const id of ids) expect((await customer(id)).tags).toContain('Batch-E2E');

    await job.locator('[data-crmx-undo]').click();
    await bar().locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch set labels"]').waitFor(JOB_WAIT);
    for (const id of ids) expect((await customer(id)).tags).not.toContain('Batch-E2E');
  });

  it('cancels every share of the selected customers ("All")', async () => {
    page = await s.openCustomers('?pageSize=20&q=C%C3%B4ng%20ty');
    await page.locator('input.crmx-select-page-box').click();
    const count = await page.locator('input.crmx-select-box').count();
    await bar().locator(`[data-crmx-selected-count="${count}"]`).waitFor();
    await bar().locator('[data-crmx-batch-action=cancelShare]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-cancelShare]');
    await dialog.locator('[data-crmx-precheck]').waitFor();
    await dialog.locator('[data-crmx-confirm]').click();
    const job = await finishedJob('Cancel sharing in batch');
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${count} / ${count} done`);
    // Only customers that had a share are logged: a cancel that changes nothing leaves no entry (and no new version).
    const logged = (await api<{ items: { changes: { before: { departmentIds: string[]; roleIds: string[]; userIds: string[] } }[] }[] }>(
      s.crm, 'tok-admin', `/audit?type=${encodeURIComponent('Batch Cancel Share customer')}&limit=100000`)).body.items;
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThanOrEqual(count);
    for (const entry of logged) {
      const before = entry.changes[0].before;
      expect(before.departmentIds.length + before.roleIds.length + before.userIds.length).toBeGreaterThan(0);
    }
    // c-006 (a "Công ty") was shared with u-csr by the first test.
    expect((await customer('c-006')).shares).toMatchObject({ userIds: [], roleIds: [] });
  });

  it('follows and unfollows the selected customers', async () => {
    page = await s.openCustomers('?pageSize=20&q=Emma');
    await page.locator('input.crmx-select-box').first().click();
    await bar().locator('[data-crmx-selected-count="1"]').waitFor();
    await bar().locator('[data-crmx-batch-action=follow]').click();
    await page.locator('[data-crmx-dialog=batch-follow] [data-crmx-precheck=ok]').waitFor();
    await page.locator('[data-crmx-dialog=batch-follow] [data-crmx-confirm]').click();
    await finishedJob('Batch follow');
    const follows = async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds;
    expect(await follows()).toContain('c-018');

    await page.locator('input.crmx-select-box').first().click();
    await bar().locator('[data-crmx-batch-action=unfollow]').click();
    await page.locator('[data-crmx-dialog=batch-unfollow] [data-crmx-confirm]').click();
    await finishedJob('Batch unfollow');
    expect(await follows()).not.toContain('c-018');
  });

  it('offers no Delete to a rep', async () => {
    page = await s.openCustomers('?pageSize=20');
    await page.locator('input.crmx-select-box').first().click();
    await bar().locator('[data-crmx-batch-action=share]').waitFor();
    expect(await bar().locator('[data-crmx-batch-action=delete]').count()).toBe(0);
  });
});

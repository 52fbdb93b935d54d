// A page script drives every control of ours as a script can: click(), dispatched mouse and key
// events, values written into our fields with input and change events, requestSubmit(). The user got
// each control on screen with real clicks first (the strongest position for the page: it waits for the
// user to open a dialog and then acts). Nothing may change in the CRM; the same controls then work with
// Playwright's real clicks and typing. The CRM's audit log and records are the witnesses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, auditCount, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { sendFromPage } from '../background/wire';
import { actAs, audit, dialog, fileOnDisk, menu, openCustomer, openMenu, row, runItem, toast } from '../overlay/overlay-helpers';

type Customer = { phone: string; aeId: string | null; source: string; tags: string[]; shares: { userIds: string[]; roleIds: string[]; departmentIds: string[] } };

/**
 * The ways a script can make a control act: `click()`, dispatched pointer and mouse events, dispatched
 * keys, and submitting its form. Each is tried on its own (two ways together could undo each other,
 * as two clicks on a star do).
 */
const WAYS = ['click()', 'events', 'keys', 'submit'] as const;
type Way = typeof WAYS[number];

/**
 * In the page's own world: finds `selector` through every open shadow root, writes `values` into the
 * fields they select (with input and change events; checkboxes get checked) and `file` into file
 * inputs, then drives the control one `way`. Returns how many controls it reached.
 */
function drive(page: Page, selector: string, way: Way, values: Record<string, string> = {}, file?: string): Promise<number> {
  return page.evaluate(({ selector, way, values, file }) => {
    const roots: ParentNode[] = [document];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          roots.push(el.shadowRoot);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const all = (sel: string) => roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>(sel)]);
    const fire = (el: Element, event: Event) => el.dispatchEvent(event);
    for (const [sel, value] of Object.entries(values)) {
      for (const field of all(sel) as HTMLInputElement[]) {
        if (field.type === 'checkbox' || field.type === 'radio') field.checked = true;
        else field.value = value;
        fire(field, new InputEvent('input', { bubbles: true, composed: true, data: value }));
        fire(field, new Event('change', { bubbles: true, composed: true }));
      }
    }
    if (file) {
      for (const input of all('input[type=file]') as HTMLInputElement[]) {
        const transfer = new DataTransfer();
        transfer.items.add(new File([file], 'phones.csv', { type: 'text/csv' }));
        input.files = transfer.files;
        fire(input, new Event('input', { bubbles: true, composed: true }));
        fire(input, new Event('change', { bubbles: true, composed: true }));
      }
    }
    const controls = all(selector);
    for (const el of controls) {
      el.focus();
      if (way === 'click()') el.click();
      if (way === 'events') {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) fire(el, new PointerEvent(type, { bubbles: true, composed: true, cancelable: true }));
        fire(el, new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
      }
      if (way === 'keys') {
        for (const key of ['Enter', 'ArrowDown']) {
          fire(el, new KeyboardEvent('keydown', { key, code: key, bubbles: true, composed: true, cancelable: true }));
          fire(el, new KeyboardEvent('keyup', { key, code: key, bubbles: true, composed: true }));
        }
      }
      const form = el.closest('form');
      if (way === 'submit' && form) {
        form.requestSubmit();
        try {
          form.requestSubmit(el);
        } catch {
          // not a submit button
        }
        form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      }
    }
    return controls.length;
  }, { selector, way, values, file });
}

describe('page scripts driving the overlay\'s controls', () => {
  let s: Scenario;
  let ext: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    ext = await s.browser.context.newPage();
    await ext.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const customer = async (id: string) => (await api<Customer>(s.crm, 'tok-admin', `/customers/${id}`)).body;
  const follows = async (token = 'tok-rep') => (await api<{ customerIds: string[] }>(s.crm, token, '/follows')).body.customerIds;
  /** A round trip through the background to the CRM: what the page's script set going has arrived by then. */
  const settled = () => sendFromPage(ext, 'syncNow', undefined);
  const faults = (settings: Record<string, number>) => setFaults(s.crm, settings);

  /**
   * Drives `selector` every way a script can, one way at a time; after each, the control was there, the
   * CRM's audit log has nothing new and `unchanged` (what the page shows, what the CRM holds) still holds.
   */
  async function changesNothing(
    page: Page, selector: string,
    { values, file, unchanged }: { values?: Record<string, string>; file?: string; unchanged?: () => Promise<void> } = {},
  ): Promise<void> {
    for (const way of WAYS) {
      const before = await auditCount(s.crm);
      expect(await drive(page, selector, way, values, file), `${selector} is on the page`).toBeGreaterThan(0);
      await settled();
      expect(await auditCount(s.crm), `${selector} driven by ${way}`).toBe(before);
      await unchanged?.();
    }
  }

  it('the row [···] button and the menu\'s items', async () => {
    const page = await openCustomer(s, 'KH0003');
    await changesNothing(page, 'button.crmx-row-menu-button', { unchanged: async () => expect(await menu(page).count()).toBe(0) });
    expect(await menu(page).count()).toBe(0);
    await openMenu(page, 'c-003');
    for (const item of ['view', 'edit', 'returnToPool', 'share', 'log', 'follow']) {
      await changesNothing(page, `[role=menuitem][data-crmx-item=${item}]`, {
        unchanged: async () => expect(await page.locator('[role=dialog]').count()).toBe(0),
      });
    }
    expect(await page.locator('[role=dialog]').count()).toBe(0);
    expect(await page.locator('.crmx-details').count()).toBe(0);
    expect(await follows()).not.toContain('c-003');
    await page.close();
  });

  it('the follow star on a row, and a click on the row for the details', async () => {
    const page = await openCustomer(s, 'KH0004');
    const star = row(page, 'c-004').locator('button.crmx-follow-star');
    await changesNothing(page, 'button.crmx-follow-star', { unchanged: async () => expect(await star.getAttribute('aria-pressed')).toBe('false') });
    await changesNothing(page, '#customer-table tbody tr.dt-row td:last-child', {
      unchanged: async () => expect(await page.locator('.crmx-details').count()).toBe(0),
    });
    expect(await follows()).not.toContain('c-004');
    expect(await row(page, 'c-004').locator('button.crmx-follow-star').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.crmx-details').count()).toBe(0);
    await page.close();
  });

  it('the details panel\'s star and actions', async () => {
    const page = await openCustomer(s, 'KH0005');
    await runItem(page, 'c-005', 'view');
    await page.locator('.crmx-details [data-crmx-action]').first().waitFor();
    await changesNothing(page, '.crmx-details-star', {
      unchanged: async () => expect(await page.locator('.crmx-details-star').getAttribute('aria-pressed')).toBe('false'),
    });
    await changesNothing(page, '.crmx-details [data-crmx-action]', {
      unchanged: async () => expect(await page.locator('[role=dialog][data-crmx-dialog]').count()).toBe(0),
    });
    expect(await follows()).not.toContain('c-005');
    expect(await page.locator('[role=dialog][data-crmx-dialog]').count()).toBe(0);
    await page.close();
  });

  it('the edit dialog: values the page wrote are never sent, not even with the user\'s own click on Save', async () => {
    const page = await openCustomer(s, 'KH0003');
    await runItem(page, 'c-003', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-phone').waitFor();
    const phone = (await customer('c-003')).phone;
    await changesNothing(page, '[data-crmx-dialog=edit] button[type=submit]', { values: { '#crmx-edit-phone': '0900 000 666' } });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText(/not you, changed Phone/).waitFor();
    await settled();
    expect((await customer('c-003')).phone).toBe(phone);
    expect(await audit(s.crm, 'Edit customer', 'c-003')).toHaveLength(0);
    // The field shows the user's value again.
    expect(await edit.locator('#crmx-edit-phone').inputValue()).toBe(phone);
    await page.close();
  });

  it('the return-to-pool dialog', async () => {
    const page = await openCustomer(s, 'KH0006');
    await runItem(page, 'c-006', 'returnToPool');
    const pool = dialog(page, 'returnToPool');
    await pool.locator('#crmx-pool-reason').waitFor();
    await changesNothing(page, '[data-crmx-dialog=returnToPool] button[type=submit]', { values: { '#crmx-pool-reason': 'typed by the page' } });
    await pool.getByRole('button', { name: 'Return to the pool' }).click();
    await pool.getByText(/not you, changed Reason/).waitFor();
    await settled();
    expect((await customer('c-006')).aeId).toBe('u-rep');
    expect(await audit(s.crm, 'Back customer', 'c-006')).toHaveLength(0);
    await page.close();
  });

  it('the share dialog', async () => {
    const page = await openCustomer(s, 'KH0008');
    await runItem(page, 'c-008', 'share');
    const share = dialog(page, 'share');
    await share.locator('input[type=checkbox]').first().waitFor();
    const shares = (await customer('c-008')).shares;
    await changesNothing(page, '[data-crmx-dialog=share] input[type=checkbox]', {
      unchanged: async () => expect(await share.locator('input[type=checkbox]:checked:not([disabled])').count()).toBe(0),
    });
    await changesNothing(page, '[data-crmx-dialog=share] button[type=submit]', { values: { '[data-crmx-dialog=share] input[type=checkbox]': 'on' } });
    expect((await customer('c-008')).shares).toEqual(shares);
    expect(await audit(s.crm, 'Share customer', 'c-008')).toHaveLength(0);
    await page.close();
  });

  it('the log dialog\'s filters', async () => {
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await runItem(page, 'c-001', 'log');
    const log = dialog(page, 'log');
    await log.locator('.crmx-timeline-entry').first().waitFor();
    const entries = await log.locator('.crmx-timeline-entry').count();
    await changesNothing(page, '#crmx-log-type', {
      values: { '#crmx-log-type': 'Delete customer', '#crmx-log-from': '2030-01-01' },
      unchanged: async () => expect(await log.locator('.crmx-timeline-entry').count()).toBe(entries),
    });
    await settled();
    expect(await log.locator('.crmx-timeline-entry').count()).toBe(entries);
    await page.close();
  });

  it('the edit conflict\'s choice', async () => {
    const page = await openCustomer(s, 'KH0007');
    await runItem(page, 'c-007', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-source').waitFor();
    const { version } = (await api<{ version: number }>(s.crm, 'tok-admin', '/customers/c-007')).body;
    expect((await api(s.crm, 'tok-manager', '/customers/c-007', { method: 'PATCH', headers: { 'if-match': `"${version}"` }, body: JSON.stringify({ source: 'Hotline' }) })).status).toBe(200);
    await edit.locator('#crmx-edit-source').fill('Zalo');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.locator('.crmx-conflict').waitFor();
    await changesNothing(page, '[data-crmx-keep]', { unchanged: async () => expect(await edit.locator('.crmx-conflict').count()).toBe(1) });
    expect((await customer('c-007')).source).toBe('Hotline');
    await edit.locator('.crmx-conflict').waitFor();
    await page.close();
  });

  it('the selection boxes, the batch bar\'s buttons and the batch dialog', async () => {
    const page = await s.openCustomers('?pageSize=20');
    await page.locator('input.crmx-select-box').first().waitFor();
    const noneSelected = async () => expect(await page.locator('input.crmx-select-box:checked').count()).toBe(0);
    await changesNothing(page, 'input.crmx-select-page-box', { unchanged: noneSelected });
    await changesNothing(page, 'input.crmx-select-box', { unchanged: noneSelected });
    expect(await page.locator('input.crmx-select-box:checked').count()).toBe(0);
    await page.locator('input.crmx-select-box').first().click();
    const bar = page.locator('[data-crmx-batch-bar]');
    await bar.locator('[data-crmx-selected-count="1"]').waitFor();
    for (const button of ['[data-crmx-batch-action]', '[data-crmx-clear]']) {
      await changesNothing(page, button, {
        unchanged: async () => {
          expect(await page.locator('[role=dialog][data-crmx-dialog]').count()).toBe(0);
          expect(await bar.locator('[data-crmx-selected-count="1"]').count()).toBe(1);
        },
      });
    }
    expect(await page.locator('[role=dialog][data-crmx-dialog]').count()).toBe(0);
    expect(await bar.locator('[data-crmx-selected-count="1"]').count()).toBe(1);
    await bar.locator('[data-crmx-batch-action=share]').click();
    const batch = page.locator('[data-crmx-dialog=batch-share]');
    await batch.locator('[data-crmx-confirm]:not([disabled])').waitFor();
    await changesNothing(page, '[data-crmx-dialog=batch-share] [data-crmx-confirm]', {
      values: { '[data-crmx-dialog=batch-share] input[type=checkbox]': 'on' },
      unchanged: async () => expect(await page.locator('[data-crmx-job]').count()).toBe(0),
    });
    expect(await page.locator('[data-crmx-job]').count()).toBe(0);
    await page.close();
  });

  it('a job\'s Undo and Cancel', async () => {
    const page = await openCustomer(s, 'KH0009');
    const bar = page.locator('[data-crmx-batch-bar]');
    const label = async (tag: string) => {
      await row(page, 'c-009').locator('input.crmx-select-box:not(:checked)').click();
      await bar.locator('[data-crmx-batch-action=addLabels]').click();
      const batch = page.locator('[data-crmx-dialog=batch-addLabels]');
      await batch.locator('#crmx-batch-tag-input').fill(tag);
      await batch.locator('#crmx-batch-tag-input').press('Enter');
      await batch.locator('[data-crmx-confirm]:not([disabled])').click();
      await batch.waitFor({ state: 'detached' });
    };
    await label('Undo-me');
    await bar.locator('[data-crmx-job-status=done] [data-crmx-undo]').waitFor({ timeout: 60_000 });
    await changesNothing(page, '[data-crmx-undo]', { unchanged: async () => expect(await page.locator('[data-crmx-job]').count()).toBe(1) });
    expect(await page.locator('[data-crmx-job]').count()).toBe(1);
    expect((await customer('c-009')).tags).toContain('Undo-me');
    const firstJob = await bar.locator('[data-crmx-job-status=done]').getAttribute('data-crmx-job');

    // A slow CRM keeps the next job running while the page tries to cancel it.
    await faults({ latencyMs: 1_500 });
    await label('Keep-me');
    await bar.locator('[data-crmx-job-status=running] [data-crmx-cancel-job], [data-crmx-job-status=queued] [data-crmx-cancel-job]').first().waitFor();
    for (const way of WAYS) expect(await drive(page, '[data-crmx-cancel-job]', way)).toBeGreaterThan(0);
    await faults({ latencyMs: 0 });
    // The bar keeps the card of the last finished job only: this job's, not the first one's.
    await bar.locator(`[data-crmx-job-status=done][aria-label="Batch add labels"]:not([data-crmx-job="${firstJob}"])`).waitFor({ timeout: 60_000 });
    expect((await customer('c-009')).tags).toContain('Keep-me');
    await page.close();
  });

  it('the file dialog\'s steps and the toast\'s Restore (as an administrator)', async () => {
    await actAs(s, 'tok-admin');
    try {
      const page = await s.openCustomers();
      await page.locator('[data-crmx-delete-file]').waitFor();
      await changesNothing(page, '[data-crmx-delete-file]', { unchanged: async () => expect(await page.locator('[role=dialog]').count()).toBe(0) });
      expect(await page.locator('[role=dialog]').count()).toBe(0);
      await page.locator('[data-crmx-delete-file]').click();
      const file = dialog(page, 'delete-by-file');
      await file.locator('input[type=file]').waitFor({ state: 'attached' });
      const { phone } = await customer('c-011');
      await changesNothing(page, '[data-crmx-dialog=delete-by-file] input[type=file]', {
        file: `Phone\n${phone}\n`,
        unchanged: async () => expect(await file.locator('[data-crmx-preview]').count()).toBe(0),
      });
      expect(await file.locator('[data-crmx-preview]').count()).toBe(0);
      await file.locator('input[type=file]').setInputFiles(fileOnDisk('phones.csv', `Phone\n${phone}\n`));
      await file.locator('[data-crmx-confirm]:not([disabled])').waitFor();
      await changesNothing(page, '[data-crmx-dialog=delete-by-file] [data-crmx-confirm]');
      expect((await api(s.crm, 'tok-admin', '/customers/c-011')).status).toBe(200);
      await page.keyboard.press('Escape');
      await file.waitFor({ state: 'detached' });

      // A real delete, then the page tries the toast's Restore.
      await page.goto(`${s.crm.url}/customers?q=KH0012`);
      await runItem(page, 'c-012', 'delete');
      await dialog(page, 'delete').locator('[data-crmx-confirm]:not([disabled])').click();
      await toast(page).locator('[data-crmx-toast-action]').waitFor();
      await changesNothing(page, '[data-crmx-toast-action]');
      expect((await api(s.crm, 'tok-admin', '/customers/c-012')).status).toBe(404);
      await page.close();
    } finally {
      await actAs(s, 'tok-rep');
    }
  });

  it('the same controls work with real clicks and typing', async () => {
    const page = await openCustomer(s, 'KH0014');
    // Star on the row, then the details' star takes it back.
    await row(page, 'c-014').locator('button.crmx-follow-star').click();
    await expect.poll(() => follows()).toContain('c-014');
    await runItem(page, 'c-014', 'view');
    await page.locator('.crmx-details-star[aria-pressed=true]').click();
    await expect.poll(() => follows()).not.toContain('c-014');
    await page.locator('.crmx-details-close').click();

    // Edit, typed and saved with Enter.
    await runItem(page, 'c-014', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-source').fill('Typed by the user');
    await edit.locator('#crmx-edit-source').press('Enter');
    await expect.poll(async () => (await customer('c-014')).source).toBe('Typed by the user');
    await edit.waitFor({ state: 'detached' });

    // Share with a person, picked with a click.
    await runItem(page, 'c-014', 'share');
    const share = dialog(page, 'share');
    await share.locator('label', { hasText: 'Đặng Minh Khoa' }).click();
    await share.locator('button[type=submit]').click();
    await expect.poll(async () => (await customer('c-014')).shares.userIds).toContain('u-csr');

    // A label job from the bar, then its Undo (the toasts, which would cover the job's buttons, closed first).
    for (let n = await toast(page).count(); n > 0; n = await toast(page).count()) await toast(page).first().locator('.crmx-toast-close').click();
    await row(page, 'c-014').locator('input.crmx-select-box').click();
    const bar = page.locator('[data-crmx-batch-bar]');
    await bar.locator('[data-crmx-batch-action=addLabels]').click();
    const batch = page.locator('[data-crmx-dialog=batch-addLabels]');
    await batch.locator('#crmx-batch-tag-input').fill('Real-user');
    await batch.locator('#crmx-batch-tag-input').press('Enter');
    await batch.locator('[data-crmx-confirm]:not([disabled])').click();
    await bar.locator('[data-crmx-job-status=done] [data-crmx-undo]').click({ timeout: 60_000 });
    await bar.locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch set labels"]').waitFor({ timeout: 60_000 });
    expect((await customer('c-014')).tags).not.toContain('Real-user');

    // Return to the pool with a typed reason.
    await runItem(page, 'c-014', 'returnToPool');
    const pool = dialog(page, 'returnToPool');
    await pool.locator('#crmx-pool-reason').fill('The customer moved away');
    await pool.getByRole('button', { name: 'Return to the pool' }).click();
    await expect.poll(async () => (await customer('c-014')).aeId).toBeNull();
    expect((await audit(s.crm, 'Back customer', 'c-014'))[0].details).toContain('The customer moved away');
    await page.close();
  });
});

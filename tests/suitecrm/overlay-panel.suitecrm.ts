// On SuiteCRM, in Chromium with the built extension: a manager batch-shares from the side panel with no SuiteCRM
// page open, and a rep works on SuiteCRM's Accounts list with the overlay in Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsWhere, route, seed } from './helpers';
import { dialog, menuItem, openMenu, overlayNotes, startOverlay, toast, type Overlay } from './overlay-helpers';

const DAY_TIME = /^\d\d\/\d\d\/\d{4} \d\d:\d\d(:\d\d)?$/;
const shares = async (ids: string[]) => (await route('admin', 'GET', `/accounts/shares?ids=${ids.join(',')}`)).body.data;

describe('the side panel on SuiteCRM, as a manager', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('manager');
  });
  afterAll(async () => o?.close());

  it('batch-shares the accounts a search finds with a person: SuiteCRM links each one, the pooled ones are not in the list', async () => {
    // "CRMX 001": CRMX 0010–0019, the manager's own and their reports' (rep1, rep2); two more in the pool, no one's.
    const matching = accountsWhere((a) => a.code.startsWith('CRMX001'));
    const found = matching.filter((a) => a.assignedUserId !== null);
    const pooled = matching.filter((a) => a.assignedUserId === null);
    expect([found.length, pooled.length]).toEqual([8, 2]);

    const panel = await o.browser.context.newPage();
    await panel.goto(`chrome-extension://${o.browser.extensionId}/sidepanel.html`);
    await panel.locator('[data-crmx-panel-q]').fill('CRMX 001');
    await panel.locator(`[data-crmx-panel-total="${found.length}"]`).waitFor();
    await panel.locator('[data-crmx-panel-select-matching]').click();
    await panel.locator(`[data-crmx-selected-count="${found.length}"]`).waitFor();
    await panel.locator('[data-crmx-batch-action=share]').click();
    const d = panel.locator('[data-crmx-dialog=batch-share]');
    await d.locator('[data-crmx-precheck=ok]').waitFor({ timeout: 30_000 });
    await d.locator('[data-crmx-group=userIds] label', { hasText: seed.users.csr.name }).click();
    await d.locator('[data-crmx-confirm]').click();

    const job = panel.locator('[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${found.length} / ${found.length} done`);
    await panel.locator('[data-crmx-panel-jobs] [data-crmx-job-status=done]').first().waitFor();

    // SuiteCRM: the person's group on each account, with one Note each; nothing on the pooled ones.
    const after = await shares(matching.map((a) => a.id));
    for (const a of found) {
      expect(after[a.id].userIds, a.name).toEqual([seed.users.csr.id]);
      expect((await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Batch Share customer'), a.name).toHaveLength(1);
    }
    for (const a of pooled) {
      expect(after[a.id].userIds, a.name).toEqual([]);
      expect(await overlayNotes(a.id), a.name).toEqual([]);
    }
    await panel.close();
  });
});

describe('the overlay on SuiteCRM in Vietnamese, as a rep', () => {
  let o: Overlay;
  const own = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id)[0];
  beforeAll(async () => {
    o = await startOverlay('rep1');
    await o.options.locator('#crmx-language').selectOption('vi');
  });
  afterAll(async () => o?.close());

  it('names the row menu\'s items and reasons, the edit form, the toast and the log in Vietnamese, days as dd/mm/yyyy', async () => {
    const page = await o.openAccounts(own.name.split(' ').slice(0, 2).join(' '));
    await openMenu(page, own.id);
    expect(await menuItem(page, 'edit').locator('.crmx-menu-label').textContent()).toBe('Sửa');
    expect(await menuItem(page, 'returnToPool').locator('.crmx-menu-label').textContent()).toBe('Trả về kho');
    expect(await menuItem(page, 'delete').locator('.crmx-menu-reason').textContent()).toMatch(/^Chỉ quản trị viên/);
    await menuItem(page, 'edit').click();
    const edit = dialog(page, 'edit');
    await expect(edit.locator('label[for=crmx-edit-phone]').textContent()).resolves.toBe('Số điện thoại');
    await edit.locator('#crmx-edit-phone').fill('+84 28 3999 0001');
    await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
    await toast(page).filter({ hasText: `Đã lưu ${own.name}.` }).waitFor();
    await edit.waitFor({ state: 'detached' });

    await openMenu(page, own.id);
    await menuItem(page, 'log').click();
    const log = dialog(page, 'log');
    const types = () => log.locator('.crmx-timeline-type').allTextContents();
    await expect.poll(types).toContain('Sửa khách hàng');
    for (const time of await log.locator('.crmx-timeline-time').allTextContents()) expect(time).toMatch(DAY_TIME);
    await expect(log.locator('#crmx-log-from').getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
    await page.close();
  });
});

// Issue 18, points 6 and 7, in Chromium, English and Vietnamese. One target picker in the single share, batch share
// and batch cancel sharing dialogs, on the CRM page at 1280 px and in the side panel at 360 and 420 px: the same
// words, a full-width search under its label, no horizontal scroll, every name and e-mail whole (a colleague with a
// long Vietnamese name and a long address is added to the seed). Destructive actions look it and say what they
// take: set labels apart from add labels, cancel sharing and batch delete in the danger style (its contrast at
// least 4.5:1, axe finds nothing), "Keep sharing" beside "Cancel sharing", and a return to the pool that tells a
// rep they will lose the customer and an administrator that it stays.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs, axeViolations, dialog, row, runItem } from './overlay-helpers';

const LONG_NAME = 'Bùi Đức Thịnh Trường Giang Nguyễn Hoàng Phương';
const LONG_EMAIL = 'bui.duc.thinh.truong.giang.nguyen.hoang.phuong@chi-nhanh-mien-nam.crm.example';

function seed(): object {
  const basic = JSON.parse(readFileSync('tests/fixtures/seed-basic.json', 'utf8')) as { users: object[] };
  basic.users.push({ id: 'u-long', name: LONG_NAME, email: LONG_EMAIL, departmentId: 'd-cs', roleId: 'r-csr', managerId: 'u-admin', token: 'tok-long' });
  return basic;
}

const WORDS = {
  en: {
    picker: { search: 'Search departments, roles and people', groups: ['Departments', 'Roles', 'People'] },
    keepSharing: 'Keep sharing', cancel: 'Cancel',
    setTitle: 'Set labels: replace the current labels', addTitle: 'Add labels: keep the current labels',
    setConfirm: 'Replace the labels of 2 customers', addConfirm: 'Add labels to 2 customers',
    loses: 'You will lose this customer', keeps: 'It stays in your list',
  },
  vi: {
    picker: { search: 'Tìm phòng ban, vai trò và người dùng', groups: ['Phòng ban', 'Vai trò', 'Người dùng'] },
    keepSharing: 'Giữ chia sẻ', cancel: 'Hủy',
    setTitle: 'Gán nhãn: thay thế nhãn hiện có', addTitle: 'Thêm nhãn: giữ nhãn hiện có',
    setConfirm: 'Thay nhãn của 2 khách hàng', addConfirm: 'Thêm nhãn cho 2 khách hàng',
    loses: 'Bạn sẽ mất khách hàng này', keeps: 'Khách hàng vẫn ở trong danh sách của bạn',
  },
} as const;

/** How the picker in `box` is laid out, measured in the browser. */
function pickerLayout(box: Locator) {
  return box.locator('[data-crmx-target-picker]').evaluate((picker) => {
    const rect = (e: Element) => e.getBoundingClientRect();
    const groups = picker.querySelector('.crmx-target-groups')!;
    const search = picker.querySelector('input[type=search]')!;
    const label = picker.querySelector('label.crmx-target-search-label')!;
    const frame = picker.closest('[role=dialog]')!;
    const list = rect(groups);
    const cut: string[] = [];
    for (const el of picker.querySelectorAll('.crmx-target-name, .crmx-target-detail')) {
      const b = rect(el);
      if (el.scrollWidth > el.clientWidth || b.left < list.left - 0.5 || b.right > list.right + 0.5) cut.push(el.textContent ?? '');
    }
    return {
      scrollsSideways: [picker, groups, frame, document.documentElement].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.className || e.localName),
      cut,
      searchFullWidth: rect(search).width >= picker.clientWidth - 1,
      labelAbove: rect(label).bottom <= rect(search).top + 0.5,
      dialogInWindow: rect(frame).left >= 0 && rect(frame).right <= innerWidth,
      people: [...picker.querySelectorAll('[data-crmx-group=userIds] .crmx-target-option label')].map((l) => [...l.children].map((c) => c.textContent)),
      words: { search: label.textContent, groups: [...picker.querySelectorAll('legend')].map((l) => l.textContent) },
    };
  });
}

async function expectGoodPicker(box: Locator, language: keyof typeof WORDS): Promise<void> {
  await box.locator('[data-crmx-target-picker] [data-crmx-group=userIds] input').first().waitFor();
  const layout = await pickerLayout(box);
  expect(layout.words).toEqual(WORDS[language].picker);
  expect(layout.scrollsSideways).toEqual([]);
  expect(layout.cut).toEqual([]);
  expect(layout).toMatchObject({ searchFullWidth: true, labelAbove: true, dialogInWindow: true });
  expect(layout.people).toContainEqual([LONG_NAME, `${LONG_EMAIL} · Customer service`]);
}

/** WCAG contrast of the confirm button's text on its background, and its class. */
async function confirmLook(box: Locator): Promise<{ className: string; contrast: number }> {
  const button = box.locator('[data-crmx-confirm]:not([disabled])');
  const { className, color, background } = await button.evaluate((b) => ({ className: b.className, color: getComputedStyle(b).color, background: getComputedStyle(b).backgroundColor }));
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a);
  return { className, contrast: (hi + 0.05) / (lo + 0.05) };
}

/** Ticks a row's box, as a user would: its controls are drawn once the row is near the view. */
async function select(page: Page, id: string): Promise<void> {
  await row(page, id).scrollIntoViewIfNeeded();
  await row(page, id).locator('input.crmx-select-box').click();
}

async function closeDialog(page: Page, box: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });
}

describe('the share target picker and destructive actions', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: seed(), token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  describe.each(['en', 'vi'] as const)('in %s', (language) => {
    const words = WORDS[language];
    beforeAll(async () => {
      await actAs(s, 'tok-rep');
      await options.locator('#crmx-language').selectOption(language);
    });

    it('on the CRM page at 1280 px: one picker in share, batch share and cancel sharing; set labels, cancel sharing look destructive', async () => {
      const page = await s.openCustomers('?pageSize=100');
      await page.setViewportSize({ width: 1280, height: 800 });

      await runItem(page, 'c-001', 'share');
      const single = dialog(page, 'share');
      await expectGoodPicker(single, language);
      await closeDialog(page, single);

      for (const id of ['c-001', 'c-002']) await select(page, id);
      const bar = page.locator('[data-crmx-batch-bar]');
      await bar.locator('[data-crmx-selected-count="2"]').waitFor();

      await bar.locator('[data-crmx-batch-action=share]').click();
      const share = dialog(page, 'batch-share');
      await expectGoodPicker(share, language);
      expect((await confirmLook(share)).className).toBe('crmx-primary');
      await expect(share.locator('[data-crmx-dismiss]').textContent()).resolves.toBe(words.cancel);
      await closeDialog(page, share);

      await bar.locator('[data-crmx-batch-action=cancelShare]').click();
      const cancel = dialog(page, 'batch-cancelShare');
      await cancel.locator('[data-crmx-takes]').waitFor();
      const cancelLook = await confirmLook(cancel);
      expect(cancelLook.className).toBe('crmx-danger');
      expect(cancelLook.contrast).toBeGreaterThanOrEqual(4.5);
      await expect(cancel.locator('[data-crmx-dismiss]').textContent()).resolves.toBe(words.keepSharing);
      expect(await axeViolations(page, '[data-crmx-dialog=batch-cancelShare]', 'crmx-batch-bar')).toEqual([]);
      await cancel.locator('input[name=crmx-cancel-mode]').nth(1).check();
      await expectGoodPicker(cancel, language);
      await closeDialog(page, cancel);

      await bar.locator('[data-crmx-batch-action=setLabels]').click();
      const set = dialog(page, 'batch-setLabels');
      await expect(set.locator('h2').textContent()).resolves.toBe(words.setTitle);
      const setLook = await confirmLook(set);
      expect(setLook.className).toBe('crmx-danger');
      expect(setLook.contrast).toBeGreaterThanOrEqual(4.5);
      await expect(set.locator('[data-crmx-confirm]').textContent()).resolves.toBe(words.setConfirm);
      expect(await set.locator('[data-crmx-takes]').textContent()).toBeTruthy();
      expect(await axeViolations(page, '[data-crmx-dialog=batch-setLabels]', 'crmx-batch-bar')).toEqual([]);
      await closeDialog(page, set);

      await bar.locator('[data-crmx-batch-action=addLabels]').click();
      const add = dialog(page, 'batch-addLabels');
      await expect(add.locator('h2').textContent()).resolves.toBe(words.addTitle);
      expect((await confirmLook(add)).className).toBe('crmx-primary');
      await expect(add.locator('[data-crmx-confirm]').textContent()).resolves.toBe(words.addConfirm);
      expect(await add.locator('[data-crmx-takes]').count()).toBe(0);
      await closeDialog(page, add);
      await page.close();
    });

    it.each([360, 420])('in the side panel at %i px: the same picker, nothing scrolls sideways, every name whole', async (width) => {
      const panel = await s.browser.context.newPage();
      await panel.setViewportSize({ width, height: 760 });
      await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
      await panel.locator('[data-crmx-panel-select-matching]').click();
      await panel.locator('[data-crmx-batch-bar] [data-crmx-selected-count]').waitFor();

      await panel.locator('[data-crmx-batch-action=share]').click();
      const share = panel.locator('[role=dialog][data-crmx-dialog=batch-share]');
      await expectGoodPicker(share, language);
      await closeDialog(panel, share);

      await panel.locator('[data-crmx-batch-action=cancelShare]').click();
      const cancel = panel.locator('[role=dialog][data-crmx-dialog=batch-cancelShare]');
      await cancel.locator('input[name=crmx-cancel-mode]').nth(1).check();
      await expectGoodPicker(cancel, language);
      expect((await confirmLook(cancel)).contrast).toBeGreaterThanOrEqual(4.5);
      await closeDialog(panel, cancel);
      await panel.close();
    });

    it('a return to the pool tells the rep they lose the customer, an administrator that it stays; batch delete looks like delete', async () => {
      const page = await s.openCustomers('?pageSize=100');
      await runItem(page, 'c-001', 'returnToPool');
      const back = dialog(page, 'returnToPool');
      await back.locator('[data-crmx-pool-takes=loses]').getByText(words.loses).waitFor();
      expect(await back.locator('button[type=submit]').getAttribute('class')).toBe('crmx-danger');
      await closeDialog(page, back);
      await page.close();

      await actAs(s, 'tok-admin');
      const admin = await s.openCustomers('?pageSize=100');
      await runItem(admin, 'c-059', 'returnToPool');
      const stays = dialog(admin, 'returnToPool');
      await stays.locator('[data-crmx-pool-takes=keeps]').getByText(words.keeps).waitFor();
      await closeDialog(admin, stays);

      for (const id of ['c-059', 'c-060']) await select(admin, id);
      await admin.locator('[data-crmx-batch-bar] [data-crmx-batch-action=delete]').click();
      const remove = dialog(admin, 'batch-delete');
      const look = await confirmLook(remove);
      expect(look.className).toBe('crmx-danger');
      expect(look.contrast).toBeGreaterThanOrEqual(4.5);
      expect(await axeViolations(admin, '[data-crmx-dialog=batch-delete]', 'crmx-batch-bar')).toEqual([]);
      await closeDialog(admin, remove);

      // The single delete: the same class, so the same look.
      await runItem(admin, 'c-060', 'delete');
      const single = dialog(admin, 'delete');
      expect((await confirmLook(single)).className).toBe('crmx-danger');
      await closeDialog(admin, single);
      await admin.close();
    });
  });
});

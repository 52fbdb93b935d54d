// Every surface of ours a user can meet, opened the way a user opens it, one after another: the CRM page with
// the overlay, the row menu, details, each row dialog, the batch bar and each batch dialog, a finished job,
// delete from a file (preview, progress, errors), the pool, the Followed tab, the side panel and the options
// page, each with its sign-out confirmation. `visit` is called once each is on screen and settled; the accessibility test runs axe there, the
// screenshots script takes its picture. Selectors name no words, so the walk runs in either language.
import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFaults } from '../harness/crm';
import type { Scenario } from '../harness/scenario';
import { dialog, fileOnDisk, menu, menuItem, openMenu, row } from './overlay-helpers';

export type Role = 'rep' | 'admin';
export type Language = 'en' | 'vi';

/** What is shown: its name, the page, and the part of it that is ours (null: the whole page). */
export type Visit = (name: string, page: Page, shown: Locator | null) => Promise<void>;

const LOADING = /Loading…|Đang tải…/;
const JOB_WAIT = { timeout: 60_000 };

/** The customers each role opens the row dialogs on: their own (the rep's AE customer; one the admin may edit). */
export const SUBJECT: Record<Role, string> = { rep: 'c-001', admin: 'c-059' };
const CODE: Record<string, string> = { 'c-001': 'KH0001', 'c-059': 'KH0059' };

/** What says a row dialog has its content (the existing a11y test's choices). */
const READY: Record<string, string> = {
  edit: '#crmx-edit-csrId', delete: '[data-crmx-confirm]', returnToPool: '#crmx-pool-reason',
  share: '[data-crmx-group=userIds] input[type=checkbox]', log: '#crmx-log-type',
};

async function settled(where: Locator): Promise<void> {
  await where.locator('[role=status]').filter({ hasText: LOADING }).first().waitFor({ state: 'detached' });
}

/**
 * A confirmation that will act arms once it has been seen for a moment (components/confirm-guard.ts): it is
 * judged armed, as the user meets it (axe passes over a disabled button's colours).
 */
async function armed(open: Locator, willAct: boolean): Promise<void> {
  if (willAct) await open.locator('[data-crmx-confirm]:not([disabled])').waitFor();
}

/** Sets the UI language on the options page (the setting every page of ours follows). */
export async function chooseLanguage(s: Scenario, language: Language): Promise<void> {
  const options = await s.browser.context.newPage();
  await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  await options.locator('#crmx-language').selectOption(language);
  await options.locator(`main[lang=${language}]`).waitFor();
  await options.close();
}

export async function closeDialog(page: Page, open: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await open.waitFor({ state: 'detached' });
}

/** The CRM page, the row menu, details and every row dialog the user may open. */
export async function walkRow(s: Scenario, role: Role, visit: Visit): Promise<void> {
  const page = await s.openCustomers('?pageSize=20');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('button.crmx-row-menu-button').first().waitFor();
  await page.locator('crmx-views [data-crmx-view=followed]').waitFor();
  await visit('page', page, null);

  // The first row's menu: a rep meets refused items with their reasons (delete is an administrator's).
  const first = (await page.locator('#customer-table > tbody > tr.dt-row td.col-name a').first().getAttribute('href'))!.split('/').pop()!;
  await openMenu(page, first);
  await visit('row-menu', page, menu(page));
  await page.keyboard.press('Escape');
  await menu(page).waitFor({ state: 'detached' });

  const id = SUBJECT[role];
  const one = await s.openCustomers(`?q=${CODE[id]}`);
  await one.setViewportSize({ width: 1280, height: 720 });
  await row(one, id).locator('button.crmx-row-menu-button').waitFor();
  await row(one, id).locator('td.col-code').click();
  const details = one.locator('.crmx-details');
  await details.locator('[data-crmx-field=code] dd').waitFor();
  await settled(details);
  await visit('details', one, details);
  await one.keyboard.press('Escape');
  await details.waitFor({ state: 'detached' });

  await openMenu(one, id);
  const enabled = await menu(one).locator('[role=menuitem]:not([aria-disabled=true])').evaluateAll((items) =>
    items.map((i) => i.getAttribute('data-crmx-item')!));
  await one.keyboard.press('Escape');
  await menu(one).waitFor({ state: 'detached' });
  for (const kind of Object.keys(READY)) {
    if (!enabled.includes(kind)) continue;
    await openMenu(one, id);
    await menuItem(one, kind).click();
    const open = dialog(one, kind);
    await open.locator(READY[kind]).first().waitFor();
    await settled(open);
    await armed(open, kind === 'delete');
    await visit(`dialog-${kind}`, one, open);
    await closeDialog(one, open);
  }
  await one.close();
  await page.close();
}

/** The batch bar with a selection, each batch dialog, and a finished job. */
export async function walkBatch(s: Scenario, visit: Visit): Promise<void> {
  const page = await s.openCustomers('?pageSize=20');
  await page.setViewportSize({ width: 1280, height: 720 });
  const boxes = page.locator('input.crmx-select-box');
  await boxes.first().waitFor();
  for (const i of [0, 1, 2]) await boxes.nth(i).click();
  const bar = page.locator('[data-crmx-batch-bar]');
  await bar.locator('[data-crmx-selected-count="3"]').waitFor();
  await visit('batch-bar', page, bar);

  const actions = await bar.locator('[data-crmx-batch-action]').evaluateAll((buttons) =>
    buttons.map((b) => b.getAttribute('data-crmx-batch-action')!));
  for (const action of actions) {
    await bar.locator(`[data-crmx-batch-action=${action}]`).click();
    const open = dialog(page, `batch-${action}`);
    await open.locator('[data-crmx-precheck]').waitFor();
    await settled(open);
    await armed(open, await open.locator('[data-crmx-precheck=ok]').count() > 0);
    await visit(`batch-${action}`, page, open);
    await closeDialog(page, open);
  }

  // A finished job, its errors opened (one of the three may be refused to this user, or none).
  await bar.locator('[data-crmx-batch-action=follow]').click();
  const follow = dialog(page, 'batch-follow');
  await follow.locator('[data-crmx-precheck]').waitFor();
  await follow.locator('[data-crmx-confirm]').click();
  const job = bar.locator('[data-crmx-job][data-crmx-job-status=done]').last();
  await job.waitFor(JOB_WAIT);
  await visit('batch-job-done', page, bar);
  await page.close();
}

/** Delete from a file (an administrator's): the empty dialog, the preview, the progress, the errors. */
export async function walkDeleteFromFile(s: Scenario, visit: Visit): Promise<void> {
  const page = await s.openCustomers('?pageSize=20');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('[data-crmx-delete-file]').click();
  const open = dialog(page, 'delete-by-file');
  await open.locator('input[type=file]').waitFor();
  await visit('delete-file', page, open);

  const seed = JSON.parse(readFileSync(resolve('tests/fixtures/seed-basic.json'), 'utf8')) as { customers: { id: string; phone: string }[] };
  const phone = (id: string) => seed.customers.find((c) => c.id === id)!.phone;
  const csv = ['Phone,Name', `${phone('c-058')},A`, `${phone('c-057')},B`, '0999 000 111,Nobody', 'not a number,Bad', `${phone('c-058')},Again`].join('\n');
  await open.locator('input[type=file]').setInputFiles(fileOnDisk('customers-to-delete.csv', csv));
  await open.locator('[data-crmx-preview]').waitFor();
  await armed(open, true);
  await visit('delete-file-preview', page, open);

  await setFaults(s.crm, { latencyMs: 1500 });
  try {
    await open.locator('[data-crmx-confirm]').click();
    const running = open.locator('[data-crmx-job]:not([data-crmx-job-status=done])');
    await running.waitFor(JOB_WAIT);
    await visit('delete-file-progress', page, open);
  } finally {
    await setFaults(s.crm, { latencyMs: 0 });
  }
  const done = open.locator('[data-crmx-job][data-crmx-job-status=done]');
  await done.waitFor(JOB_WAIT);
  await done.locator('[data-crmx-figures] button').click();
  await done.locator('[data-crmx-error-item]').first().waitFor();
  await visit('delete-file-errors', page, open);
  await page.close();
}

/** The pool (for a member of one) and the Followed tab. */
export async function walkViews(s: Scenario, visit: Visit): Promise<void> {
  const page = await s.openCustomers('?pageSize=20');
  await page.setViewportSize({ width: 1280, height: 720 });
  const poolButton = page.locator('[data-crmx-pool-open]');
  await page.locator('crmx-views [data-crmx-view=followed]').waitFor();
  if (await poolButton.count()) {
    await poolButton.click();
    const pool = dialog(page, 'pool');
    await pool.waitFor();
    await settled(pool);
    await visit('pool', page, pool);
    await closeDialog(page, pool);
  }
  await page.locator('crmx-views [data-crmx-view=followed]').click();
  await page.locator('[data-crmx-followed-range], [data-crmx-followed-empty]').first().waitFor();
  await visit('followed', page, null);
  await page.close();
}

/** The side panel (its search, a selection and a batch dialog) and the options page. */
export async function walkExtensionPages(s: Scenario, visit: Visit): Promise<void> {
  const panel = await s.browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 720 });
  await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
  // The search lists from the cache, filled by a sync after the switch of user.
  await panel.locator('.crmx-panel-results input.crmx-select-box').first().waitFor(JOB_WAIT);
  await settled(panel.locator('main'));
  await visit('side-panel', panel, null);
  await panel.locator('[data-crmx-select-shown]').click();
  const bar = panel.locator('[data-crmx-batch-bar]');
  await bar.locator('[data-crmx-selected-count]:not([data-crmx-selected-count="0"])').waitFor();
  await bar.locator('[data-crmx-batch-action=share]').click();
  const share = dialog(panel, 'batch-share');
  await share.locator('[data-crmx-precheck]').waitFor();
  await visit('side-panel-share', panel, null);
  await closeDialog(panel, share);
  // The sign-out confirmation (issue 20 point 3), left with "Stay signed in".
  await panel.locator('#crmx-sign-out').click();
  const panelSignOut = dialog(panel, 'sign-out');
  await panelSignOut.locator('.crmx-danger').waitFor();
  await visit('side-panel-sign-out', panel, null);
  await closeDialog(panel, panelSignOut);
  await panel.close();

  const options = await s.browser.context.newPage();
  await options.setViewportSize({ width: 1280, height: 720 });
  await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  await options.locator('#crmx-connection-status').filter({ hasText: /\S/ }).waitFor();
  await visit('options', options, null);
  await options.locator('#crmx-sign-out').click();
  const signOut = dialog(options, 'sign-out');
  await signOut.locator('.crmx-danger').waitFor();
  await visit('options-sign-out', options, null);
  await closeDialog(options, signOut);
  await options.close();
}

/** Runs axe-core on the page (with the open shadow roots it walks): every violation in something of ours. */
export async function ourViolations(page: Page, wholePage: boolean): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated rather than added as a script tag: our extension pages' policy refuses inline scripts.
  if (!loaded) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  // On the CRM's page, only what is in our roots (crmx-…) is ours; the host page is not.
  return found.flatMap((v) => {
    const targets = wholePage ? v.targets : v.targets.filter((t) => t.includes('crmx'));
    return targets.length ? [`${v.id} (${v.impact}): ${v.help} ${targets.join(' ')}`] : [];
  });
}

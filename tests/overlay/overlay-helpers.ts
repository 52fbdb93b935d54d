// Locators and steps shared by the overlay's end-to-end tests (Playwright pierces our open shadow roots).
import type { Locator, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CrmProcess } from '../harness/crm';
import { api } from '../harness/crm';
import { connectExtension, signInToHost } from '../harness/connect';
import type { Scenario } from '../harness/scenario';

export const row = (page: Page, id: string): Locator => page.locator(`#customer-table > tbody > tr.dt-row:has(td.col-name a[href="/customers/${id}"])`);
export const menu = (page: Page): Locator => page.locator('[role=menu].crmx-menu');
export const menuItem = (page: Page, item: string): Locator => menu(page).locator(`[role=menuitem][data-crmx-item=${item}]`);
export const dialog = (page: Page, kind: string): Locator => page.locator(`[role=dialog][data-crmx-dialog=${kind}]`);
export const toast = (page: Page): Locator => page.locator('[data-crmx-toast]');

/** Opens the customer page filtered to one customer (by a code or name only it has) and waits for its row's menu button. */
export async function openCustomer(s: Scenario, code: string): Promise<Page> {
  const page = await s.openCustomers(`?q=${encodeURIComponent(code)}`);
  await page.getByText('Showing 1–1 of 1').waitFor();
  await page.locator('button.crmx-row-menu-button').first().waitFor();
  return page;
}

/** Opens the row's [···] menu and waits until the decisions have arrived. */
export async function openMenu(page: Page, id: string): Promise<void> {
  // As a user would: a row far down the page gets its controls when it comes near the view.
  await row(page, id).scrollIntoViewIfNeeded();
  await row(page, id).locator('button.crmx-row-menu-button').click();
  await menu(page).and(page.locator(':not([aria-busy])')).waitFor();
}

export async function runItem(page: Page, id: string, item: string): Promise<void> {
  await openMenu(page, id);
  await menuItem(page, item).click();
}

/** Switches the extension and the host page to another user of the same CRM. */
export async function actAs(s: Scenario, token: string): Promise<void> {
  await connectExtension(s.browser, s.crm.url, token);
  await signInToHost(s.browser, s.crm.url, token);
}

export interface AuditEntry { id: string; type: string; customerId: string; details: string; changes: { field: string; before: unknown; after: unknown }[] }
export async function audit(crm: CrmProcess, type: string, customerId: string): Promise<AuditEntry[]> {
  const { body } = await api<{ items: AuditEntry[] }>(crm, 'tok-admin', `/audit?type=${encodeURIComponent(type)}&customerId=${customerId}&limit=50`);
  return body.items;
}

/** Runs axe-core against the page, limited to our UI (axe walks open shadow roots). */
export async function axeViolations(page: Page, selector: string, hostName = 'crmx-overlay'): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async ([sel, hostTag]) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const host = document.querySelector(hostTag);
    if (!host?.shadowRoot?.querySelector(sel)) throw new Error(`nothing matches ${sel} in ${hostTag}`);
    const result = await axe.run({ include: [{ fromShadowDom: [hostTag, sel] }] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
  }, [selector, hostName] as const);
}

// Our controls hear only events a real user makes (lib/ui/trusted-events.ts). Playwright's
// selectOption, fill on a date field and setInputFiles with a buffer set values from a script, so these
// steps go through the keyboard and a file on disk instead, as a user would.

/** Chooses the option whose value is `value` with the arrow keys. */
export async function chooseOption(select: Locator, value: string): Promise<void> {
  await select.focus();
  await select.press('Home');
  const count = await select.locator('option').count();
  for (let i = 0; i < count && (await select.inputValue()) !== value; i += 1) await select.press('ArrowDown');
  if ((await select.inputValue()) !== value) throw new Error(`no option ${value}`);
}

/**
 * Types an ISO date (yyyy-mm-dd) into one of our day fields, as dd/mm/yyyy (the order the UI language
 * writes, whatever the browser's locale; components/DateField.tsx), and leaves the field so it applies.
 */
export async function typeDate(input: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const shown = `${day}/${month}/${year}`;
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(shown);
  await input.press('Enter');
  if ((await input.inputValue()) !== shown) throw new Error(`the date field shows ${await input.inputValue()}, not ${shown}`);
}

/** A file on disk with these bytes, for setInputFiles (a buffer is handed over by a script, a path by the browser). */
export function fileOnDisk(name: string, bytes: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'crmx-file-')), name);
  writeFileSync(path, bytes);
  return path;
}

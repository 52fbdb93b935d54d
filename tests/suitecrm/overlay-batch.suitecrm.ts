// Batch actions on SuiteCRM's own Accounts list, in Chromium with the built extension as rep1: cancel sharing
// ("All", and only the chosen department and user) and add labels typed with Enter. Checked afterwards in
// SuiteCRM's records: the accounts' Security Groups relationship (the package's contract, Shares.php: "all"
// removes every department, role and user share, only a pool stays), their crm_labels_c and the overlay's
// Notes, one per account; and in SuiteCRM's own Security Groups subpanel.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../lib/crm-client/suitecrm/v8';
import { accountsWhere, route, seed } from './helpers';
import {
  account, batchBar, dialog, overlayNotes, row, securityGroups, startOverlay, suiteCrmDetailView, suiteCrmSubpanel, type Overlay,
} from './overlay-helpers';
import type { SeedAccount } from './seed';

const byCode = (code: string) => accountsWhere((a) => a.code === code)[0];
/** rep1's accounts, each shared before the test with South, the Service role and Cara Service. */
const cancelAll = [byCode('CRMX0021'), byCode('CRMX0022')];
const cancelChosen = [byCode('CRMX0026'), byCode('CRMX0027')];
const SHARED = { departmentIds: [seed.groups.south], roleIds: [seed.roles.service], userIds: [seed.users.csr.id] };
const NOTE_CANCEL = '[CRM overlay] Batch Cancel Share customer';

/** How many Security Groups the account's subpanel in SuiteCRM's detail view lists, as its pager says it ("(1 - 4 of 4)"). */
async function securityGroupsListed(detail: Page): Promise<string> {
  const pager = (await suiteCrmSubpanel(detail, 'securitygroups')).locator('.pageNumbers');
  await pager.waitFor();
  return ((await pager.textContent()) ?? '').trim();
}

/** A Note's text as the connector wrote it (V8 answers it HTML-encoded). */
const noteBody = (description: string) => JSON.parse(decodeEntities(description));

/** The Security Group SuiteCRM keeps for a role's or a user's shares (the package makes it on the first share). */
async function groupOf(kind: 'role' | 'user', refId: string): Promise<string> {
  const groups = (await route('admin', 'GET', '/org')).body.data.groups as { id: string; kind: string; ref_id: string }[];
  const found = groups.find((g) => g.kind === kind && g.ref_id === refId);
  if (!found) throw new Error(`no ${kind} group for ${refId}`);
  return found.id;
}

/** Ticks our boxes on the rows of `chosen` in SuiteCRM's list and opens the batch action's dialog. */
async function openBatch(page: Page, chosen: SeedAccount[], action: string) {
  for (const a of chosen) await row(page, a.id).locator('input.crmx-select-box').click();
  await batchBar(page).locator(`[data-crmx-selected-count="${chosen.length}"]`).waitFor();
  await batchBar(page).locator(`[data-crmx-batch-action=${action}]`).click();
  const d = dialog(page, `batch-${action}`);
  await d.locator('[data-crmx-precheck=ok]').waitFor();
  expect((await d.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).sort())
    .toEqual(chosen.map((a) => a.id).sort());
  return d;
}

async function finished(page: Page, kind: string, count: number) {
  const job = batchBar(page).locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="${kind}"]`);
  await job.waitFor({ timeout: 60_000 });
  expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${count} / ${count} done`);
}

describe('batch actions on SuiteCRM\'s Accounts list, as a rep', () => {
  let o: Overlay;
  let roleGroup: string;
  let userGroup: string;
  beforeAll(async () => {
    // Shared through the package's routes before the overlay's first sync, as the rep would have shared them.
    for (const a of [...cancelAll, ...cancelChosen]) {
      const r = await route('rep1', 'POST', `/accounts/${a.id}/shares`, SHARED);
      if (r.status !== 200) throw new Error(`share ${a.code}: HTTP ${r.status}`);
    }
    roleGroup = await groupOf('role', seed.roles.service);
    userGroup = await groupOf('user', seed.users.csr.id);
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  const everyShare = () => [seed.groups.north, seed.groups.south, roleGroup, userGroup].sort();

  it('cancels every share of the selected accounts ("All"): SuiteCRM keeps no Security Group on them, one Note each', async () => {
    for (const a of [...cancelAll, ...cancelChosen]) expect((await securityGroups(a.id)).sort(), a.code).toEqual(everyShare());
    const shown = await suiteCrmDetailView(o, cancelAll[0].id);
    expect(await securityGroupsListed(shown)).toBe('(1 - 4 of 4)');
    await shown.close();
    const page = await o.openAccounts('CRMX 002');
    const d = await openBatch(page, cancelAll, 'cancelShare');
    // "All" is the default: no department, role or user to pick.
    expect(await d.locator('input[name=crmx-cancel-mode]').first().isChecked()).toBe(true);
    expect(await d.locator('[data-crmx-group=departmentIds]').count()).toBe(0);
    await d.locator('[data-crmx-confirm]').click();
    await finished(page, 'Cancel sharing in batch', cancelAll.length);
    await page.close();

    for (const a of cancelAll) {
      // The department the account came with is a share like the others (the model has no "own" department).
      expect(await securityGroups(a.id), a.code).toEqual([]);
      expect((await account(a.id)).assigned_user_id, a.code).toBe(seed.users.rep1.id);
      const notes = (await overlayNotes(a.id)).filter((n) => n.name === NOTE_CANCEL);
      expect(notes, a.code).toHaveLength(1);
      expect(noteBody(notes[0].description).changes[0].after, a.code).toEqual({ departmentIds: [], roleIds: [], userIds: [] });
    }
    // The accounts not selected are untouched.
    for (const a of cancelChosen) expect((await securityGroups(a.id)).sort(), a.code).toEqual(everyShare());
    for (const a of cancelChosen) expect((await overlayNotes(a.id)).filter((n) => n.name === NOTE_CANCEL), a.code).toEqual([]);

    // SuiteCRM's own screens: the account's Security Groups subpanel lists none of them any more.
    const detail = await suiteCrmDetailView(o, cancelAll[0].id);
    expect(await securityGroupsListed(detail)).toBe('(0 - 0 of 0)');
    await detail.close();
  });

  it('cancels only the chosen department and user: the account\'s department and the role share remain, one Note each; none where nothing was shared', async () => {
    // With them, an account the first batch left without shares: nothing to cancel there, so nothing logged (as the reference CRM).
    const untouched = cancelAll[0];
    const page = await o.openAccounts('CRMX 002');
    const d = await openBatch(page, [...cancelChosen, untouched], 'cancelShare');
    await d.locator('input[name=crmx-cancel-mode]').nth(1).check();
    await d.locator('[data-crmx-group=departmentIds] label', { hasText: 'CRMX Dept South' }).click();
    await d.locator('[data-crmx-group=userIds] label', { hasText: 'Cara Service' }).click();
    await d.locator('[data-crmx-confirm]').click();
    await finished(page, 'Cancel sharing in batch', cancelChosen.length + 1);
    await page.close();

    for (const a of cancelChosen) {
      expect((await securityGroups(a.id)).sort(), a.code).toEqual([seed.groups.north, roleGroup].sort());
      const notes = (await overlayNotes(a.id)).filter((n) => n.name === NOTE_CANCEL);
      expect(notes, a.code).toHaveLength(1);
      expect(noteBody(notes[0].description).changes, a.code).toEqual([{
        field: 'shares',
        before: { departmentIds: [seed.groups.north, seed.groups.south].sort(), roleIds: [seed.roles.service], userIds: [seed.users.csr.id] },
        after: { departmentIds: [seed.groups.north], roleIds: [seed.roles.service], userIds: [] },
      }]);
    }
    // The account with nothing to cancel: still no share, and only the first batch's Note.
    expect(await securityGroups(untouched.id)).toEqual([]);
    for (const a of cancelAll) expect((await overlayNotes(a.id)).filter((n) => n.name === NOTE_CANCEL), a.code).toHaveLength(1);

    const detail = await suiteCrmDetailView(o, cancelChosen[0].id);
    expect(await securityGroupsListed(detail)).toBe('(1 - 2 of 2)');
    const groups = await suiteCrmSubpanel(detail, 'securitygroups');
    await groups.getByText(/CRMX Dept North/).waitFor();
    await groups.getByText(/Role: CRMX Service/).waitFor();
    expect(await groups.getByText(/CRMX Dept South/).count()).toBe(0);
    expect(await groups.getByText(/User: Cara Service/).count()).toBe(0);
    await detail.close();
  });

  it('adds new labels typed with Enter to the selected accounts: their labels kept, the new ones added, one Note each', async () => {
    const chosen = [byCode('CRMX0001'), byCode('CRMX0002'), byCode('CRMX0007')];
    const labelsOf = async (id: string) => JSON.parse((await account(id)).crm_labels_c || '[]') as string[];
    const before = new Map<string, string[]>();
    for (const a of chosen) before.set(a.id, await labelsOf(a.id));
    // The seed gave two of them "vip", one none.
    expect(chosen.map((a) => before.get(a.id))).toEqual([['vip'], [], ['vip']]);

    const page = await o.openAccounts('CRMX 000');
    const d = await openBatch(page, chosen, 'addLabels');
    for (const tag of ['Khách VIP', 'Q4']) {
      await d.locator('#crmx-batch-tag-input').pressSequentially(tag);
      await d.locator('#crmx-batch-tag-input').press('Enter');
      await d.locator('[data-crmx-tags] li', { hasText: tag }).waitFor();
    }
    await d.locator('[data-crmx-confirm]').click();
    await finished(page, 'Batch add labels', chosen.length);
    await page.close();

    for (const a of chosen) {
      expect(await labelsOf(a.id), a.code).toEqual([...before.get(a.id)!, 'Khách VIP', 'Q4']);
      const notes = (await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Batch Add Labels customer');
      expect(notes, a.code).toHaveLength(1);
    }
    // SuiteCRM's own screens: the Note in the account's History subpanel.
    const detail = await suiteCrmDetailView(o, chosen[0].id);
    const history = await suiteCrmSubpanel(detail, 'history');
    await history.getByText('[CRM overlay] Batch Add Labels customer').waitFor();
    await detail.close();
  });
});

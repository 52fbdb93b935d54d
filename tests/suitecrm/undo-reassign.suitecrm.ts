// Issue 20's undo of a batch delete and mass reassignment on the real SuiteCRM 7.14. The connector's
// batchReassign (the AE = the assigned user, the CSR = crm_csr_id_c) and batchRestore, each checked in
// SuiteCRM's own records through V8 and SQL: the account holds what was set, one overlay Note per change, a
// stale `from` is left as it is; restored accounts are live in V8's list again. Then the same in Chromium: an
// administrator's batch delete undone with "Undo all", a manager's reassignment of the CSR undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { sql } from '../../scripts/suitecrm/kit';
import { decodeEntities } from '../../lib/crm-client/suitecrm/v8';
import { accountsWhere, connectorAs, env, seed, v8 } from './helpers';
import { account, batchBar, dialog, jobOf, okData, overlayNotes, row, sendFromPage, startOverlay, waitFor, type Overlay } from './overlay-helpers';
import { chooseOption } from '../overlay/overlay-helpers';
import type { SeedAccount } from './seed';

const run = crypto.randomUUID();
const users = seed.users;
const host = new URL(env.crm.url).host;
const byNumber = (n: number): SeedAccount => accountsWhere((a) => a.code === `CRMX${String(n).padStart(4, '0')}`)[0];
/** SuiteCRM's own flag on the account (V8 no longer reads a deleted one). */
const deletedFlag = (id: string) => sql(env.crm, `SELECT deleted FROM accounts WHERE id = '${id}'`)[0]?.[0];

/** The overlay's "Edit customer" notes of an account, their changes parsed (what the timeline shows). */
async function editNotes(id: string): Promise<{ field: string; before: unknown; after: unknown }[][]> {
  return (await overlayNotes(id)).filter((n) => n.name === '[CRM overlay] Edit customer')
    .map((n) => (JSON.parse(decodeEntities(n.description)) as { changes: { field: string; before: unknown; after: unknown }[] }).changes);
}

const notesNamed = async (id: string, type: string) => (await overlayNotes(id)).filter((n) => n.name === `[CRM overlay] ${type}`);

/** Which of `ids` V8's Accounts list answers (it lists no deleted account). */
async function listed(ids: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) {
    const r = await v8('admin', 'GET', `/Api/V8/module/Accounts?filter[id][eq]=${id}&fields[Accounts]=name&page[size]=5&page[number]=1`);
    if (r.status !== 200) throw new Error(`list: HTTP ${r.status}`);
    if ((r.body.data as { id: string }[]).some((a) => a.id === id)) found.push(id);
  }
  return found.sort();
}

describe('batchReassign on SuiteCRM', () => {
  it('sets the AE (assigned user) of 3 accounts, one Note each with the person before -> after', async () => {
    const chosen = [byNumber(1), byNumber(2), byNumber(6)]; // rep1's: the manager reassigns his subordinate's
    const ids = chosen.map((a) => a.id);
    const answer = await connectorAs('manager').batchReassign(ids, { field: 'aeId', to: users.rep2.id }, { idempotencyKey: `${run}:ae` });
    expect(answer.results).toEqual(ids.map((id) => ({ id, ok: true })));
    for (const a of chosen) {
      expect((await account(a.id)).assigned_user_id, a.name).toBe(users.rep2.id);
      expect(await editNotes(a.id), a.name).toEqual([[{ field: 'aeId', before: users.rep1.id, after: users.rep2.id }]]);
      // SuiteCRM's own access follows its assigned user: the new AE (group-only rights) reads the account.
      expect((await v8('rep2', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status, a.name).toBe(200);
    }
    // The customer's log reads it back as one edit (SuiteCRM's change log of the same save is not shown twice).
    const logs = await connectorAs('manager').customerLogs(ids[0], { types: ['Edit customer'] });
    expect(logs.items.map((e) => e.changes)).toEqual([[{ field: 'aeId', before: users.rep1.id, after: users.rep2.id }]]);
  });

  it('sets the CSR (crm_csr_id_c) and sets it back with `from`; a stale `from` is answered changed_since and left', async () => {
    const [one, two, three] = [byNumber(7), byNumber(11), byNumber(17)]; // rep1's, no CSR yet
    const ids = [one.id, two.id, three.id];
    const manager = connectorAs('manager');
    const set = await manager.batchReassign(ids, { field: 'csrId', to: users.csr.id }, { idempotencyKey: `${run}:csr` });
    expect(set.results.every((r) => r.ok)).toBe(true);
    for (const id of ids) {
      expect((await account(id)).crm_csr_id_c).toBe(users.csr.id);
      expect(await editNotes(id)).toEqual([[{ field: 'csrId', before: null, after: users.csr.id }]]);
    }
    // Someone changes `three`'s CSR in SuiteCRM itself after the job.
    expect((await v8('admin', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id: three.id, attributes: { crm_csr_id_c: users.rep2.id } } })).status).toBe(201);

    const undo = await manager.batchReassign(ids, { field: 'csrId', to: null, from: users.csr.id }, { idempotencyKey: `${run}:csr-undo` });
    expect(undo.results).toEqual([
      { id: one.id, ok: true },
      { id: two.id, ok: true },
      { id: three.id, ok: false, error: expect.objectContaining({ code: 'changed_since' }) },
    ]);
    expect((await account(one.id)).crm_csr_id_c).toBe('');
    expect((await account(two.id)).crm_csr_id_c).toBe('');
    expect((await account(three.id)).crm_csr_id_c).toBe(users.rep2.id);
    expect(await editNotes(one.id)).toEqual(expect.arrayContaining([[{ field: 'csrId', before: users.csr.id, after: null }]]));
    expect(await editNotes(one.id)).toHaveLength(2);
    expect(await editNotes(three.id)).toHaveLength(1);
  });

  it('reassigns the AE of 23 accounts at once and sets them back: every one applied and logged once, none lost', async () => {
    const chosen = accountsWhere((a) => (a.assignedUserId === users.rep2.id || a.assignedUserId === users.manager.id) && a.code !== 'CRMX0043');
    expect(chosen).toHaveLength(23);
    const ids = chosen.map((a) => a.id);
    const manager = connectorAs('manager');
    const set = await manager.batchReassign(ids, { field: 'aeId', to: users.rep1.id }, { idempotencyKey: `${run}:many` });
    expect(set.results.filter((r) => !r.ok)).toEqual([]);
    const inSuiteCrm = () => sql(env.crm, `SELECT id, assigned_user_id FROM accounts WHERE id IN (${ids.map((id) => `'${id}'`).join(',')})`);
    expect(inSuiteCrm().every(([, ae]) => ae === users.rep1.id)).toBe(true);
    // Set back per account to its own AE before, only where it is still rep1's (as an undo sends it).
    for (const who of [users.rep2.id, users.manager.id]) {
      const back = chosen.filter((a) => a.assignedUserId === who).map((a) => a.id);
      const undone = await manager.batchReassign(back, { field: 'aeId', to: who, from: users.rep1.id }, { idempotencyKey: `${run}:many-undo:${who}` });
      expect(undone.results.filter((r) => !r.ok)).toEqual([]);
    }
    const now = new Map(inSuiteCrm().map(([id, ae]) => [id, ae]));
    for (const a of chosen) {
      expect(now.get(a.id), a.name).toBe(a.assignedUserId);
      const notes = await editNotes(a.id);
      expect(notes, a.name).toHaveLength(2);
      expect(notes, a.name).toEqual(expect.arrayContaining([
        [{ field: 'aeId', before: a.assignedUserId, after: users.rep1.id }],
        [{ field: 'aeId', before: users.rep1.id, after: a.assignedUserId }],
      ]));
    }
  });

  it('reassigning to the person already there changes nothing and logs nothing', async () => {
    const a = byNumber(12); // rep1's AE
    const before = await account(a.id);
    const answer = await connectorAs('manager').batchReassign([a.id], { field: 'aeId', to: users.rep1.id }, { idempotencyKey: `${run}:same` });
    expect(answer.results).toEqual([{ id: a.id, ok: true }]);
    const after = await account(a.id);
    expect(after.assigned_user_id).toBe(users.rep1.id);
    expect(after.date_modified).toBe(before.date_modified);
    expect(await overlayNotes(a.id)).toEqual([]);
  });
});

describe('batchRestore on SuiteCRM', () => {
  it('restores accounts a batch delete deleted: live in V8\'s list again, each logged once', async () => {
    const chosen = [byNumber(21), byNumber(22), byNumber(26)];
    const ids = chosen.map((a) => a.id);
    const admin = connectorAs('crmAdmin');
    const deleted = await admin.batchDelete(ids, { idempotencyKey: `${run}:del` });
    expect(deleted.results.every((r) => r.ok)).toBe(true);
    for (const id of ids) expect(deletedFlag(id)).toBe('1');
    expect(await listed(ids)).toEqual([]);

    const restored = await admin.batchRestore(ids, { idempotencyKey: `${run}:restore` });
    expect(restored.results).toEqual(ids.map((id) => ({ id, ok: true })));
    expect(await listed(ids)).toEqual([...ids].sort());
    for (const a of chosen) {
      expect(deletedFlag(a.id), a.name).toBe('0');
      expect(await account(a.id), a.name).toMatchObject({ name: a.name, assigned_user_id: a.assignedUserId });
      expect(await notesNamed(a.id, 'Restore customer'), a.name).toHaveLength(1);
      expect(await notesNamed(a.id, 'Delete customer'), a.name).toHaveLength(1);
    }
    // Its Security Group came back with it: rep1 sees it again.
    expect((await v8('rep1', 'GET', `/Api/V8/module/Accounts/${ids[0]}`)).status).toBe(200);
  });

  it('restoring a live account is answered per item and leaves it as it is, with no restore logged', async () => {
    const live = byNumber(27);
    const gone = byNumber(37);
    const admin = connectorAs('crmAdmin');
    await admin.batchDelete([gone.id], { idempotencyKey: `${run}:del-2` });
    const before = await account(live.id);
    const answer = await admin.batchRestore([live.id, gone.id], { idempotencyKey: `${run}:restore-2` });
    expect(answer.results).toEqual([
      { id: live.id, ok: false, error: expect.objectContaining({ code: 'forbidden', rule: 'not-deleted' }) },
      { id: gone.id, ok: true },
    ]);
    expect(await account(live.id)).toEqual(before);
    expect(await notesNamed(live.id, 'Restore customer')).toEqual([]);
    expect(deletedFlag(gone.id)).toBe('0');
  });
});

async function select(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) await row(page, id).locator('input.crmx-select-box').click();
  await batchBar(page).locator(`[data-crmx-selected-count="${ids.length}"]`).waitFor();
}

const JOB_WAIT = { timeout: 60_000 };

describe('in Chromium on SuiteCRM\'s Accounts list', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('crmAdmin');
  });
  afterAll(async () => o?.close());

  it('an administrator\'s batch delete of 3, then "Undo all" on its job card: the 3 are back in SuiteCRM\'s list', async () => {
    const chosen = [byNumber(31), byNumber(32), byNumber(36)];
    const ids = chosen.map((a) => a.id);
    const page = await o.openAccounts('CRMX 003');
    await select(page, ids);
    await batchBar(page).locator('[data-crmx-batch-action=delete]').click();
    const confirm = dialog(page, 'batch-delete');
    await confirm.locator('[data-crmx-precheck=ok]').waitFor();
    expect(await confirm.locator('[data-crmx-delete-confirm]').textContent()).toContain(host);
    await confirm.locator('[data-crmx-confirm]:not([disabled])', { hasText: 'Delete 3 customers' }).click();
    const card = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch delete"]');
    await card.waitFor(JOB_WAIT);
    expect(await card.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    for (const id of ids) expect(deletedFlag(id)).toBe('1');
    expect(await listed(ids)).toEqual([]);

    await card.locator('[data-crmx-undo]', { hasText: 'Undo all' }).click();
    const restore = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Restore deleted customers"]');
    await restore.waitFor(JOB_WAIT);
    expect(await restore.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    expect(await listed(ids)).toEqual([...ids].sort());
    for (const a of chosen) {
      expect(deletedFlag(a.id), a.name).toBe('0');
      expect(await notesNamed(a.id, 'Restore customer'), a.name).toHaveLength(1);
    }
    // SuiteCRM's own list shows them again.
    await page.reload();
    for (const id of ids) await row(page, id).waitFor();
    await page.close();
  });

  it('a manager reassigns the CSR of 3 selected rows; SuiteCRM holds the new one; the job\'s Undo sets them back', async () => {
    await o.actAs('manager');
    const chosen = [byNumber(41), byNumber(42), byNumber(43)]; // rep1, rep1, rep2: his subordinates', no CSR
    const ids = chosen.map((a) => a.id);
    for (const id of ids) expect((await account(id)).crm_csr_id_c).toBe('');
    const page = await o.openAccounts('CRMX 004');
    await select(page, ids);
    await batchBar(page).locator('[data-crmx-batch-action=reassign]').click();
    const open = dialog(page, 'batch-reassign');
    await open.locator('[data-crmx-precheck]').waitFor();
    await open.locator('input[value=csrId]').click();
    await chooseOption(open.locator('#crmx-reassign-person'), users.csr.id);
    expect(await open.locator('[data-crmx-confirm-host]').textContent()).toBe(`This changes 3 customers in ${host}.`);
    await open.locator('[data-crmx-confirm]:not([disabled])', { hasText: 'Reassign 3 customers' }).click();
    const card = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]');
    await card.waitFor(JOB_WAIT);
    expect(await card.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    for (const a of chosen) {
      expect((await account(a.id)).crm_csr_id_c, a.name).toBe(users.csr.id);
      expect(await editNotes(a.id), a.name).toEqual([[{ field: 'csrId', before: null, after: users.csr.id }]]);
    }

    const jobId = (await card.getAttribute('data-crmx-job'))!;
    await card.locator('[data-crmx-undo]').click();
    const undo = batchBar(page).locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]:not([data-crmx-job="${jobId}"])`);
    await undo.waitFor(JOB_WAIT);
    expect(await undo.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    for (const a of chosen) {
      expect((await account(a.id)).crm_csr_id_c, a.name).toBe('');
      expect(await editNotes(a.id), a.name).toHaveLength(2);
    }
    await page.close();
  });

  it('a manager reassigns the AE of 2 selected rows: SuiteCRM\'s assigned user is the new one; the job\'s Undo sets it back', async () => {
    const chosen = [byNumber(46), byNumber(47)]; // rep1's
    const ids = chosen.map((a) => a.id);
    const page = await o.openAccounts('CRMX 004');
    await select(page, ids);
    await batchBar(page).locator('[data-crmx-batch-action=reassign]').click();
    const open = dialog(page, 'batch-reassign');
    await open.locator('[data-crmx-precheck]').waitFor();
    await open.locator('input[value=aeId]').click();
    await chooseOption(open.locator('#crmx-reassign-person'), users.rep2.id);
    expect(await open.locator('[data-crmx-confirm-host]').textContent()).toBe(`This changes 2 customers in ${host}.`);
    await open.locator('[data-crmx-confirm]:not([disabled])', { hasText: 'Reassign 2 customers' }).click();
    const card = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]');
    await card.waitFor(JOB_WAIT);
    expect(await card.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    for (const a of chosen) {
      expect((await account(a.id)).assigned_user_id, a.name).toBe(users.rep2.id);
      expect(await editNotes(a.id), a.name).toEqual([[{ field: 'aeId', before: users.rep1.id, after: users.rep2.id }]]);
    }

    const jobId = (await card.getAttribute('data-crmx-job'))!;
    await card.locator('[data-crmx-undo]').click();
    const undo = batchBar(page).locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]:not([data-crmx-job="${jobId}"])`);
    await undo.waitFor(JOB_WAIT);
    expect(await undo.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    for (const a of chosen) expect((await account(a.id)).assigned_user_id, a.name).toBe(users.rep1.id);
    await page.close();
  });
});

describe('the undo of a batch delete of all 60 seeded accounts, through a lost answer and a service-worker kill', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('crmAdmin');
    await o.options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: 10 }));
  });
  afterAll(async () => o?.close());

  const ids = seed.accounts.map((a) => a.id);
  const inList = ids.map((id) => `'${id}'`).join(',');
  /**
   * Per account, the overlay's Notes of a type made since `since` (SuiteCRM's UTC), from its table. Earlier
   * tests' Notes come back with an account they restore again (the delete unlinks them, the restore relinks).
   */
  const notesPer = (type: string, since: string) => new Map(sql(env.crm, `SELECT parent_id, COUNT(*) FROM notes WHERE deleted = 0
    AND parent_type = 'Accounts' AND name = '[CRM overlay] ${type}' AND date_entered >= '${since}' AND parent_id IN (${inList})
    GROUP BY parent_id`).map(([id, n]) => [id, Number(n)]));
  const deletedCount = () => Number(sql(env.crm, `SELECT COUNT(*) FROM accounts WHERE deleted = 1 AND id IN (${inList})`)[0][0]);

  it('restores each of the 60 exactly once: all live in SuiteCRM, one more Restore Note each, none doubled', async () => {
    const job = okData(await sendFromPage(o.options, 'startBatch', { kind: 'delete', customerIds: ids }));
    await waitFor(() => jobOf(o.options, job.id), (j) => j?.status === 'done', 'the delete to finish', 120_000);
    expect(await jobOf(o.options, job.id)).toMatchObject({ done: 60, succeeded: 60, errors: [] });
    expect(deletedCount()).toBe(60);
    const since = sql(env.crm, 'SELECT UTC_TIMESTAMP()')[0][0];

    // The 5th restore reaches SuiteCRM and is applied, and its answer never reaches the worker.
    let restores = 0;
    let lost = '';
    const handler = async (r: Route) => {
      if (r.request().method() !== 'POST' || ++restores !== 5) return r.continue();
      const answer = await r.fetch();
      lost = `${answer.status()} ${r.request().url()}`;
      return r.abort('connectionreset');
    };
    await o.browser.context.route(`${env.crm.url}/Api/V8/custom/crm-overlay/accounts/*/restore`, handler);
    const undo = okData(await sendFromPage(o.options, 'undoJob', job.id));
    expect(undo).toMatchObject({ kind: 'restore', undoOf: job.id, total: 60 });
    const partWay = await waitFor(async () => ({ live: 60 - deletedCount(), job: (await jobOf(o.options, undo.id))! }),
      (p) => p.live >= 20 || p.job.status === 'done', '20 restored in SuiteCRM');
    expect(partWay.job.status, 'the undo finished before the worker could be killed').not.toBe('done');
    await o.browser.stopServiceWorker();

    const finished = await waitFor(() => jobOf(o.options, undo.id), (j) => j?.status === 'done', 'the undo to finish', 120_000);
    await o.browser.context.unroute(`${env.crm.url}/Api/V8/custom/crm-overlay/accounts/*/restore`, handler);
    expect(lost).toMatch(/^200 /);
    expect(finished).toMatchObject({ done: 60, succeeded: 60, errors: [] });
    expect(deletedCount()).toBe(0);
    expect(await listed(ids)).toEqual([...ids].sort());
    const made = notesPer('Restore customer', since);
    expect(ids.filter((id) => made.get(id) !== 1)).toEqual([]);
  });
});

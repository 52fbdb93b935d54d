// Network faults between the extension's service worker and the real SuiteCRM, in Chromium with the built
// extension: Playwright's context routing reaches the MV3 worker's fetches (see overlay-offline.suitecrm.ts).
// Two faults, each counted so a run where they did not happen fails:
//  - "answer lost": the request reaches SuiteCRM and is applied (route.fetch), then the worker's connection
//    is cut before the answer (route.abort), so it cannot know whether it was applied;
//  - "refused": the request never reaches SuiteCRM (connection refused).
// SuiteCRM has no idempotency keys, no batch endpoint, no change cursor: the jobs and the outbox must read back
// before resending. Counted afterwards in SuiteCRM's own tables (links, labels, Notes, its change log):
// requested = applied, 0 lost, 0 doubled; and seen in SuiteCRM's own screens.
import { randomUUID } from 'node:crypto';
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { pool } from './client';
import { accountsWhere, env, seed, v8 } from './helpers';
import {
  account, dialog, okData, openMenu, menuItem, overlayNotes, sendFromPage, startOverlay, suiteCrmDetailView,
  suiteCrmSubpanel, toast, waitFor, type Overlay,
} from './overlay-helpers';

const N = 40;
const CHUNK = 10;
const API = `${new URL(env.crm.url).origin}/Api/**`;
const south = seed.groups.south;
const NOTE_SHARE = '[CRM overlay] Batch Share customer';
const NOTE_LABELS = '[CRM overlay] Batch Add Labels customer';
const NOTE_EDIT = '[CRM overlay] Edit customer';
const NEW_LABELS = ['Lỗi mạng', 'Q4'];

/** New accounts of rep1's (assigned to rep1, in North), all a side-panel search for "CRMXF" finds. */
const ids = Array.from({ length: N }, () => randomUUID());
const inList = ids.map((id) => `'${id}'`).join(',');
const tally = (rows: string[][]) => new Map(rows.map(([id, n]) => [id, Number(n)]));
/** Per account, how many of the overlay's Notes named `name` SuiteCRM's notes table holds. */
const notesNamed = (name: string, within = inList) => tally(sql(env.crm, `SELECT parent_id, COUNT(*) FROM notes WHERE deleted = 0
  AND parent_type = 'Accounts' AND name = '${name}' AND parent_id IN (${within}) GROUP BY parent_id`));

type Fault = 'lost' | 'refused' | null;

/**
 * Routes the worker's calls to SuiteCRM's API: `kindOf` names the calls to fault ('share', 'patch', 'note'),
 * null for the others; the n-th call of a kind (counted from 1) gets the fault `plan(kind, n)` says.
 */
async function injectFaults(o: Overlay, kindOf: (request: Request) => string | null, plan: (kind: string, n: number) => Fault) {
  const injected = {
    calls: {} as Record<string, number>, lost: {} as Record<string, number>, refused: {} as Record<string, number>,
    /** "<status SuiteCRM answered> <url>" of each request whose answer was lost, and what it sent. */
    lostAnswers: [] as string[],
    lostBodies: [] as string[],
  };
  const add = (counts: Record<string, number>, kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const handler = async (r: Route) => {
    const request = r.request();
    const kind = kindOf(request);
    if (kind === null) return r.continue();
    const fault = plan(kind, add(injected.calls, kind));
    if (fault === 'refused') {
      add(injected.refused, kind);
      return r.abort('connectionrefused');
    }
    if (fault === 'lost') {
      // SuiteCRM gets the request and applies it (or answers a resent Note "already exists"); the worker
      // never hears the answer.
      const answer = await r.fetch();
      add(injected.lost, kind);
      injected.lostAnswers.push(`${answer.status()} ${request.url()}`);
      injected.lostBodies.push(request.postData() ?? '');
      return r.abort('connectionreset');
    }
    return r.continue();
  };
  await o.browser.context.route(API, handler);
  return { injected, stop: () => o.browser.context.unroute(API, handler) };
}

const bodyOf = (request: Request) => {
  try {
    return request.postDataJSON() as { data?: { type?: string } } | null;
  } catch {
    return null;
  }
};
/** SuiteCRM's V8 record writes: an account's PATCH, a Note's create. */
const isAccountPatch = (q: Request) => q.method() === 'PATCH' && /\/Api\/V8\/module$/.test(new URL(q.url()).pathname) && bodyOf(q)?.data?.type === 'Accounts';
const isNoteCreate = (q: Request) => q.method() === 'POST' && /\/Api\/V8\/module$/.test(new URL(q.url()).pathname) && bodyOf(q)?.data?.type === 'Notes';

describe('network faults between the extension and SuiteCRM: every item applied exactly once', () => {
  let o: Overlay;
  let panel: Page;
  beforeAll(async () => {
    await pool(ids, 4, async (id, i) => {
      const pad = String(i + 1).padStart(4, '0');
      for (let attempt = 1; ; attempt++) {
        const r = await v8('admin', 'POST', '/Api/V8/module', { data: { type: 'Accounts', id, attributes: {
          name: `CRMXF ${pad} Fault Co ${seed.tag}`, assigned_user_id: seed.users.rep1.id, crm_code_c: `CRMXF${pad}`, crm_labels_c: '["vip"]',
          phone_office: `+84 24 3${String(3000000 + i * 131).slice(-7)}`,
        } } });
        if (r.status < 300 || (attempt > 1 && JSON.stringify(r.body).includes('already exist'))) break;
        // SecuritySuite's group copy deadlocks under concurrent creates (tests/suitecrm/seed.ts), answered as a 500: again.
        if (attempt >= 4 || r.status < 500) throw new Error(`create: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      }
      const linked = await v8('admin', 'POST', `/Api/V8/module/Accounts/${id}/relationships/SecurityGroups`, { data: { type: 'SecurityGroups', id: seed.groups.north } });
      if (linked.status >= 300) throw new Error(`relate: HTTP ${linked.status}`);
    });
    o = await startOverlay('rep1');
    await waitFor(async () => okData(await sendFromPage(o.options, 'searchCached', { q: 'CRMXF', limit: 1 })).total, (n) => n === N, 'the new accounts in the cache', 60_000);
    await o.options.evaluate((size) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: size }), CHUNK);
    panel = await o.browser.context.newPage();
    await panel.goto(`chrome-extension://${o.browser.extensionId}/sidepanel.html`);
  }, 120_000);
  afterAll(async () => o?.close());

  /** The side panel's search for the new accounts, all selected, and the batch action's dialog open. */
  async function batchFromPanel(action: string) {
    await panel.locator('[data-crmx-panel-q]').fill('CRMXF');
    await panel.locator(`[data-crmx-panel-total="${N}"]`).waitFor();
    await panel.locator('[data-crmx-panel-select-matching]').click();
    await panel.locator(`[data-crmx-selected-count="${N}"]`).waitFor();
    await panel.locator(`[data-crmx-batch-action=${action}]`).click();
    const d = panel.locator(`[data-crmx-dialog=batch-${action}]`);
    await d.locator('[data-crmx-precheck=ok]').waitFor({ timeout: 30_000 });
    return d;
  }

  async function jobFinished(label: string) {
    const job = panel.locator(`[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done][aria-label="${label}"]`);
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${N} / ${N} done`);
    const jobs = okData(await sendFromPage(o.options, 'getJobs', undefined));
    return jobs.find((j) => j.status === 'done' && j.total === N && j.kind === (label === 'Batch share' ? 'share' : 'addLabels'));
  }

  it('batch-shares 40 accounts with answers lost and requests refused: one link and one Note each in SuiteCRM', async () => {
    // Every 6th share request applied with its answer lost, every 9th (else) refused before reaching SuiteCRM.
    const isShare = (q: Request) => q.method() === 'POST' && /\/crm-overlay\/accounts\/[^/]+\/shares$/.test(new URL(q.url()).pathname);
    const faults = await injectFaults(o, (q) => (isShare(q) ? 'share' : null), (_, n) => (n % 6 === 2 ? 'lost' : n % 9 === 4 ? 'refused' : null));
    try {
      const d = await batchFromPanel('share');
      await d.locator('[data-crmx-group=departmentIds] label', { hasText: 'CRMX Dept South' }).click();
      await d.locator('[data-crmx-confirm]').click();
      const job = await jobFinished('Batch share');
      expect(job).toMatchObject({ done: N, succeeded: N, errors: [] });
    } finally {
      await faults.stop();
    }
    const { injected } = faults;
    console.log(`[suitecrm faults] share: ${JSON.stringify({ calls: injected.calls, lost: injected.lost, refused: injected.refused })}`);
    // Of the first 40 share requests alone, 7 had their answer lost and 5 were refused; the refused ones were sent again.
    expect(injected.lost.share).toBeGreaterThanOrEqual(7);
    expect(injected.refused.share).toBeGreaterThanOrEqual(5);
    expect(injected.calls.share).toBeGreaterThanOrEqual(N + 5);
    // At least those 7 were applied by SuiteCRM before their answer was lost. A lost answer may also have been one of
    // SuiteCRM's own errors (its group copy can deadlock under concurrent writes, answered 500): the job sends that again.
    const appliedLost = injected.lostAnswers.filter((x) => x.startsWith('200 '));
    console.log(`[suitecrm faults] share answers lost: ${injected.lostAnswers.map((x) => x.split(' ')[0]).join(', ')}`);
    expect(appliedLost.length).toBeGreaterThanOrEqual(7);

    const links = tally(sql(env.crm, `SELECT record_id, COUNT(*) FROM securitygroups_records WHERE deleted = 0 AND module = 'Accounts'
      AND securitygroup_id = '${south}' AND record_id IN (${inList}) GROUP BY record_id`));
    const notes = notesNamed(NOTE_SHARE);
    const report = {
      requested: N,
      applied: ids.filter((id) => links.get(id) === 1 && notes.get(id) === 1).length,
      lost: ids.filter((id) => !links.get(id) || !notes.get(id)).length,
      doubled: ids.reduce((sum, id) => sum + Math.max(0, (links.get(id) ?? 0) - 1) + Math.max(0, (notes.get(id) ?? 0) - 1), 0),
    };
    console.log(`[suitecrm faults] share: ${JSON.stringify(report)}`);
    expect(report).toEqual({ requested: N, applied: N, lost: 0, doubled: 0 });

    // SuiteCRM's own screens, for an account whose share answer was lost: South in its Security Groups, one Note.
    const lostId = appliedLost[0].match(/accounts\/([^/]+)\/shares/)![1];
    expect(ids).toContain(lostId);
    const detail = await suiteCrmDetailView(o, lostId);
    const groups = await suiteCrmSubpanel(detail, 'securitygroups');
    await groups.getByText(/CRMX Dept South/).waitFor();
    const history = await suiteCrmSubpanel(detail, 'history');
    await history.getByText(NOTE_SHARE).waitFor();
    expect(await history.getByText(NOTE_SHARE).count()).toBe(1);
    await detail.close();
  }, 90_000);

  it('batch-adds labels to the same 40 with the label and Note writes\' answers lost or refused: each label once, one Note each', async () => {
    // Of each write (an account's labels, a Note): every 5th or 6th applied with its answer lost, every 8th or 9th refused.
    const faults = await injectFaults(o, (q) => (isAccountPatch(q) ? 'patch' : isNoteCreate(q) ? 'note' : null), (kind, n) => (kind === 'patch'
      ? (n % 5 === 2 ? 'lost' : n % 8 === 5 ? 'refused' : null)
      : (n % 6 === 3 ? 'lost' : n % 9 === 7 ? 'refused' : null)));
    try {
      const d = await batchFromPanel('addLabels');
      for (const tag of NEW_LABELS) {
        await d.locator('#crmx-batch-tag-input').pressSequentially(tag);
        await d.locator('#crmx-batch-tag-input').press('Enter');
        await d.locator('[data-crmx-tags] li', { hasText: tag }).waitFor();
      }
      await d.locator('[data-crmx-confirm]').click();
      const job = await jobFinished('Batch add labels');
      expect(job).toMatchObject({ done: N, succeeded: N, errors: [] });
    } finally {
      await faults.stop();
    }
    const { injected } = faults;
    console.log(`[suitecrm faults] labels: ${JSON.stringify({ calls: injected.calls, lost: injected.lost, refused: injected.refused })}`);
    // Each account's labels and its Note are written at least once: of the first 40 of each alone, labels
    // 8 answers lost and 4 refused, Notes 7 lost and 4 refused.
    expect(injected.calls.patch).toBeGreaterThanOrEqual(N);
    expect(injected.calls.note).toBeGreaterThanOrEqual(N);
    expect(injected.lost.patch).toBeGreaterThanOrEqual(8);
    expect(injected.lost.note).toBeGreaterThanOrEqual(7);
    expect(injected.refused.patch).toBeGreaterThanOrEqual(4);
    expect(injected.refused.note).toBeGreaterThanOrEqual(4);

    const labels = new Map(sql(env.crm, `SELECT a.id, c.crm_labels_c FROM accounts a JOIN accounts_cstm c ON c.id_c = a.id
      WHERE a.id IN (${inList})`).map(([id, json]) => [id, JSON.parse(json) as string[]]));
    const notes = notesNamed(NOTE_LABELS);
    const wanted = ['vip', ...NEW_LABELS];
    const report = {
      requested: N,
      applied: ids.filter((id) => JSON.stringify(labels.get(id)) === JSON.stringify(wanted) && notes.get(id) === 1).length,
      lost: ids.filter((id) => !NEW_LABELS.every((t) => labels.get(id)?.includes(t)) || !notes.get(id)).length,
      doubled: ids.reduce((sum, id) => sum + (labels.get(id)?.length ?? 0) - new Set(labels.get(id)).size + Math.max(0, (notes.get(id) ?? 0) - 1), 0),
    };
    console.log(`[suitecrm faults] labels: ${JSON.stringify(report)}`);
    expect(report).toEqual({ requested: N, applied: N, lost: 0, doubled: 0 });
    expect(ids.filter((id) => JSON.stringify(labels.get(id)) !== JSON.stringify(wanted))).toEqual([]);

    // The same through SuiteCRM's API for one account, and its History subpanel: one Note.
    const one = ids[N - 1];
    expect(JSON.parse((await account(one)).crm_labels_c)).toEqual(wanted);
    const detail = await suiteCrmDetailView(o, one);
    const history = await suiteCrmSubpanel(detail, 'history');
    await history.getByText(NOTE_LABELS).waitFor();
    expect(await history.getByText(NOTE_LABELS).count()).toBe(1);
    await detail.close();
  }, 90_000);

  it('edits a phone from the row menu with SuiteCRM\'s answer lost: applied once, logged once, and the user sees it saved', async () => {
    const a = accountsWhere((x) => x.assignedUserId === seed.users.rep1.id)[2];
    const phone = '+84 28 3555 0107';
    const auditRows = () => Number(sql(env.crm, `SELECT COUNT(*) FROM accounts_audit WHERE parent_id = '${a.id}' AND field_name = 'phone_office'`)[0][0]);
    expect(auditRows()).toBe(0);
    // The catch-up sync after the jobs above has ended: nothing changes the account under the open form.
    await waitFor(async () => okData(await sendFromPage(o.options, 'getSyncStatus', undefined)), (st) => !st.running, 'no sync running');
    const page = await o.openAccounts(a.name.split(' ').slice(0, 2).join(' '));
    // The account's change is applied by SuiteCRM; the worker never hears its answer.
    const faults = await injectFaults(o, (q) => (isAccountPatch(q) ? 'patch' : null), (_, n) => (n === 1 ? 'lost' : null));
    try {
      await openMenu(page, a.id);
      await menuItem(page, 'edit').click();
      const edit = dialog(page, 'edit');
      await edit.locator('#crmx-edit-phone').fill(phone);
      await expect.poll(() => edit.locator('#crmx-edit-phone').inputValue()).toBe(phone);
      await edit.getByRole('button', { name: 'Save', exact: true }).click();
      await toast(page).filter({ hasText: `Saved ${a.name}.` }).waitFor({ timeout: 30_000 });
      await edit.waitFor({ state: 'detached' });
    } finally {
      await faults.stop();
    }
    expect(faults.injected).toMatchObject({ calls: { patch: 1 }, lost: { patch: 1 }, refused: {} });
    expect(faults.injected.lostAnswers).toEqual([`201 ${env.crm.url.replace(/\/+$/, '')}/Api/V8/module`]);
    // It was the edit SuiteCRM applied: the phone, to this account.
    expect(JSON.parse(faults.injected.lostBodies[0])).toEqual({ data: { type: 'Accounts', id: a.id, attributes: { phone_office: phone } } });

    // SuiteCRM: the phone, changed once (one row in its change log), and one Note by the overlay saying so.
    expect((await account(a.id)).phone_office).toBe(phone);
    expect(auditRows()).toBe(1);
    const notes = (await overlayNotes(a.id)).filter((n) => n.name === NOTE_EDIT);
    expect(notes).toHaveLength(1);
    expect(notes[0].description).toContain(phone);
    expect(notesNamed(NOTE_EDIT, `'${a.id}'`).get(a.id)).toBe(1);
    // Nothing waits in the outbox to be sent again.
    expect(okData(await sendFromPage(o.options, 'getPending', undefined)).actions).toEqual([]);

    // The user's view: the log timeline holds the edit once, with the phone's change.
    await openMenu(page, a.id);
    await menuItem(page, 'log').click();
    const log = dialog(page, 'log');
    const entry = log.locator('.crmx-timeline-entry[data-crmx-log-type="Edit customer"]');
    await entry.first().waitFor();
    expect(await entry.count()).toBe(1);
    // The timeline shows an edit's fields before → after.
    await expect(Promise.all([entry.locator('[data-crmx-change=phone] del').textContent(), entry.locator('[data-crmx-change=phone] ins').textContent()]))
      .resolves.toEqual([a.phone, phone]);
    await page.close();

    // SuiteCRM's own screens: the new phone and the Note, once, in the History subpanel.
    const detail = await suiteCrmDetailView(o, a.id);
    await detail.locator('#content').getByText(phone).first().waitFor();
    const history = await suiteCrmSubpanel(detail, 'history');
    await history.getByText(NOTE_EDIT).waitFor();
    expect(await history.getByText(NOTE_EDIT).count()).toBe(1);
    await detail.close();
  });
});

// P2b: a batch share of 1,000 accounts on the real SuiteCRM through the extension's job vs a direct script
// making the same per-account calls (the package's share route, which links the group and writes the log
// note in one request) at the best concurrency it finds. SuiteCRM has no batch call, so one request per
// account is what any client makes. The database is snapshotted first and put back afterwards.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ShareTargets } from '../lib/domain/types';
import type { JobView } from '../lib/protocol/jobs';
import { buildPackage } from '../scripts/suitecrm/build-package';
import { installedPackageMd5, installPackage, restore, snapshot, sql, up, type SuiteCrm } from '../scripts/suitecrm/kit';
import { okData, sendFromPage, waitFor } from '../tests/background/wire';
import { launchWithExtension } from '../tests/harness/browser';
import { call, ok, pool, token, type Client } from '../tests/suitecrm/client';
import { shareThroughJob } from './batch.bench';
import { median, type Figure } from './figure';

const N = 1000;
const CONCURRENCIES = [2, 4, 6, 8];

const toGroup = (id: string): ShareTargets => ({ departmentIds: [id], roleIds: [], userIds: [] });


/** A rep who owns N accounts, and a department group per share to make (a share already made is a no-op). */
async function prepare(crm: SuiteCrm, client: Client, groups: number) {
  const adminTok = await token(client, crm.adminUser, crm.adminPassword);
  const tag = randomUUID().slice(0, 6);
  const rep = { id: randomUUID(), userName: `crmx_bench_${tag}`, password: `Bench-${tag}` };
  await ok('bench user', call(client, adminTok, 'POST', '/Api/V8/module', { data: { type: 'Users', id: rep.id, attributes: {
    user_name: rep.userName, first_name: 'Bench', last_name: 'Rep', status: 'Active', employee_status: 'Active',
    user_hash: createHash('md5').update(rep.password).digest('hex'),
  } } }));
  const groupIds = Array.from({ length: groups }, () => randomUUID());
  await pool(groupIds, 2, (id, i) => ok('group', call(client, adminTok, 'POST', '/Api/V8/module', {
    data: { type: 'SecurityGroups', id, attributes: { name: `Bench ${tag} ${i + 1}` } },
  })));
  // The accounts by SQL: creating 1,000 through V8 takes longer than the benchmark and is not what it measures.
  const ids = Array.from({ length: N }, () => randomUUID());
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
  const values = (f: (id: string, i: number) => string) => ids.map(f).join(',');
  sql(crm, `INSERT INTO accounts (id, name, date_entered, date_modified, modified_user_id, created_by, deleted, assigned_user_id, phone_office) VALUES ${
    values((id, i) => `('${id}', 'Bench ${tag} ${String(i + 1).padStart(4, '0')}', '${now}', '${now}', '1', '1', 0, '${rep.id}', '+84 28 ${String(3000000 + i)}')`)}`);
  sql(crm, `INSERT INTO accounts_cstm (id_c, crm_code_c) VALUES ${values((id, i) => `('${id}', 'BENCH${String(i + 1).padStart(4, '0')}')`)}`);
  return { rep, ids, groupIds, adminTok };
}

export async function runSuiteCrmBench(rounds: number): Promise<Figure[]> {
  const crm = up();
  if (crm.docroot === null) {
    console.log('[bench] P2b needs a SuiteCRM on this machine (the kit, or SUITECRM_DOCROOT): it prepares its accounts with SQL and puts the database back');
    return [];
  }
  const zip = buildPackage();
  if (installedPackageMd5(crm) !== createHash('md5').update(readFileSync(zip)).digest('hex')) installPackage(crm, zip);
  const saved = mkdtempSync(join(tmpdir(), 'crmx-p2b-'));
  snapshot(crm, saved);
  const client: Client = { url: crm.url, clientId: crm.clientId, clientSecret: crm.clientSecret };
  const browser = await launchWithExtension();
  try {
    const { rep, ids, groupIds } = await prepare(crm, client, rounds * 2 + CONCURRENCIES.length);
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('#crmx-crm-url').fill(crm.url);
    await page.locator('input[name=crmx-crm-kind][value=suitecrm]').check();
    await page.locator('#crmx-username').fill(rep.userName);
    await page.locator('#crmx-password').fill(rep.password);
    await page.locator('#crmx-client-id').fill(crm.clientId);
    await page.locator('#crmx-client-secret').fill(crm.clientSecret);
    await page.locator('#crmx-connect').click();
    await page.locator('#crmx-connection-status').filter({ hasText: 'Signed in as' }).waitFor({ timeout: 60_000 });
    const syncStatus = () => sendFromPage(page, 'getSyncStatus', undefined).then(okData);
    const syncIdle = () => waitFor(syncStatus, (st) => st.lastSyncAt !== null && !st.running, 'the sync to be idle', 600_000);
    await syncIdle();

    const repTok = await token(client, rep.userName, rep.password);
    const direct = async (groupId: string, concurrency: number): Promise<number> => {
      const start = performance.now();
      await pool(ids, concurrency, (id) => ok('direct share', call(client, repTok, 'POST', `/Api/V8/custom/crm-overlay/accounts/${id}/shares`, {
        ...toGroup(groupId), log: { id: randomUUID(), type: 'Batch Share customer' },
      })));
      return performance.now() - start;
    };
    // The direct script's best concurrency, each tried on a group of its own.
    const tried = [];
    for (const [i, c] of CONCURRENCIES.entries()) tried.push({ c, ms: await direct(groupIds[rounds * 2 + i], c) });
    const best = tried.reduce((a, b) => (b.ms < a.ms ? b : a));

    const job = async (groupId: string) => {
      okData(await sendFromPage(page, 'precheckBatch', { kind: 'share', customerIds: ids, targets: toGroup(groupId) }));
      const timed = await shareThroughJob(page, ids, toGroup(groupId));
      const done = okData(await sendFromPage(page, 'getJobs', undefined)).find((j: JobView) => j.id === timed.jobId);
      if (done?.status !== 'done' || done.succeeded !== N) throw new Error(`the job ended ${done?.status} with ${done?.succeeded} of ${N}`);
      await waitFor(syncStatus, (st) => st.running, 'the catch-up to start', 10_000).catch(() => undefined);
      await syncIdle();
      return timed.doneMs;
    };
    const jobMs: number[] = [];
    const directMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) directMs.push(await direct(groupIds[round * 2], best.c));
      jobMs.push(await job(groupIds[round * 2 + 1]));
      if (round % 2 === 1) directMs.push(await direct(groupIds[round * 2], best.c));
    }
    const extMs = median(jobMs);
    const baseMs = median(directMs);
    return [{
      id: 'P2b', name: `batch share of ${N.toLocaleString('en')} accounts on SuiteCRM through the job`, value: extMs, unit: 'ms',
      baseline: { name: `direct script, one call an account, ${best.c} at once`, value: baseMs }, ratio: extMs / baseMs, target: '≤ 1.2×', met: extMs / baseMs <= 1.2,
      notes: `median of ${rounds} interleaved rounds (job/direct ms: ${jobMs.map((j, i) => `${Math.round(j)}/${Math.round(directMs[i])}`).join(', ')}); the direct script's concurrency tried: ${tried.map((t) => `${t.c}: ${Math.round(t.ms)} ms`).join(', ')}`,
    }];
  } finally {
    await browser.close();
    restore(crm, saved);
    rmSync(saved, { recursive: true, force: true });
  }
}

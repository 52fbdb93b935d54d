// `npm run bench` prints the figures and writes bench/results.json. `--quick` (CI) runs fewer rounds.
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatTable, type Figure } from './figure';
import { runBatchBench } from './batch.bench';
import { runBrowserBench } from './browser.bench';
import { runCrmDbBench } from './crm-db.bench';
import { runOverlayBench } from './overlay.bench';
import { runRulesBench } from './rules.bench';
import { runSuiteCrmBench } from './suitecrm.bench';
import { unavailableReason } from '../scripts/suitecrm/kit';
import { sizeFigures } from './size.bench';

const quick = process.argv.includes('--quick');
// `--only=P1,P6` runs some of the figures (while working on one); results.json then holds only those.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const ROOT = resolve(import.meta.dirname, '..');

if (!process.argv.includes('--no-build')) {
  // The benchmarks run against the reference CRM on loopback: granted at install (build/manifest.ts), as in the tests.
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    stdio: 'inherit',
    cwd: ROOT,
    env: { ...process.env, CRMX_LOOPBACK: '1' },
  });
}

const figures: Figure[] = [];
const step = async (name: string, run: () => Promise<Figure[]> | Figure[]) => {
  if (only && !only.some((id) => name.split(' ').includes(id))) return;
  try {
    figures.push(...(await run()));
  } catch (error) {
    console.error(`[bench] ${name} failed:`, error);
    process.exitCode = 1;
  }
};

await step('P1 overlay', () => runOverlayBench(quick ? 1 : 5));
await step('P2 batch share', () => runBatchBench(quick ? 1 : 5));
// On the real SuiteCRM (issue 16), where it can be brought up here (the kit as root, or SUITECRM_URL).
const noSuiteCrm = unavailableReason();
if (noSuiteCrm) console.log(`[bench] P2b skipped: ${noSuiteCrm}`);
else await step('P2b batch share on SuiteCRM', () => runSuiteCrmBench(quick ? 1 : 3));
await step('P3 P4 P5 store and import', () =>
  runBrowserBench(quick ? { customers: 5_000, logs: 50_000, phoneRows: 100_000 } : { customers: 100_000, logs: 1_000_000, phoneRows: 100_000 }));
await step('P6 size', () => sizeFigures());
await step('P7 rules', async () => {
  const results = await runRulesBench();
  const worst = results.filter((r) => /listedIds/.test(r.name)).reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0 });
  return [{ id: 'P7', name: 'rules over 100,000 customers, one user', value: worst.ms, unit: 'ms', target: '≤ 20 ms', met: worst.ms <= 20, notes: worst.name }];
});

// The reference CRM's database, SQLite against PostgreSQL in a throwaway cluster (issue 19).
await step('P8 P9 CRM database', () => runCrmDbBench(quick));

console.log(`\n${formatTable(figures)}\n`);
for (const f of figures) if (f.notes) console.log(`${f.id}: ${f.notes}`);
writeFileSync(resolve(ROOT, 'bench/results.json'), `${JSON.stringify({ at: new Date().toISOString(), quick, only, figures }, null, 2)}\n`);

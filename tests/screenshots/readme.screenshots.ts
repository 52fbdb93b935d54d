// The README's pictures (issue 18 point 12): the built extension on the reference CRM, walked the way a user
// walks it (tests/overlay/surfaces.ts, the same walk the accessibility test audits), in English and
// Vietnamese, at a 1280×720 window (the side panel at 420 px). `npm run screenshots` writes them to
// docs/screenshots/<language>/; without CRMX_SCREENSHOTS_DIR they go to .output/screenshots.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs } from '../overlay/overlay-helpers';
import {
  chooseLanguage, walkBatch, walkDeleteFromFile, walkExtensionPages, walkRow, walkViews, type Language, type Visit,
} from '../overlay/surfaces';

const root = resolve(process.env.CRMX_SCREENSHOTS_DIR ?? resolve(import.meta.dirname, '../../.output/screenshots'));

// Where the part of ours says more than the page around it, only that part is shown.
const CROPPED = new Set(['details', 'batch-bar', 'batch-job-done']);

for (const language of ['en', 'vi'] as const satisfies readonly Language[]) {
  describe(`pictures of the overlay in ${language}`, () => {
    let s: Scenario;
    const dir = join(root, language);
    const taken: string[] = [];
    const shoot: Visit = async (name, page, shown) => {
      const path = join(dir, `${name}.png`);
      // Dialogs are shown whole: their box, without the page dimmed behind.
      if (shown && (CROPPED.has(name) || name.startsWith('dialog-') || name.startsWith('batch-') || name.startsWith('delete-file') || name === 'pool')) {
        await shown.screenshot({ path, animations: 'disabled' });
      } else {
        await page.screenshot({ path, animations: 'disabled' });
      }
      taken.push(name);
    };
    beforeAll(async () => {
      mkdirSync(dir, { recursive: true });
      s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
      await chooseLanguage(s, language);
    });
    afterAll(async () => s?.close());

    it('a rep\'s page, row menu, details, row dialogs, batch bar and dialogs, pool, Followed tab, side panel and options', async () => {
      await walkRow(s, 'rep', shoot);
      await walkBatch(s, shoot);
      await walkViews(s, shoot);
      await walkExtensionPages(s, shoot);
      expect(taken).toEqual(expect.arrayContaining([
        'page', 'row-menu', 'details', 'dialog-edit', 'dialog-log', 'batch-bar', 'batch-share', 'batch-job-done', 'followed', 'side-panel', 'options',
      ]));
    });

    it('an administrator\'s delete and batch delete, and delete from a file', async () => {
      await actAs(s, 'tok-admin');
      const only = (names: string[]): Visit => async (name, page, shown) => {
        if (names.includes(name)) await shoot(name, page, shown);
      };
      await walkRow(s, 'admin', only(['dialog-delete']));
      await walkBatch(s, only(['batch-delete']));
      await walkDeleteFromFile(s, shoot);
      expect(taken).toEqual(expect.arrayContaining(['dialog-delete', 'batch-delete', 'delete-file-preview', 'delete-file-progress', 'delete-file-errors']));
    });
  });
}

// Issue 18 point 11: axe-core finds no violation of any impact in anything of ours — the CRM page's overlay,
// the row menu, details, every row dialog, the batch bar and every batch dialog, a finished job, delete from a
// file (preview, progress, errors), the pool, the Followed tab, the side panel and the options page — as a rep
// and as an administrator, in English and in Vietnamese. axe runs on the whole page and walks our open shadow
// roots, so rules about the page as a whole (landmarks, duplicate ids) judge our floating UIs too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs } from './overlay-helpers';
import {
  chooseLanguage, ourViolations, walkBatch, walkDeleteFromFile, walkExtensionPages, walkRow, walkViews,
  type Language, type Role, type Visit,
} from './surfaces';

const TOKEN: Record<Role, string> = { rep: 'tok-rep', admin: 'tok-admin' };

for (const language of ['en', 'vi'] as const satisfies readonly Language[]) {
  describe(`axe-core on every surface of ours, in ${language}`, () => {
    let s: Scenario;
    beforeAll(async () => {
      s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: TOKEN.rep });
      await chooseLanguage(s, language);
    });
    afterAll(async () => s?.close());

    /** Runs a walk and answers every surface that had violations, with them. */
    async function audit(walk: (visit: Visit) => Promise<void>): Promise<Record<string, string[]>> {
      const found: Record<string, string[]> = {};
      const seen: string[] = [];
      await walk(async (name, page, shown) => {
        seen.push(name);
        const violations = await ourViolations(page, shown === null && page.url().startsWith('chrome-extension://'));
        if (violations.length) found[name] = violations;
      });
      expect(seen.length).toBeGreaterThan(0);
      return found;
    }

    for (const role of ['rep', 'admin'] as const satisfies readonly Role[]) {
      it(`as ${role}: the page, the row menu, details and each row dialog`, async () => {
        await actAs(s, TOKEN[role]);
        expect(await audit((visit) => walkRow(s, role, visit))).toEqual({});
      });

      it(`as ${role}: the batch bar, each batch dialog and a finished job`, async () => {
        await actAs(s, TOKEN[role]);
        expect(await audit((visit) => walkBatch(s, visit))).toEqual({});
      });

      it(`as ${role}: the pool and the Followed tab`, async () => {
        await actAs(s, TOKEN[role]);
        expect(await audit((visit) => walkViews(s, visit))).toEqual({});
      });

      it(`as ${role}: the side panel and the options page`, async () => {
        await actAs(s, TOKEN[role]);
        expect(await audit((visit) => walkExtensionPages(s, visit))).toEqual({});
      });
    }

    it('as admin: delete from a file, its preview, progress and errors', async () => {
      await actAs(s, TOKEN.admin);
      expect(await audit((visit) => walkDeleteFromFile(s, visit))).toEqual({});
    });
  });
}

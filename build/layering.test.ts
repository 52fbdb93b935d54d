// The shape of the code, checked: layers point one way (features → components → the UI model → the
// wire contract; the background apart), and every seed feature of the customer page has its own file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path.split(sep).join('/'));
  }
  return out;
}

/** The project files a file imports (type-only imports included: they tie the layers as much). */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.push(relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep).join('/'));
  }
  return found;
}

const offending = (files: string[], forbidden: RegExp) =>
  files.flatMap((file) => imports(file).filter((target) => forbidden.test(target)).map((target) => `${file} → ${target}`));

describe('layering', () => {
  it.each([
    ['lib/', /^(components|entrypoints)\//],
    ['components/', /^entrypoints\//],
    ['lib/ui/', /^lib\/background\//],
    ['lib/protocol/', /^lib\/(background|ui)\//],
    ['lib/rules/', /^lib\/(background|ui|protocol|crm-client)\//],
  ])('nothing under %s imports %s', (dir, forbidden) => {
    expect(offending(sources(dir), forbidden)).toEqual([]);
  });

  it('only the background entrypoint imports the background\'s code', () => {
    const outside = ['components', 'lib/ui', 'lib/protocol', 'entrypoints/crm-page', 'entrypoints/sidepanel', 'entrypoints/options']
      .flatMap((dir) => sources(dir));
    expect(offending(outside.filter((f) => !/\.test\.tsx?$/.test(f)), /^lib\/background\//)).toEqual([]);
  });

  // The seeds' features of the customer page, each found in one hop from the tree.
  it.each([
    ['the row menu', 'row-menu.ts'],
    ['follow', 'follow.ts'],
    ['details', 'details.ts'],
    ['edit', 'edit.ts'],
    ['delete', 'delete.ts'],
    ['return to the pool', 'return-to-pool.ts'],
    ['share', 'share.ts'],
    ['log', 'log.ts'],
    ['selection', 'selection.ts'],
    ['the batch bar (selection count, job progress)', 'batch-bar.tsx'],
    ['batch share', 'batch-share.ts'],
    ['cancel sharing', 'cancel-sharing.ts'],
    ['labels (set, add)', 'labels.ts'],
    ['batch follow and unfollow', 'batch-follow.ts'],
    ['batch delete', 'batch-delete.ts'],
    ['delete from a file', 'delete-from-file.tsx'],
    ['the pool', 'pool.tsx'],
    ['the Followed view', 'followed-view.tsx'],
  ])('%s has its file: entrypoints/crm-page/features/%s', (_, file) => {
    expect(existsSync(join(ROOT, 'entrypoints/crm-page/features', file))).toBe(true);
  });

  it('every feature file is started by the page', () => {
    const list = readFileSync(join(ROOT, 'entrypoints/crm-page/features.ts'), 'utf8');
    const files = readdirSync(join(ROOT, 'entrypoints/crm-page/features')).filter((f) => !/\.test\.tsx?$/.test(f));
    expect(files.filter((f) => !list.includes(`./features/${f.replace(/\.tsx?$/, '')}'`))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

/** "METHOD /path" for every operation under `paths:` (2-space path keys, 4-space method keys). */
function documentedOperations(): string[] {
  const text = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
  const paths = text.slice(text.indexOf('\npaths:\n'), text.indexOf('\ncomponents:\n'));
  const ops: string[] = [];
  let path = '';
  for (const line of paths.split('\n')) {
    const p = /^ {2}(\/\S*):$/.exec(line);
    if (p) path = p[1].replace(/\{(\w+)\}/g, ':$1');
    const m = /^ {4}(get|post|put|patch|delete):$/.exec(line);
    if (m) ops.push(`${m[1].toUpperCase()} ${path.startsWith('/__admin') ? path : `/api/v1${path}`}`);
  }
  return ops.sort();
}

let crm: TestCrm;
beforeAll(async () => {
  crm = await testCrm({ testAdmin: true });
});
afterAll(() => crm.close());

describe('openapi.yaml', () => {
  it('documents exactly the endpoints the server has', () => {
    const served = crm.app.routes
      .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/v1/') || r.path.startsWith('/__admin/')))
      .map((r) => `${r.method} ${r.path}`);
    // The document names path parameters by meaning; compare shapes.
    const shape = (op: string) => op.replace(/:\w+/g, ':param');
    expect(documentedOperations()).toHaveLength(32);
    expect([...new Set(served.map(shape))].sort()).toEqual([...new Set(documentedOperations().map(shape))].sort());
  });
});

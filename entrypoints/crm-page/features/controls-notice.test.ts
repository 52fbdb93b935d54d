// Detecting our row controls hidden (clipped, covered, off screen) from hit tests at their centres.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlsHidden, controlsNoticeFeature, hitAt, type Hit } from './controls-notice';
import { loadReferencePage } from '../../../lib/host/test-fixture';
import { testContext } from '../test-context';
import { createSelectorAdapter, type SelectorAdapterConfig } from '../../../lib/host/adapter';
import { referenceAdapter } from '../../../lib/host/adapters/reference';
import { observeRows } from '../../../lib/host/observe-rows';

const referenceAdapterId: SelectorAdapterConfig['id'] = { from: 'href', selector: referenceAdapter.selectors.name, pattern: /\/customers\/([^/?#]+)/ };

describe('controls hidden', () => {
  it.each<[string, Hit[][], boolean]>([
    ['every control of every row sampled is ours', [['ours', 'ours', 'ours'], ['ours', 'ours', 'ours']], false],
    ['one row of three under a sticky bar', [['covered', 'covered'], ['ours', 'ours'], ['ours', 'ours']], false],
    ['the star off screen in every row', [['ours', 'ours', 'outside'], ['ours', 'ours', 'outside']], true],
    ['the checkbox under the host\'s caret in most rows', [['covered', 'ours'], ['covered', 'ours'], ['ours', 'ours']], true],
    ['half the rows', [['covered'], ['ours']], false],
    ['nothing sampled', [], false],
    ['rows the browser could not hit-test are left out', [['unknown', 'covered'], ['unknown', 'ours'], ['ours', 'ours']], false],
    ['of the rows it could, most hidden', [['unknown', 'ours'], ['covered', 'ours'], ['outside', 'ours'], ['ours', 'ours']], true],
  ])('%s', (_label, rows, hidden) => {
    expect(controlsHidden(rows)).toBe(hidden);
  });

  it.each<[string, 'host' | 'inside' | 'other' | 'none', number, Hit]>([
    ['the point shows our slot (the shadow root\'s host)', 'host', 100, 'ours'],
    ['the point shows an element inside our slot', 'inside', 100, 'ours'],
    ['the point shows the host\'s own button', 'other', 100, 'covered'],
    ['the point is past the window\'s right edge', 'none', 1270, 'outside'],
    ['the point is in the window but the browser hit-tests nothing (a tab in the background)', 'none', 100, 'unknown'],
  ])('%s', (_label, shows, left, expected) => {
    document.body.innerHTML = '<td><span id="slot"><i id="in"></i></span><button id="caret"></button></td>';
    const host = document.getElementById('slot')!;
    const control = document.createElement('button');
    control.getBoundingClientRect = () => ({ left, top: 10, width: 24, height: 20 }) as DOMRect;
    const seen: number[][] = [];
    const element = { host, inside: document.getElementById('in'), other: document.getElementById('caret'), none: null }[shows];
    const doc = { elementFromPoint: (x: number, y: number) => (seen.push([x, y]), element) };
    expect(hitAt(doc, host, control, { width: 1280, height: 720 })).toBe(expected);
    expect(seen).toEqual(expected === 'outside' ? [] : [[112, 20]]);
  });
});

describe('controls notice feature', () => {
  let controller: AbortController;
  beforeEach(() => {
    loadReferencePage();
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it.each<[string, SelectorAdapterConfig['id'], string | null]>([
    ['rows whose ids are read: no notice', referenceAdapterId, null],
    ['rows found but no id read: says where to look in the options', { from: 'attribute', attribute: 'data-nope' }, 'could not read their customer ids. Check “Where the customer id is”'],
  ])('%s', async (_label, id, notice) => {
    const adapter = createSelectorAdapter({ name: 'generic', pages: [{ path: /^\/customers\/?$/ }], id, selectors: referenceAdapter.selectors });
    const ctx = { ...testContext(controller.signal), adapter };
    ctx.rows = observeRows({ root: document, rowSelector: adapter.selectors.row, signal: controller.signal });
    await controlsNoticeFeature.init(ctx);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
    if (notice === null) expect(ctx.state.notice.value).toBeNull();
    else expect(ctx.state.notice.value).toContain(notice);
  });

  it('says nothing for a dedicated adapter, whose settings have no such fields', async () => {
    const adapter = createSelectorAdapter({ name: 'reference', pages: [], id: { from: 'attribute', attribute: 'data-nope' }, selectors: referenceAdapter.selectors });
    const ctx = { ...testContext(controller.signal), adapter };
    await controlsNoticeFeature.init(ctx);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
    expect(ctx.state.notice.value).toBeNull();
  });
});

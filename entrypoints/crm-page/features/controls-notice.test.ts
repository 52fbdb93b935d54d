// Detecting our row controls hidden (clipped, covered, off screen) from hit tests at their centres.
import { describe, expect, it } from 'vitest';
import { controlsHidden, hitAt, type Hit } from './controls-notice';

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

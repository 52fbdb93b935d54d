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
  ])('%s', (_label, rows, hidden) => {
    expect(controlsHidden(rows)).toBe(hidden);
  });

  it.each<[string, 'host' | 'inside' | 'other' | 'none', Hit]>([
    ['the point shows our slot (the shadow root\'s host)', 'host', 'ours'],
    ['the point shows an element inside our slot', 'inside', 'ours'],
    ['the point shows the host\'s own button', 'other', 'covered'],
    ['the point is off screen', 'none', 'outside'],
  ])('%s', (_label, shows, expected) => {
    document.body.innerHTML = '<td><span id="slot"><i id="in"></i></span><button id="caret"></button></td>';
    const host = document.getElementById('slot')!;
    const control = document.createElement('button');
    control.getBoundingClientRect = () => ({ left: 100, top: 10, width: 24, height: 20 }) as DOMRect;
    const seen: number[][] = [];
    const element = { host, inside: document.getElementById('in'), other: document.getElementById('caret'), none: null }[shows];
    const doc = { elementFromPoint: (x: number, y: number) => (seen.push([x, y]), element) };
    expect(hitAt(doc, host, control)).toBe(expected);
    expect(seen).toEqual([[112, 20]]);
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_ON, effectiveSwitches, switchedOn, type FeatureSwitch } from './feature-switches';
import { SETTINGS } from './settings-schema';

describe('effectiveSwitches', () => {
  it.each<[string, unknown, Partial<Record<FeatureSwitch, boolean>>]>([
    ['nothing stored: everything on', undefined, {}],
    ['null: everything on', null, {}],
    ['one switch off', { followStars: false }, { followStars: false }],
    ['stored before a switch existed: that one on', { rowMenu: false, followStars: false }, { rowMenu: false, followStars: false }],
    ['batch bar off takes delete from a file with it', { batchBar: false }, { batchBar: false, deleteFromFile: false }],
    ['delete from a file off alone leaves the bar', { deleteFromFile: false }, { deleteFromFile: false }],
    ['delete from a file on but the bar off: off', { batchBar: false, deleteFromFile: true }, { batchBar: false, deleteFromFile: false }],
  ])('%s', (_, stored, off) => {
    expect(effectiveSwitches(stored)).toEqual({ ...ALL_ON, ...off });
  });

  it('has every switch on by default in the settings table', () => {
    expect(SETTINGS.featureSwitches.fallback).toEqual(ALL_ON);
  });
});

describe('switchedOn', () => {
  it.each<[FeatureSwitch[] | undefined, Partial<Record<FeatureSwitch, boolean>>, boolean]>([
    [undefined, { rowMenu: false }, true],
    [[], {}, true],
    [['rowMenu'], {}, true],
    [['rowMenu'], { rowMenu: false }, false],
    [['batchBar', 'deleteFromFile'], { deleteFromFile: false }, false],
    [['batchBar', 'deleteFromFile'], {}, true],
  ])('%j with %j off → %s', (needs, off, on) => {
    expect(switchedOn(needs, { ...ALL_ON, ...off })).toBe(on);
  });
});

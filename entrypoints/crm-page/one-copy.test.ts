import { describe, expect, it } from 'vitest';
import { startOnlyCopy } from './one-copy';

describe('startOnlyCopy', () => {
  it('stops the copy that ran before, and only that one', () => {
    const scope = {};
    const events = new EventTarget();
    const first = startOnlyCopy(scope, events, () => true);
    expect(first.aborted).toBe(false);
    const second = startOnlyCopy(scope, events, () => true);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    const other = startOnlyCopy({}, events, () => true);
    expect(second.aborted).toBe(false);
    expect(other.aborted).toBe(false);
  });

  it.each([
    ['pointerdown', true], ['keydown', true], ['visibilitychange', true], ['message', false], ['crmx:content-script-started', false],
  ])('a copy whose extension is gone stops on %s: %s', (type, stops) => {
    const events = new EventTarget();
    let alive = true;
    const signal = startOnlyCopy({}, events, () => alive);
    events.dispatchEvent(new Event(type));
    expect(signal.aborted).toBe(false);
    alive = false;
    events.dispatchEvent(new Event(type));
    expect(signal.aborted).toBe(stops);
  });

  it('does not stop for what the page says: a page event only makes it look at its own extension', () => {
    const events = new EventTarget();
    const signal = startOnlyCopy({}, events, () => true);
    for (const type of ['pointerdown', 'keydown', 'visibilitychange', 'message']) events.dispatchEvent(new Event(type));
    expect(signal.aborted).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { putInSlot, rowSlot, type SlotPlace } from './row-slot';

describe('putInSlot', () => {
  it.each<SlotPlace[][]>([
    [['select', 'menu', 'star']],
    [['menu', 'star', 'select']],
    [['star', 'select', 'menu']],
    [['star', 'menu', 'select']],
    [['menu', 'select']],
  ])('controls added in the order %j sit as select, menu, star', (order) => {
    const cell = document.createElement('td');
    const shadow = rowSlot(document, cell);
    for (const place of order) {
      const control = document.createElement('button');
      control.dataset.place = place;
      putInSlot(shadow, control, place);
    }
    const expected = (['select', 'menu', 'star'] as const).filter((p) => order.includes(p));
    expect([...shadow.children].filter((c) => c instanceof HTMLElement && c.dataset.place).map((c) => (c as HTMLElement).dataset.place)).toEqual(expected);
    expect(rowSlot(document, cell)).toBe(shadow);
  });
});

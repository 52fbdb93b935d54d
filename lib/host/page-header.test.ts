import { afterEach, describe, expect, it } from 'vitest';
import { headerBottom } from './page-header';

afterEach(() => {
  document.body.innerHTML = '';
});

function box(el: Element, top: number, height: number) {
  el.getBoundingClientRect = () => ({ top, bottom: top + height, height, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) });
}

describe('headerBottom', () => {
  it('is where a top-level header ends in the window, 0 once it has scrolled away or where there is none', () => {
    document.body.innerHTML = '<header class="topbar">CRM <a href="/logout">Sign out</a></header><main></main>';
    const header = document.querySelector('header')!;
    box(header, 0, 48);
    expect(headerBottom(document)).toBe(48);
    box(header, -30, 48);
    expect(headerBottom(document)).toBe(18);
    box(header, -60, 48);
    expect(headerBottom(document)).toBe(0);
    header.remove();
    expect(headerBottom(document)).toBe(0);
  });

  it('takes the adapter\'s header, and never more than a third of the window', () => {
    document.body.innerHTML = '<div id="navbar"></div>';
    box(document.querySelector('#navbar')!, 0, 44);
    expect(headerBottom(document)).toBe(0);
    expect(headerBottom(document, '#navbar')).toBe(44);
    box(document.querySelector('#navbar')!, 0, 5000);
    expect(headerBottom(document, '#navbar')).toBe(Math.round(innerHeight / 3));
  });
});

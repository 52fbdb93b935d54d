import { beforeEach, describe, expect, it } from 'vitest';
import { scopedQuery } from './scoped-query';

let row: HTMLTableRowElement;
beforeEach(() => {
  document.body.innerHTML = `<table><tbody><tr id="r">
    <td class="col-x">x</td>
    <td class="col-name"><span><a id="deep" href="/customers/1">Ann</a></span><a id="direct" href="/c/2">B</a></td>
    <td class="col-name"><a id="later" href="/customers/3">C</a></td>
    <td data-k="a > b, c"><b id="quoted">q</b></td>
  </tr></tbody></table>`;
  row = document.querySelector('tr')!;
});

describe('scopedQuery gives what querySelector gives', () => {
  it.each([
    ':scope > td.col-name a[href]',
    ':scope>td.col-name>a[href]',
    ':scope > td.col-name > a',
    ':scope > td:first-child',
    ':scope > td:nth-child(3)',
    ':scope > td.col-name  span  a',
    ':scope > td[data-k="a > b, c"] b',
    ':scope > td.missing a',
    ':scope > td.col-name ~ td a',
    'td.col-name a, td b',
    'a[href]',
    ':scope td a',
  ])('%s', (selector) => {
    expect(scopedQuery(selector)(row)).toBe(row.querySelector(selector));
  });

  it('looks only inside the scope', () => {
    const other = document.createElement('tr');
    other.innerHTML = '<td class="col-name">no link</td>';
    document.querySelector('tbody')!.append(other);
    expect(scopedQuery(':scope > td.col-name a[href]')(other)).toBeNull();
  });
});

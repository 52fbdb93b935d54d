import { beforeEach, describe, expect, it } from 'vitest';
import { suitecrmAdapter as adapter, suitecrmListUrl } from './suitecrm';
import { loadSuitecrmDetailPage, loadSuitecrmPage, SUITECRM_DETAIL_ID } from '../test-fixture';
import { observeRows } from '../observe-rows';
import { pageKind } from '../adapter';

const IDS = ['1abc8d7d-0afe-4515-bfc7-6b11ed198c00', '93cfcda2-b237-020b-1757-6b11ed81968f', '129eac13-8802-94af-dfff-6b11ecfed4db'];
const rows = () => [...document.querySelectorAll(adapter.selectors.row)];

describe('SuiteCRM adapter on the saved Accounts list view', () => {
  beforeEach(() => {
    loadSuitecrmPage();
  });

  // The pager's text, then the list's URL Refresh loads (SuiteCRM's offset parameter; none on the first page).
  it.each([
    ['(1 - 20 of 51)', null],
    ['(21 - 40 of 51)', '20'],
    ['(41 - 51 of 51)', '40'],
    ['(21 - 40 trong số 51)', '20'],
  ])('Refresh after the pager says %s loads the Accounts list at offset %s by GET', (pager, offset) => {
    for (const numbers of document.querySelectorAll('.pageNumbers')) numbers.textContent = pager;
    const url = suitecrmListUrl(document);
    expect([url.pathname.endsWith('/index.php'), url.searchParams.get('module'), url.searchParams.get('action')]).toEqual([true, 'Accounts', 'index']);
    expect(url.searchParams.get('Accounts2_ACCOUNT_offset')).toBe(offset);
  });

  it('finds the 3 data rows, not the header or pagination rows', () => {
    expect(rows()).toHaveLength(3);
    expect(rows().every((row) => row.closest('tbody') === adapter.container(document))).toBe(true);
  });

  it('reads each id from the row\'s checkbox, as SuiteCRM\'s mass actions do', () => {
    expect(rows().map((row) => adapter.rowId(row))).toEqual(IDS);
    expect(rows().map((row) => row.querySelector<HTMLInputElement>('input[name="mass[]"]')!.value)).toEqual(IDS);
  });

  it('reads the id from the checkbox, never from a neighbouring link', () => {
    const row = rows()[0];
    // The row's links (edit, name, assigned user, e-mail) all carry a record id; only the checkbox counts.
    for (const link of row.querySelectorAll('a[href*="record"]')) link.setAttribute('href', link.getAttribute('href')!.replaceAll(IDS[0], 'other-record'));
    expect(adapter.rowId(row)).toBe(IDS[0]);
    row.querySelector<HTMLInputElement>('input[name="mass[]"]')!.value = 'reused-for-another';
    expect(adapter.rowId(row)).toBe('reused-for-another');
    row.querySelector('input[name="mass[]"]')!.remove();
    expect(adapter.rowId(row)).toBeNull();
  });

  it.each([
    [0, 'Rep1 Own Co'],
    [1, 'A&B "Q"  O\'Neil Việt'],
    [2, 'S Cane Sweeteners Ltd'],
  ])('row %i\'s name is its Name cell\'s text: %s', (index, name) => {
    expect(adapter.rowName(rows()[index])).toBe(name);
  });

  it('puts our controls in the checkbox cell (no inline editing there) and finds the header cell above it', () => {
    const cells = rows().map((row) => adapter.menuCell(row));
    expect(cells.every((cell, i) => cell === rows()[i].firstElementChild && cell?.querySelector('input.listview-checkbox'))).toBe(true);
    expect(cells.some((cell) => cell?.classList.contains('inlineEdit'))).toBe(false);
    expect([...document.querySelectorAll(adapter.menuCellInDocument!)]).toEqual(cells);
    const header = adapter.headerCell(document)!;
    expect(header.tagName).toBe('TH');
    expect(header.closest('tr')!.querySelectorAll('th').length).toBe(rows()[0].children.length);
  });

  it('names the list with SuiteCRM\'s own pager, counts, select-all and bulk actions inside', () => {
    const list = document.querySelector(adapter.selectors.list!)!;
    for (const own of ['#listViewNextButton_top', '#listViewNextButton_bottom', '.pageNumbers', '#massall_top', '#actionLinkTop']) {
      expect(list.querySelector(own), own).not.toBeNull();
    }
    expect(list.contains(adapter.container(document))).toBe(true);
  });

  it('hands each row to the row observer once, and the ones SuiteCRM\'s paging brings', async () => {
    const controller = new AbortController();
    const seen: Element[] = [];
    observeRows({ root: document, rowSelector: adapter.selectors.row, signal: controller.signal }).subscribe('test', (row) => seen.push(row), undefined, { eager: true });
    await Promise.resolve();
    expect(seen).toEqual(rows());
    controller.abort();
  });
});

describe('SuiteCRM adapter\'s list appearing later (AjaxUI puts it into #content by XHR)', () => {
  it('observes rows that arrive after start, and finds the container then', async () => {
    loadSuitecrmPage();
    const content = document.querySelector('#content')!;
    const list = content.innerHTML;
    content.replaceChildren();
    expect(adapter.container(document)).toBeNull();
    const controller = new AbortController();
    const seen: Array<string | null> = [];
    observeRows({ root: document, rowSelector: adapter.selectors.row, signal: controller.signal })
      .subscribe('test', (row) => seen.push(adapter.rowId(row)), undefined, { eager: true });
    content.innerHTML = list;
    await new Promise((resolve) => setTimeout(resolve));
    expect(seen).toEqual(IDS);
    expect(adapter.container(document)?.tagName).toBe('TBODY');
    controller.abort();
  });
});

describe('SuiteCRM adapter\'s pages (the whole URL)', () => {
  const base = 'http://127.0.0.1:36080';
  it.each([
    ['/index.php?module=Accounts&action=index', true],
    ['/index.php?action=index&module=Accounts', true],
    ['/index.php?module=Accounts&action=ListView', true],
    ['/index.php?module=Accounts&action=index&parentTab=Sales', true],
    ['/index.php?module=Accounts&action=index&query=true&name_basic=Ham', true],
    ['/?module=Accounts&action=index', true],
    ['/suitecrm/index.php?module=Accounts&action=index', true],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex', true],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex%26parentTab%3DSales', true],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Faction%3Dindex%26module%3DAccounts', true],
    ['/index.php?module=Accounts&action=DetailView&record=1abc8d7d-0afe-4515-bfc7-6b11ed198c00', false],
    ['/index.php?module=Accounts&action=EditView', false],
    ['/index.php?module=Contacts&action=index', false],
    ['/index.php?module=Contacts&action=index&return_module=Accounts', false],
    ['/index.php?module=Home&action=index', false],
    ['/index.php?module=Users&action=Login', false],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DContacts%26action%3Dindex', false],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26return_module%3DAccounts%26return_action%3Dindex%26action%3DDetailView%26record%3Dx', false],
    ['/index.php?module=Accounts&action=DetailView#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex', false],
    ['/index.php?return_module=Accounts&return_action=index&module=Home&action=index', false],
  ])('%s → %s', (path, expected) => {
    expect(adapter.matchesPage(new URL(base + path), document.implementation.createHTMLDocument())).toBe(expected);
  });

  it('matches the bare index.php a paging POST returns only when its form is the Accounts list\'s', () => {
    const url = new URL(`${base}/index.php`);
    expect(adapter.matchesPage(url, loadSuitecrmPage())).toBe(true);
    document.querySelector('form#MassUpdate > input[name="module"]')!.setAttribute('value', 'Contacts');
    expect(adapter.matchesPage(url, document)).toBe(false);
    expect(adapter.matchesPage(url, document.implementation.createHTMLDocument())).toBe(false);
    expect(adapter.matchesPage(new URL(`${base}/index.php?module=Home&action=index`), loadSuitecrmPage())).toBe(false);
  });
});

describe('SuiteCRM adapter\'s record page: the account\'s detail view', () => {
  const record = adapter.record!;
  const base = 'http://127.0.0.1:36080';
  const empty = () => document.implementation.createHTMLDocument();

  it.each([
    ['/index.php?module=Accounts&action=DetailView&record=3400cf01-3613-7643-1b92-6b11ec7452ba', 'record'],
    ['/index.php?record=x&action=DetailView&module=Accounts', 'record'],
    ['/suitecrm/index.php?module=Accounts&action=DetailView&record=x&return_module=Accounts', 'record'],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3DDetailView%26record%3Dx', 'record'],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26return_module%3DAccounts%26return_action%3Dindex%26action%3DDetailView%26record%3Dx', 'record'],
    ['/index.php?module=Accounts&action=index', 'list'],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex', 'list'],
    ['/index.php?module=Contacts&action=DetailView&record=x', null],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DContacts%26action%3DDetailView%26record%3Dx', null],
    ['/index.php?module=Accounts&action=EditView&record=x', null],
    ['/index.php?module=Accounts&action=DetailView2&record=x', null],
    ['/index.php?module=Home&action=index&return_module=Accounts&return_action=DetailView', null],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DHome%26return_module%3DAccounts%26return_action%3DDetailView', null],
  ])('%s → %s', (path, expected) => {
    const url = new URL(base + path);
    expect(adapter.matchesPage(url, empty()) ? 'list' : record.matchesPage(url, empty()) ? 'record' : null).toBe(expected);
  });

  it('is the page of the account once the document shows it: named by the element our controls follow', () => {
    const url = new URL(`${base}/index.php?module=Accounts&action=DetailView&record=${SUITECRM_DETAIL_ID}`);
    expect(pageKind(adapter, url, empty())).toBeNull();
    const kind = pageKind(adapter, url, loadSuitecrmDetailPage());
    expect(kind).toBe(document.querySelector('.moduleTitle > div.favorite'));
    expect(pageKind(adapter, new URL(`${base}/index.php?module=Contacts&action=DetailView&record=x`), document)).toBeNull();
  });

  it('reads the record its own buttons act on, the title\'s name, and puts our controls after SuiteCRM\'s star', () => {
    loadSuitecrmDetailPage();
    expect(record.id(document)).toBe(SUITECRM_DETAIL_ID);
    expect(document.querySelector('div.favorite')!.getAttribute('record_id')).toBe(SUITECRM_DETAIL_ID);
    expect(record.name(document)).toBe('Hammer Group Inc');
    const anchor = record.anchor(document)!;
    expect(anchor.matches('div.favorite[module="Accounts"]')).toBe(true);
    expect(anchor.previousElementSibling?.matches('h2.module-title-text')).toBe(true);
  });

  it('goes after the title where SuiteCRM shows no favourite star, and finds no record on another module\'s detail view or before the view arrives', () => {
    loadSuitecrmDetailPage();
    document.querySelector('div.favorite')!.remove();
    expect(record.anchor(document)?.matches('h2.module-title-text')).toBe(true);
    document.querySelector('form#formDetailView > input[name="module"]')!.setAttribute('value', 'Contacts');
    expect(record.id(document)).toBeNull();
    document.querySelector('#content')!.replaceChildren();
    expect([record.id(document), record.anchor(document), record.name(document)]).toEqual([null, null, '']);
  });

  it('the list\'s page is never a record page and the list\'s fixture holds no record', () => {
    loadSuitecrmPage();
    expect(record.id(document)).toBeNull();
    expect(record.anchor(document)).toBeNull();
  });
});

// The export buttons ask the background for the file in the language the user reads, save what it answers
// under its name, and say why when it cannot.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { addDictionary, currentLanguage, type Language } from '../../lib/i18n';
import { vi as viDictionary } from '../../lib/i18n/vi';
import { ReplyError } from '../../lib/protocol/messages';
import type { ExportSource } from '../../lib/protocol/export';
import { ExportButtons } from './ExportButtons';

const saved: { name: string; type: string; text: string }[] = [];

beforeEach(() => {
  saved.length = 0;
  addDictionary('vi', viDictionary);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const b = blob as Blob;
    void b.text().then((text) => saved.push({ name: '', type: b.type, text }));
    return 'blob:x';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, type: '', text: '' });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  currentLanguage.value = 'en';
});

describe('ExportButtons', () => {
  it.each<[Language, 'csv' | 'xlsx', string, ExportSource]>([
    ['en', 'csv', 'Export CSV', { what: 'customers', customerIds: ['c-1', 'c-2'] }],
    ['vi', 'xlsx', 'Xuất Excel', { what: 'jobResults', jobId: 'job-1' }],
    ['vi', 'csv', 'Xuất CSV', { what: 'fileErrors', jobId: 'job-2' }],
  ])('in %s, %s: asks for the file in that language and saves it under its name', async (language, format, label, source) => {
    currentLanguage.value = language;
    const request = vi.fn(async () => ({ fileName: `f.${format}`, mimeType: 'text/csv;charset=utf-8', base64: btoa('a,b'), rows: 1 }));
    const view = render(<ExportButtons api={{ request: request as never }} source={() => source} />);
    const button = view.getByRole('button', { name: label });
    fireEvent.click(button);
    await waitFor(() => expect(saved.some((s) => s.name === `f.${format}`)).toBe(true));
    expect(request).toHaveBeenCalledWith('exportFile', { ...source, format, language });
    expect(view.getByRole('group').getAttribute('aria-label')).toBe(language === 'en' ? 'Export' : 'Xuất tệp');
  });

  it('says why when the background cannot write it, in words', async () => {
    const request = vi.fn(async () => {
      throw new ReplyError({ code: 'not_connected', message: 'no token configured' });
    });
    const view = render(<ExportButtons api={{ request: request as never }} source={() => ({ what: 'jobResults', jobId: 'job-1' })} />);
    fireEvent.click(view.getByRole('button', { name: 'Export CSV' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).not.toContain('no token');
    expect(alert.textContent).toMatch(/\S/);
    expect(saved).toEqual([]);
  });
});

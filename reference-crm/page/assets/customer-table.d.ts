// Types of customer-table.js for the tests.
import type { Customer } from '../../../lib/domain/types';

export interface TableWindow {
  fetch: typeof fetch;
  location: { search: string; pathname: string; assign(url: string): void };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
export function mountCustomerTable(doc: Document, win: TableWindow): () => void;
export function renderRows(doc: Document, tbody: HTMLTableSectionElement, items: Customer[], names: ReadonlyMap<string, string>, q?: string): void;

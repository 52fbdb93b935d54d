// Types of list-state.js for the server (html.ts) and the tests.
export interface ListState {
  page: number;
  pageSize: number;
  q: string;
  sort: string;
}
export const PAGE_SIZES: number[];
export const LARGE_PAGE_SIZES: number[];
export const API_MAX_PAGE_SIZE: number;
export const SORTS: string[];
export const DEFAULT_STATE: Readonly<ListState>;
export function parseState(search: string): ListState;
export function stateToSearch(state: ListState): string;
export function apiQueries(state: ListState): string[];
export function footerText(state: ListState, shown: number, total: number): string;
export function lastPage(total: number, pageSize: number): number;
export function nextSort(current: string, column: 'name' | 'code' | 'updatedAt'): string;
export function ariaSort(current: string, column: 'name' | 'code' | 'updatedAt'): 'none' | 'ascending' | 'descending';
export function formatUpdated(iso: string): string;

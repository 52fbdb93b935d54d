// Server-rendered HTML of the host pages. Every piece of data goes through escapeHtml.
import type { Customer, LogEntry, User } from '../../lib/domain/types';
import { PAGE_SIZES } from './assets/list-state.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The whole document around a page's body. No CSP on purpose: an XSS bug in anything on this page must show. */
export function layout(title: string, user: User | null, body: string, scripts: string[] = []): string {
  const account = user
    ? `<span class="user-name">${escapeHtml(user.name)}</span><a class="sign-out" href="/logout">Sign out</a>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Reference CRM</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/crm.css">
</head>
<body>
<header class="topbar"><a class="brand" href="/customers">Reference CRM</a><nav><a class="current" href="/customers">Customers</a></nav>${account}</header>
<main class="content">
${body}
</main>
${scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('\n')}
</body>
</html>
`;
}

const COLUMNS: [className: string, label: string, sortable: boolean][] = [
  ['col-name', 'Name', true],
  ['col-code', 'Code', true],
  ['col-phone', 'Phone', false],
  ['col-email', 'Email', false],
  ['col-ae', 'Account executive', false],
  ['col-csr', 'CSR', false],
  ['col-tags', 'Tags', false],
  ['col-updated', 'Updated', true],
];

/** The customer list's shell; assets/customers.js fills the table. */
export function customersPage(user: User): string {
  const head = COLUMNS.map(([cls, label, sortable]) =>
    sortable
      ? `<th class="${cls}" scope="col" aria-sort="none"><button type="button">${label}</button></th>`
      : `<th class="${cls}" scope="col">${label}</th>`,
  ).join('');
  const sizes = PAGE_SIZES.map((n) => `<option value="${n}">${n}</option>`).join('');
  return layout('Customers', user, `<div class="page-head">
<h1>Customers</h1>
<div class="toolbar"><input id="customer-search" type="search" placeholder="Search name, code, phone or email" aria-label="Search customers" autocomplete="off"></div>
</div>
<div id="load-error" class="load-error" role="alert" hidden></div>
<div class="table-wrap">
<table id="customer-table" class="data-table">
<thead><tr>${head}</tr></thead>
<tbody></tbody>
</table>
<div class="table-footer">
<span id="page-info" class="page-info" aria-live="polite">Loading…</span>
<label>Rows per page <select id="page-size">${sizes}</select></label>
<button id="page-prev" type="button" disabled>Prev</button>
<span id="page-number" class="page-number"></span>
<button id="page-next" type="button" disabled>Next</button>
</div>
</div>`, ['/assets/customers.js']);
}

function when(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.slice(0, 16).replace('T', ' '))} UTC</time>`;
}

/** One customer's own page, with the newest entries of its history. */
export function customerPage(user: User, customer: Customer, names: ReadonlyMap<string, string>, history: LogEntry[]): string {
  const person = (id: string | null) => (id === null ? '—' : escapeHtml(names.get(id) ?? id));
  const shares = [...customer.shares.departmentIds, ...customer.shares.roleIds, ...customer.shares.userIds].map(person);
  const fields: [string, string][] = [
    ['Code', escapeHtml(customer.code)],
    ['Phone', escapeHtml(customer.phone)],
    ['Email', escapeHtml(customer.email) || '—'],
    ['Source', escapeHtml(customer.source)],
    ['Business field', escapeHtml(customer.businessField)],
    ['Account executive', person(customer.aeId)],
    ['Customer service', person(customer.csrId)],
    ['Pool', person(customer.poolId)],
    ['Tags', customer.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ') || '—'],
    ['Shared with', shares.join(', ') || '—'],
    ['Created', when(customer.createdAt)],
    ['Last updated', when(customer.updatedAt)],
  ];
  const items = history.map((e) =>
    `<li>${when(e.at)} <strong>${escapeHtml(e.type)}</strong> ${escapeHtml(e.details)}${e.actorId ? ` — ${person(e.actorId)}` : ''}</li>`,
  );
  return layout(customer.name, user, `<p><a href="/customers">← Customers</a></p>
<article class="customer-card" id="customer-detail">
<h1>${escapeHtml(customer.name)}</h1>
<dl class="customer-fields">${fields.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>History</h2>
${items.length ? `<ol class="customer-history">${items.join('')}</ol>` : '<p>No history yet.</p>'}
</article>`);
}

export function messagePage(user: User | null, title: string, message: string): string {
  return layout(title, user, `<p><a href="/customers">← Customers</a></p><div class="customer-card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div>`);
}

// Followed customers and a search over the cached customers, with selection and the batch bar.
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Customer, Id } from '../../lib/domain/types';
import type { ContentApi } from '../../lib/ui/api';
import { batchShareAction } from '../crm-page/features/batch-share';
import { cancelSharingAction } from '../crm-page/features/cancel-sharing';
import { addLabelsAction, setLabelsAction } from '../crm-page/features/labels';
import { batchFollowAction, batchUnfollowAction } from '../crm-page/features/batch-follow';
import { batchDeleteAction } from '../crm-page/features/batch-delete';
import { batchReassignAction } from '../crm-page/features/batch-reassign';
import { deleteFromFileTool } from '../crm-page/features/delete-from-file';
import { failureText } from '../../lib/ui/outcome';
import type { SessionView } from '../../lib/protocol/messages';
import { selectMatching, setPage, toggle, type MatchingFilter } from '../../lib/ui/selection';
import { BatchBar, filterText } from '../../components/batch/BatchBar';
import { bundledDialogs } from '../../components/bundled-dialogs';
import type { OnChange, PanelProps } from './SidePanel';
import { customerText } from '../../lib/ui/customer-label';

const PAGE = 100;
/** The CRM page's batch actions (its batch features), in the same order. */
const BATCH_ACTIONS = [batchShareAction, cancelSharingAction, setLabelsAction, addLabelsAction, batchFollowAction, batchUnfollowAction, batchReassignAction, batchDeleteAction];
const BATCH_TOOLS = [deleteFromFileTool];

export function FollowedSection({ api, onChange }: { api: ContentApi; onChange: OnChange }) {
  const [list, setList] = useState<{ items: Customer[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Every followed customer, a page at a time: "More" adds the next page; a change reloads what was shown.
  const load = (offset: number, limit: number, before: Customer[]) =>
    api.request('searchCached', { followedOnly: true, offset, limit }).then(
      (r) => setList({ items: [...before, ...r.items], total: r.total }),
      (e: unknown) => setError(failureText(e)),
    );
  const shownCount = useRef(0);
  shownCount.current = list?.items.length ?? 0;
  useEffect(() => {
    void load(0, PAGE, []);
    return onChange((change) => (change.kind === 'follows' || change.kind === 'sync') && void load(0, Math.max(PAGE, shownCount.current), []));
  }, []);
  const items = list?.items ?? null;
  return (
    <section aria-labelledby="crmx-panel-followed" data-crmx-panel-followed>
      <h2 id="crmx-panel-followed">{t('batch.panel.followed')}</h2>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {items && items.length === 0 && <p>{t('batch.panel.noFollowed')}</p>}
      {items && items.length > 0 && <ul>{items.map((c) => <li key={c.id} data-crmx-followed={c.id}>★ {c.name}</li>)}</ul>}
      {list && list.items.length < list.total && (
        <button type="button" data-crmx-panel-followed-more onClick={() => void load(list.items.length, PAGE, list.items)}>{t('batch.panel.more')}</button>
      )}
    </section>
  );
}

export function SearchSection({ api, jobs, store, onChange, session }: PanelProps & { session: SessionView }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ items: Customer[]; total: number }>({ items: [], total: 0 });
  const [error, setError] = useState<string | null>(null);
  const shown = useMemo(() => signal<readonly Id[]>([]), []);

  const load = (query: string, more = false) => {
    const offset = more ? result.items.length : 0;
    api.request('searchCached', { q: query.trim() || undefined, offset, limit: PAGE }).then((r) => {
      const items = more ? [...result.items, ...r.items] : r.items;
      for (const c of r.items) store.names.set(c.id, c.name);
      shown.value = items.map((c) => c.id);
      setResult({ items, total: r.total });
      setError(null);
    }, (e: unknown) => setError(failureText(e)));
  };
  useEffect(() => {
    const timer = setTimeout(() => load(q), 200);
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => onChange((change) => (change.kind === 'sync' || change.kind === 'customers') && load(q)), [q]);

  const filter = (): MatchingFilter => (q.trim() ? { q: q.trim() } : {});
  // Straight from the CRM, so it works before (or without) the cache being filled.
  const selectAllMatching = () => {
    const asked = filter();
    api.request('resolveMatching', asked).then(({ ids, total }) => {
      store.selection.value = selectMatching(ids, asked, total);
    }, (e: unknown) => setError(failureText(e)));
  };
  const selected = store.selection.value.ids;
  return (
    <section aria-labelledby="crmx-panel-search" data-crmx-panel-search>
      <h2 id="crmx-panel-search">{t('batch.panel.search')}</h2>
      <input type="search" aria-labelledby="crmx-panel-search" value={q} data-crmx-panel-q onInput={(e) => setQ(e.currentTarget.value)} />
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <p data-crmx-panel-total={result.total}>
        {t('batch.panel.results', { count: result.total })}{' '}
        <button type="button" data-crmx-select-shown onClick={() => (store.selection.value = setPage(store.selection.value, shown.value, true))}>
          {t('batch.panel.selectShown')}
        </button>{' '}
        <button type="button" data-crmx-panel-select-matching onClick={selectAllMatching}>
          {t('batch.panel.selectMatching', { filter: filterText(filter()) })}
        </button>
      </p>
      <ul class="crmx-panel-results">
        {result.items.map((c) => (
          <li key={c.id}>
            <input type="checkbox" class="crmx-select-box" id={`crmx-panel-${c.id}`} checked={selected.has(c.id)}
              onChange={(e) => (store.selection.value = toggle(store.selection.value, c.id, e.currentTarget.checked))} />
            <label for={`crmx-panel-${c.id}`}>{customerText(c)}</label>
            <span class="crmx-help">{c.phone}</span>
          </li>
        ))}
      </ul>
      {result.items.length < result.total && <button type="button" onClick={() => load(q, true)}>{t('batch.panel.more')}</button>}
      <div class="crmx-batch-static">
        <BatchBar store={store} api={api} jobs={jobs} crmHost={new URL(session.crmOrigin).host} isAdmin={session.me.isAdmin}
          page={{ ids: shown, filter }} actions={BATCH_ACTIONS} tools={BATCH_TOOLS} dialogs={bundledDialogs} />
      </div>
    </section>
  );
}

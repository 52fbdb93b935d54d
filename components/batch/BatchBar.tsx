// The batch bar: appears with a selection and shows its count; a button per batch action (the batch
// features bring them: entrypoints/crm-page/features/batch-share.ts…) opening its dialog; shows the
// progress and summary of the jobs started here. Used on the CRM page and in the side panel.
import type { ReadonlySignal } from '@preact/signals';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';
import type { JobView } from '../../lib/protocol/jobs';
import { failureText } from '../../lib/ui/outcome';
import { isUnfiltered, pageState, selectMatching, type MatchingFilter } from '../../lib/ui/selection';
import { clearSelection, type SelectionStore } from '../../lib/ui/selection-store';
import type { DialogSource } from '../kit/lazy-dialogs';
import { useDialogKit } from '../use-dialog-kit';
import { ExportButtons } from '../export/ExportButtons';
import type { BatchAction, BatchApi, BatchTool } from './batch-action';
import { isFinished } from './job-state';
import type { JobsStore } from './jobs-store';

export interface BatchBarProps {
  store: SelectionStore;
  api: BatchApi;
  jobs: JobsStore;
  crmHost: string;
  isAdmin: boolean;
  /** On the CRM page: the ids on the current page and the page's filter, for "select all N matching" (null: not known). */
  page?: { ids: ReadonlySignal<readonly Id[]>; filter(): MatchingFilter | null };
  /** Actions on the selected customers, in the bar's order. */
  actions: readonly BatchAction[];
  /** Actions shown when nothing is selected (delete from a file). */
  tools: readonly BatchTool[];
  /** Where the batch dialogs come from (loaded on first use on the CRM page). */
  dialogs: DialogSource;
}

type Open =
  | { action: BatchAction; returnFocus: HTMLElement | null; ids: Id[]; notOnScreen: Id[] }
  | { tool: BatchTool; returnFocus: HTMLElement | null }
  | null;

export function filterText(filter: MatchingFilter): string {
  if (isUnfiltered(filter)) return t('batch.filterNone');
  const parts: string[] = [];
  if (filter.q) parts.push(t('batch.filterQ', { q: filter.q }));
  if (filter.tag) parts.push(t('batch.filterTag', { tag: filter.tag }));
  if (filter.followed) parts.push(t('batch.filterFollowed'));
  return parts.join(', ');
}

/**
 * The jobs the bar shows: every one still running, and of the finished ones only the one that ended last
 * (its summary and Undo), so finished cards never pile up over the page.
 */
export function shownJobs(jobs: readonly JobView[]): JobView[] {
  const finished = jobs.filter(isFinished);
  const last = finished.reduce<JobView | null>((a, b) => (a && a.updatedAt > b.updatedAt ? a : b), null);
  return jobs.filter((job) => !isFinished(job) || job === last);
}

export function BatchBar(props: BatchBarProps) {
  const { store, api, jobs } = props;
  const [open, setOpen] = useState<Open>(null);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = shownJobs(jobs.mine.value.map((id) => jobs.jobs.value.get(id)).filter((j) => j !== undefined));
  // A job's progress comes with the dialogs' script (already there once a batch was started from this page).
  const kit = useDialogKit(props.dialogs, open !== null || mine.length > 0, (e) => {
    setOpen(null);
    setError(failureText(e));
  });
  const selection = store.selection.value;
  const count = selection.ids.size;
  // Read only with a selection (for "select all N matching" and the ones chosen on other pages): reading them costs a scan of the page's rows.
  const pageIds = count > 0 ? props.page?.ids.value ?? [] : [];
  const allowed = (entry: { adminOnly?: boolean }) => !entry.adminOnly || props.isAdmin;
  const actions = props.actions.filter(allowed);
  const tools = props.tools.filter(allowed);
  const pageFilter = props.page?.filter() ?? null;
  const offerMatching = pageFilter !== null && !selection.matching && pageIds.length > 0 && pageState(selection, pageIds) === 'all';

  // Chosen on another page of the list: still acted on, so the dialog names them (all N matching says so itself).
  const notOnScreen = (): Id[] => {
    if (!props.page || selection.matching) return [];
    const shown = new Set(pageIds);
    return [...selection.ids].filter((id) => !shown.has(id));
  };

  const selectAllMatching = async () => {
    const filter = props.page?.filter();
    if (!filter) return;
    setResolving(true);
    setError(null);
    try {
      const { ids, total } = await api.request('resolveMatching', filter);
      store.selection.value = selectMatching(ids, filter, total);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setResolving(false);
    }
  };

  if (count === 0 && mine.length === 0 && tools.length === 0 && !open) return null;
  // The dialogs sit beside the bar, not in it: the bar is transformed and scrolls, which would trap a
  // fixed backdrop inside it (and hide part of the confirmation).
  return (
    <>
    <div class="crmx-batch" role="region" aria-label={t('batch.region')} data-crmx-batch-bar>
      {count > 0 && (
        <div class="crmx-batch-row">
          <strong class="crmx-batch-count" data-crmx-selected-count={count} aria-live="polite">{t('batch.selected', { count })}</strong>
          {selection.matching && (
            <span class="crmx-batch-matching" data-crmx-matching>
              {t('batch.allMatching', { total: selection.matching.total, filter: filterText(selection.matching.filter) })}
            </span>
          )}
          {props.page && !pageFilter && !selection.matching && (
            // The CRM's filter is not one we can ask for (its own search form): the ticked rows are the selection.
            <span class="crmx-batch-matching" data-crmx-pages-shown>{t('batch.pagesShown')}</span>
          )}
          {offerMatching && (
            <button type="button" class="crmx-link" data-crmx-select-matching disabled={resolving} onClick={() => void selectAllMatching()}>
              {t('batch.selectMatching', { filter: filterText(pageFilter) })}
            </button>
          )}
          <div class="crmx-batch-actions">
            {actions.map((action) => (
              <button key={action.id} type="button" data-crmx-batch-action={action.id}
                onClick={(e) => setOpen({ action, returnFocus: e.currentTarget, ids: [...selection.ids], notOnScreen: notOnScreen() })}>
                {t(action.label)}
              </button>
            ))}
            <ExportButtons api={api} source={() => ({ what: 'customers', customerIds: [...store.selection.value.ids] })} />
            <button type="button" class="crmx-link" data-crmx-clear onClick={() => clearSelection(store)}>{t('batch.clear')}</button>
          </div>
        </div>
      )}
      {tools.length > 0 && count === 0 && (
        <div class="crmx-batch-row">
          {tools.map((tool) => <Fragment key={tool.id}>{tool.button((from) => setOpen({ tool, returnFocus: from }))}</Fragment>)}
        </div>
      )}
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {mine.length > 0 && (
        <div class="crmx-batch-jobs">
          {mine.map((job) => (
            <div key={job.id} class="crmx-batch-job">
              {kit ? <kit.JobProgress job={job} api={api} jobs={jobs} /> : <p role="status">{t('batch.loading')}</p>}
              {isFinished(job) && (
                <button type="button" class="crmx-link" onClick={() => (jobs.mine.value = jobs.mine.value.filter((id) => id !== job.id))}>
                  {t('batch.dismiss')}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
      {kit && open && 'tool' in open
        && open.tool.dialog(kit, { api, jobs, crmHost: props.crmHost, returnFocus: open.returnFocus, onClose: () => setOpen(null) })}
      {kit && open && 'action' in open && (
        <kit.BatchDialog action={open.action} ids={open.ids} names={store.names} notOnScreen={open.notOnScreen} api={api} crmHost={props.crmHost}
          returnFocus={open.returnFocus} onClose={() => setOpen(null)}
          onStarted={(job) => {
            jobs.started(job);
            clearSelection(store);
          }} />
      )}
    </>
  );
}

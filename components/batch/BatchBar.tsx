// The batch bar: appears with a selection and shows its count; opens the batch dialogs; shows the
// progress and summary of the jobs started here. Used on the CRM page and in the side panel.
import type { Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import { isUnfiltered, pageState, selectMatching, type MatchingFilter } from '../../lib/ui/selection';
import { clearSelection, type SelectionStore } from '../../lib/ui/selection-store';
import type { DialogSource } from '../kit/lazy-dialogs';
import { useDialogKit } from '../use-dialog-kit';
import type { BatchKind } from './BatchDialog';
import { isFinished } from './job-state';
import type { JobsStore } from './jobs-store';

export interface BatchBarProps {
  store: SelectionStore;
  api: Pick<ContentApi, 'request'>;
  jobs: JobsStore;
  crmHost: string;
  isAdmin: boolean;
  /** On the CRM page: the ids on the current page and the page's filter, for "select all N matching". */
  page?: { ids: Signal<readonly Id[]>; filter(): MatchingFilter };
  tagSuggestions(): Promise<{ tags: string[]; note?: string }>;
  /** Where the batch dialogs come from (loaded on first use on the CRM page). */
  dialogs: DialogSource;
}

const ACTIONS: Array<{ kind: BatchKind; label: MessageKey; admin?: boolean }> = [
  { kind: 'share', label: 'batch.action.share' },
  { kind: 'cancelShare', label: 'batch.action.cancelShare' },
  { kind: 'setLabels', label: 'batch.action.setLabels' },
  { kind: 'addLabels', label: 'batch.action.addLabels' },
  { kind: 'follow', label: 'batch.action.follow' },
  { kind: 'unfollow', label: 'batch.action.unfollow' },
  { kind: 'delete', label: 'batch.action.delete', admin: true },
];

type Open = { kind: BatchKind | 'file'; returnFocus: HTMLElement | null; ids: Id[]; notOnScreen?: Id[] } | null;

export function filterText(filter: MatchingFilter): string {
  if (isUnfiltered(filter)) return t('batch.filterNone');
  const parts: string[] = [];
  if (filter.q) parts.push(t('batch.filterQ', { q: filter.q }));
  if (filter.tag) parts.push(t('batch.filterTag', { tag: filter.tag }));
  if (filter.followed) parts.push(t('batch.filterFollowed'));
  return parts.join(', ');
}

export function BatchBar(props: BatchBarProps) {
  const { store, api, jobs } = props;
  const [open, setOpen] = useState<Open>(null);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = jobs.mine.value.map((id) => jobs.jobs.value.get(id)).filter((j) => j !== undefined);
  // A job's progress comes with the dialogs' script (already there once a batch was started from this page).
  const kit = useDialogKit(props.dialogs, open !== null || mine.length > 0, (e) => {
    setOpen(null);
    setError(failureText(e));
  });
  const selection = store.selection.value;
  const count = selection.ids.size;
  const pageIds = props.page?.ids.value ?? [];
  const offerMatching = props.page && !selection.matching && pageIds.length > 0 && pageState(selection, pageIds) === 'all';

  // Chosen on another page of the list: still acted on, so the dialog names them (all N matching says so itself).
  const notOnScreen = (): Id[] => {
    if (!props.page || selection.matching) return [];
    const shown = new Set(pageIds);
    return [...selection.ids].filter((id) => !shown.has(id));
  };

  const selectAllMatching = async () => {
    const filter = props.page!.filter();
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

  if (count === 0 && mine.length === 0 && !props.isAdmin && !open) return null;
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
          {offerMatching && (
            <button type="button" class="crmx-link" data-crmx-select-matching disabled={resolving} onClick={() => void selectAllMatching()}>
              {t('batch.selectMatching', { filter: filterText(props.page!.filter()) })}
            </button>
          )}
          <div class="crmx-batch-actions">
            {ACTIONS.filter((a) => !a.admin || props.isAdmin).map((a) => (
              <button key={a.kind} type="button" data-crmx-batch-action={a.kind}
                onClick={(e) => setOpen({ kind: a.kind, returnFocus: e.currentTarget, ids: [...selection.ids], notOnScreen: notOnScreen() })}>
                {t(a.label)}
              </button>
            ))}
            <button type="button" class="crmx-link" data-crmx-clear onClick={() => clearSelection(store)}>{t('batch.clear')}</button>
          </div>
        </div>
      )}
      {props.isAdmin && count === 0 && (
        <div class="crmx-batch-row">
          <button type="button" data-crmx-delete-file onClick={(e) => setOpen({ kind: 'file', returnFocus: e.currentTarget, ids: [] })}>
            {t('batch.file.open')}
          </button>
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
      {kit && open && open.kind === 'file' && (
        <kit.DeleteFromFileDialog api={api} jobs={jobs} crmHost={props.crmHost} returnFocus={open.returnFocus} onClose={() => setOpen(null)} />
      )}
      {kit && open && open.kind !== 'file' && (
        <kit.BatchDialog kind={open.kind} ids={open.ids} names={store.names} notOnScreen={open.notOnScreen} api={api} crmHost={props.crmHost}
          tagSuggestions={props.tagSuggestions} returnFocus={open.returnFocus} onClose={() => setOpen(null)}
          onStarted={(job) => {
            jobs.started(job);
            clearSelection(store);
          }} />
      )}
    </>
  );
}

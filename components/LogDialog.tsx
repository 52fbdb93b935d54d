// The customer's log as a timeline: time on the left, operation and details on the right; filtered by
// operation type and time range; pages back with "older" (the background reads its cache when the CRM
// is down, so this opens offline too).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import type { OpenDialog } from '../lib/ui/state';
import { LOG_TYPES, type LogType } from '../lib/domain/log-types';
import type { LogEntry } from '../lib/domain/types';
import type { TimelinePage, TimelineRequest } from '../lib/protocol/sync';
import { DateField } from './DateField';
import { Dialog } from './Dialog';
import { logTypeLabel } from './format';
import { Timeline } from './Timeline';

const PAGE = 50;

interface Props { api: ContentApi; open: OpenDialog; onClose(): void }
interface Filter { type: LogType | ''; from: string; to: string }

/** A day ("yyyy-mm-dd", local) as the ISO bound of that day. */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function timelineRequest(customerId: string, filter: Filter, before?: TimelinePage['next']): TimelineRequest {
  const request: TimelineRequest = { customerId, limit: PAGE };
  if (filter.type) request.types = [filter.type];
  const from = dayBound(filter.from, false);
  const to = dayBound(filter.to, true);
  if (from) request.from = from;
  if (to) request.to = to;
  if (before) request.before = before;
  return request;
}

type View = { status: 'loading' } | { status: 'error'; text: string }
  | { status: 'ok'; items: LogEntry[]; next: TimelinePage['next']; fromCache: boolean; loadingMore: boolean; moreError: string | null };

export function LogDialog({ api, open, onClose }: Props) {
  const [filter, setFilter] = useState<Filter>({ type: '', from: '', to: '' });
  const [view, setView] = useState<View>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setView({ status: 'loading' });
    api.request('getTimeline', timelineRequest(open.id, filter)).then(
      (page) => current && setView({ status: 'ok', ...page, loadingMore: false, moreError: null }),
      (error: unknown) => current && setView({ status: 'error', text: failureText(error) }),
    );
    return () => {
      current = false;
    };
  }, [open.id, filter.type, filter.from, filter.to]);

  const older = async () => {
    if (view.status !== 'ok' || !view.next) return;
    setView({ ...view, loadingMore: true, moreError: null });
    try {
      const page = await api.request('getTimeline', timelineRequest(open.id, filter, view.next));
      setView({ ...view, items: [...view.items, ...page.items], next: page.next, fromCache: view.fromCache || page.fromCache, loadingMore: false });
    } catch (error) {
      setView({ ...view, loadingMore: false, moreError: failureText(error) });
    }
  };

  return (
    <Dialog kind="log" title={t('log.title', { name: open.name })} onClose={onClose} returnFocus={open.returnFocus} wide>
      <div class="crmx-log-filters">
        <div>
          <label for="crmx-log-type">{t('log.type')}</label>
          <select id="crmx-log-type" value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.currentTarget.value as LogType | '' })}>
            <option value="">{t('log.allTypes')}</option>
            {LOG_TYPES.map((type) => <option key={type} value={type}>{logTypeLabel(type)}</option>)}
          </select>
        </div>
        <div>
          <label for="crmx-log-from">{t('log.from')}</label>
          <DateField id="crmx-log-from" label={t('log.from')} value={filter.from} onChange={(from) => setFilter({ ...filter, from })} />
        </div>
        <div>
          <label for="crmx-log-to">{t('log.to')}</label>
          <DateField id="crmx-log-to" label={t('log.to')} value={filter.to} onChange={(to) => setFilter({ ...filter, to })} />
        </div>
      </div>
      {view.status === 'loading' && <p role="status">{t('dialog.loading')}</p>}
      {view.status === 'error' && <p class="crmx-error" role="alert">{view.text}</p>}
      {view.status === 'ok' && (
        <>
          {view.fromCache && <p class="crmx-help" role="status" data-crmx-from-cache>{t('log.fromCache')}</p>}
          {view.items.length === 0 ? <p>{t('log.empty')}</p> : <Timeline items={view.items} api={api} />}
          {view.moreError && <p class="crmx-error" role="alert">{view.moreError}</p>}
          {view.next
            ? <button type="button" class="crmx-log-older" disabled={view.loadingMore} onClick={older}>{view.loadingMore ? t('dialog.loading') : t('log.older')}</button>
            : view.items.length > 0 && <p class="crmx-help">{t('log.end')}</p>}
        </>
      )}
    </Dialog>
  );
}

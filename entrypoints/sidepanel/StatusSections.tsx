// Sync status and the outbox (pending offline actions, conflicts to resolve) in the side panel.
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../../lib/i18n';
import { fieldText } from '../../components/change-text';
import { formatTime } from '../../lib/i18n/dates';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import { customerText } from '../../lib/ui/customer-label';
import { pendingText } from '../../lib/ui/pending-text';
import type { ConflictView, PendingAction } from '../../lib/protocol/mutations';
import type { SentAction } from '../../lib/protocol/messages';
import { sentMessages } from '../../lib/ui/sent-text';
import type { SyncStatus } from '../../lib/protocol/sync';
import type { OnChange } from './SidePanel';

const SYNC_PHASES = ['org', 'customers', 'follows', 'logs'] as const;

/** What the sync is doing, in the user's words (the phase is a name in the code, never shown as such). */
export function syncingText(status: Pick<SyncStatus, 'phase' | 'done'>): string {
  const phase = SYNC_PHASES.find((p) => p === status.phase) ?? 'customers';
  return t(`sync.phase.${phase}`, { done: status.done });
}

export function SyncSection({ api, onChange }: { api: ContentApi; onChange: OnChange }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.request('getSyncStatus', undefined).then(setStatus, (e: unknown) => setError(failureText(e)));
    return onChange((change) => change.kind === 'sync' && setStatus(change.status));
  }, []);
  const syncNow = () => api.request('syncNow', undefined).then(setStatus, (e: unknown) => setError(failureText(e)));
  return (
    <section aria-labelledby="crmx-panel-sync" data-crmx-panel-sync>
      <h2 id="crmx-panel-sync">{t('batch.panel.sync')}</h2>
      {status && (
        <p role="status">
          {status.running ? syncingText(status)
            : status.lastSyncAt ? t('batch.panel.lastSync', { at: formatTime(status.lastSyncAt) })
              : t('batch.panel.neverSynced')}
          {status.offline && <> · {t('batch.panel.offline')}</>}
        </p>
      )}
      {status?.error && <p class="crmx-error">{errorText({ code: status.errorCode ?? 'fault', message: '' })}</p>}
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <button type="button" onClick={() => void syncNow()} disabled={status?.running}>{t('batch.panel.syncNow')}</button>
    </section>
  );
}

export function PendingSection({ api, onChange }: { api: ContentApi; onChange: OnChange }) {
  const [data, setData] = useState<{ actions: PendingAction[]; conflicts: ConflictView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the CRM answered to actions that waited here, newest last: the list alone would only lose a line.
  const [sent, setSent] = useState<SentAction[]>([]);
  const load = () => api.request('getPending', undefined).then(setData, (e: unknown) => setError(failureText(e)));
  useEffect(() => {
    void load();
    return onChange((change) => {
      if (change.kind === 'pending') void load();
      if (change.kind === 'sent') setSent((before) => [...before, change.action].slice(-20));
    });
  }, []);
  const act = (run: () => Promise<unknown>) => () => void run().then(load, (e: unknown) => setError(failureText(e)));
  return (
    <section aria-labelledby="crmx-panel-pending" data-crmx-panel-pending>
      <h2 id="crmx-panel-pending">{t('batch.panel.pending', { count: data?.actions.length ?? 0 })}</h2>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      <div role="status" data-crmx-panel-sent>
        {sentMessages(sent).map((m, i) => <p key={i} class={m.tone === 'error' ? 'crmx-error' : undefined}>{m.text}</p>)}
      </div>
      {data && data.actions.length > 0 && (
        <ul>
          {data.actions.map((a) => (
            <li key={a.id} data-crmx-pending={a.status ?? 'pending'}>
              {pendingText(a).what} · {formatTime(a.createdAt)}{' '}
              {pendingText(a).why && <span class={a.status === 'failed' ? 'crmx-error' : 'crmx-help'}>{pendingText(a).why}</span>}
              {a.status === 'failed' && <button type="button" onClick={act(() => api.request('dismissPending', { id: a.id }))}>{t('batch.panel.dismiss')}</button>}
            </li>
          ))}
        </ul>
      )}
      {data && data.conflicts.length > 0 && (
        <>
          <h3>{t('batch.panel.conflicts', { count: data.conflicts.length })}</h3>
          <ul>
            {data.conflicts.map((c) => (
              <li key={c.id} data-crmx-conflict={c.customerId}>
                {customerText(c.theirs)}: {Object.keys(c.mine).map(fieldText).join(', ')}{' '}
                <button type="button" onClick={act(() => api.request('resolveConflict', { id: c.id, keep: 'mine' }))}>{t('batch.panel.keepMine')}</button>{' '}
                <button type="button" onClick={act(() => api.request('resolveConflict', { id: c.id, keep: 'theirs' }))}>{t('batch.panel.keepTheirs')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

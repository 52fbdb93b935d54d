// The side panel: sync status, pending actions and conflicts, batch jobs, followed customers, and a
// search over the cached customers with the same batch bar as the CRM page.
import { useEffect, useState } from 'preact/hooks';
import { currentLanguage, t } from '../../lib/i18n';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import type { Change, SessionView } from '../../lib/protocol/messages';
import type { SelectionStore } from '../../lib/ui/selection-store';
import type { JobsStore } from '../../components/batch/jobs-store';
import { JobProgress } from '../../components/batch/JobProgress';
import { SignOut } from '../../components/SignOut';
import { tso } from '../../lib/i18n/areas/sign-out';
import { PendingSection, SyncSection } from './StatusSections';
import { FollowedSection, SearchSection } from './CustomerSections';

export type OnChange = (listener: (change: Change) => void) => () => void;

export interface PanelProps {
  api: ContentApi;
  jobs: JobsStore;
  store: SelectionStore;
  onChange: OnChange;
}

export function SidePanel(props: PanelProps) {
  const { api, jobs } = props;
  const [session, setSession] = useState<SessionView | null | 'loading'>('loading');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => api.getSession().then(setSession, (e: unknown) => setError(failureText(e)));
    void load();
    void jobs.refresh().catch((e: unknown) => setError(failureText(e)));
    return props.onChange((change) => change.kind === 'session' && void load());
  }, []);

  const allJobs = [...jobs.jobs.value.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <main class="crmx-panel crmx-root" lang={currentLanguage.value}>
      <h1 class="crmx-visually-hidden">{t('batch.panel.title')}</h1>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {session === null && <p class="crmx-notice" role="status">{t('batch.panel.notConnected')}</p>}
      {session && session !== 'loading' && (
        <>
          <SyncSection api={api} onChange={props.onChange} />
          <PendingSection api={api} onChange={props.onChange} />
          <SearchSection {...props} session={session} />
          <FollowedSection api={api} onChange={props.onChange} />
        </>
      )}
      <section aria-labelledby="crmx-panel-jobs" data-crmx-panel-jobs>
        <h2 id="crmx-panel-jobs">{t('batch.panel.jobs')}</h2>
        {allJobs.length === 0 && <p>{t('batch.panel.noJobs')}</p>}
        {allJobs.map((job) => <JobProgress key={job.id} job={job} api={api} jobs={jobs} />)}
      </section>
      {session && session !== 'loading' && (
        <section aria-labelledby="crmx-panel-sign-out" data-crmx-panel-sign-out>
          <h2 id="crmx-panel-sign-out">{tso('signOut.section')}</h2>
          <SignOut api={api} onChange={props.onChange} />
        </section>
      )}
    </main>
  );
}

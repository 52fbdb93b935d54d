// The batch bar's frame on the CRM page, in a shadow root of its own: it appears with a selection (its
// count, "select all N matching"), shows the actions the batch features put in it (batch-share.ts,
// cancel-sharing.ts, labels.ts, batch-follow.ts, batch-delete.ts, delete-from-file.tsx) and the
// progress of the jobs started here (from the background's pushes). The bar itself (components/batch/
// BatchBar.tsx) and its styles come with the dialogs' script, loaded once the bar has something to show.
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { BATCH_PIECES } from '../../../components/batch/batch-css';
import { createJobsStore } from '../../../components/batch/jobs-store';
import { OVERLAY_DIALOG_PIECES, OVERLAY_PIECES } from '../../../components/overlay-css';
import type { Id } from '../../../lib/domain/types';
import { currentLanguage } from '../../../lib/i18n/index';
import { filterFromUrl } from '../../../lib/ui/selection';
import { selectionStoreFor } from '../../../lib/ui/selection-store';
import { batchBarEntries } from '../batch-actions';
import type { Feature, FeatureContext } from '../feature';
import { oncePerBurst } from '../once-per-burst';
import { visibleRowIds } from './row-visibility';
import { acceptOnlyTrustedEvents } from '../../../lib/ui/trusted-events';
import { useDialogKit } from '../../../components/use-dialog-kit';
import { failureText } from '../../../lib/ui/outcome';
import { showToast } from '../../../lib/ui/state';
import { fillStyle } from '../shadow-mount';

export const BATCH_BAR_HOST = 'crmx-batch-bar';

/** What the user sees: the rows of our view when one is open, else the host rows left visible. */
function pageIds(ctx: FeatureContext): readonly Id[] {
  return ctx.state.view.value?.ids ?? visibleRowIds(ctx);
}

/** The bar's distance from the window's bottom and the gap kept above it (components/kit-css.ts, `.crmx-batch`). */
const BAR_ROOM_MARGIN = 24;

/**
 * The bar floats over the page's bottom: while it shows, its host (at the end of the body) takes the bar's
 * height in the page's flow, so the page can scroll its own last content (a list's pager) above the bar.
 */
function keepRoomForBar(host: HTMLElement, root: HTMLElement, abort: AbortSignal): void {
  let bar: Element | null = null;
  const sizes = new ResizeObserver(() => fit());
  const fit = () => {
    const current = root.querySelector('.crmx-batch');
    if (current !== bar) {
      if (bar) sizes.unobserve(bar);
      if (current) sizes.observe(current);
      bar = current;
    }
    const height = `${current ? Math.ceil(current.getBoundingClientRect().height) + BAR_ROOM_MARGIN : 0}px`;
    // Written only when it changes: the host page may watch the body's attributes.
    if (host.style.getPropertyValue('height') === height) return;
    host.style.setProperty('display', 'block', 'important');
    host.style.setProperty('height', height, 'important');
  };
  const shown = new MutationObserver(fit);
  shown.observe(root, { childList: true, subtree: true });
  fit();
  abort.addEventListener('abort', () => {
    shown.disconnect();
    sizes.disconnect();
  }, { once: true });
}

export const batchBarFeature: Feature = {
  name: 'batch',
  async init(ctx) {
    const { document: doc, signal: abort } = ctx;
    const store = selectionStoreFor(ctx.state);
    const entries = batchBarEntries(ctx.state);
    const jobs = createJobsStore(ctx.api);
    // The page's ids are read from its rows only when the bar asks (it does with a selection): a scan of a long
    // list's every row after each burst of the host's rendering would weigh on the page's load for nothing.
    const rowsChanged = signal(0);
    let shown: readonly Id[] = [];
    const ids = computed(() => {
      void rowsChanged.value;
      void ctx.state.gone.value;
      const next = pageIds(ctx);
      // The same ids as before: the same array, so nothing that reads them renders again.
      if (next.length !== shown.length || next.some((id, i) => id !== shown[i])) shown = next;
      return shown;
    });
    const refreshPage = () => {
      rowsChanged.value++;
    };
    ctx.rows.onPageChange(refreshPage, abort);
    ctx.rows.subscribe('batch-page', oncePerBurst(refreshPage, { afterPaint: true, signal: abort }), abort);
    ctx.changes.subscribe((change) => {
      if (change.kind === 'job') jobs.put(change.job);
    }, abort);

    const session = await ctx.api.getSession().catch(() => null);
    // Jobs keep running when the tab closes: a reloaded page shows the ones still running.
    void jobs.refresh().then(() => {
      for (const job of jobs.jobs.value.values()) if (job.status === 'running' || job.status === 'queued') jobs.started(job);
    }, () => undefined);
    const host = doc.createElement(BATCH_BAR_HOST);
    const shadow = host.attachShadow({ mode: 'open' });
    acceptOnlyTrustedEvents(shadow, abort);
    const style = doc.createElement('style');
    fillStyle(style, '', { pieces: [...OVERLAY_PIECES, ...OVERLAY_DIALOG_PIECES, ...BATCH_PIECES], dialogs: ctx.dialogs }, abort);
    const root = doc.createElement('div');
    root.className = 'crmx-root';
    // The details panel takes the right of the page: the bar moves beside it rather than under it.
    const disposeBeside = effect(() => {
      root.classList.toggle('crmx-beside-details', ctx.state.details.value !== null);
    });
    abort.addEventListener('abort', disposeBeside, { once: true });
    shadow.append(style, root);
    doc.body.append(host);
    const isAdmin = session?.me.isAdmin ?? false;
    function View() {
      // What makes the bar show: a selection, a job started here, a tool this user has (delete from a file).
      const wanted = store.selection.value.ids.size > 0 || jobs.mine.value.length > 0
        || entries.tools.value.some((tool) => !tool.adminOnly || isAdmin);
      const kit = useDialogKit(ctx.dialogs, wanted, (error) => showToast(ctx.state, { tone: 'error', text: failureText(error) }));
      return (
        <div lang={currentLanguage.value}>
          {kit && (
            <kit.BatchBar store={store} api={ctx.api} jobs={jobs} crmHost={location.host} isAdmin={isAdmin}
              page={{ ids, filter: () => (ctx.state.view.value?.kind === 'followed' ? { followed: true }
                : ctx.adapter.filterInUrl ? filterFromUrl(new URL(location.href)) : null) }}
              actions={entries.actions.value} tools={entries.tools.value} dialogs={ctx.dialogs} />
          )}
        </div>
      );
    }
    render(<View />, root);
    keepRoomForBar(host, root, abort);
    // Keep keys typed in our fields away from the host's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation(), { signal: abort });

    abort.addEventListener('abort', () => {
      render(null, root);
      host.remove();
    }, { once: true });
  },
};

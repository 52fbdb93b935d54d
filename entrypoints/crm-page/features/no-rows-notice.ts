// When the adapter finds no customer rows on a page it should serve, say so instead of staying
// silent: 3 s after the page has loaded with no row seen (the row observer is a MutationObserver, so
// this waits without polling), a small notice shows; it goes away as soon as a row appears.
import { t } from '../../../lib/i18n/index';
import type { Feature } from '../feature';

export const NO_ROWS_DELAY_MS = 3000;

export const noRowsNoticeFeature: Feature = {
  name: 'no-rows-notice',
  init({ document: doc, rows, signal, state }) {
    let seen = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    rows.subscribe('no-rows-notice', () => {
      if (seen) return;
      seen = true;
      clearTimeout(timer);
      if (state.notice.value === t('notice.noRows')) state.notice.value = null;
    }, signal);
    const arm = () => {
      if (seen || signal.aborted) return;
      timer = setTimeout(() => {
        if (!seen && !signal.aborted) state.notice.value = t('notice.noRows');
      }, NO_ROWS_DELAY_MS);
    };
    if (doc.readyState === 'complete') arm();
    else doc.defaultView?.addEventListener('load', arm, { once: true, signal });
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  },
};

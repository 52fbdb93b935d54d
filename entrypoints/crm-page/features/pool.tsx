// The customer pool's entry on the CRM page: a "Customer pool" button above the host's list (beside the view
// tabs, in a root of its own) that opens the pool view (components/PoolView.tsx, loaded with the dialogs).
import { signal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { OVERLAY_DIALOG_PIECES, OVERLAY_PIECES } from '../../../components/overlay-css';
import { useDialogKit } from '../../../components/use-dialog-kit';
import { currentLanguage, t } from '../../../lib/i18n/index';
import type { Feature, FeatureContext } from '../feature';
import { VIEWS_HOST } from './followed-view';
import { hostList } from '../host-list';
import { failureText } from '../../../lib/ui/outcome';
import { keepBefore } from '../shadow-mount';

export const POOL_HOST = 'crmx-pool';

const POOL_CSS = `
:host { display: block !important; float: right !important; margin: 0 0 0 8px !important; }
.crmx-pool-entry { font: 14px/1.45 system-ui, sans-serif; color: #111827; }
.crmx-pool-open { font: inherit; padding: 3px 12px; border: 1px solid #b9c0cc; border-radius: 4px; background: #fff; color: #111827; cursor: pointer; }
.crmx-pool-open:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

/** The element holding the host's list: the entry sits above it (and above the view tabs when they are there). */
function anchorOf(ctx: FeatureContext): Element | null {
  const list = hostList(ctx);
  if (!list) return null;
  const before = list.previousElementSibling;
  return before?.localName === VIEWS_HOST ? before : list;
}

export const poolFeature: Feature = {
  name: 'pool',
  init(ctx) {
    const { state } = ctx;
    const open = signal(false);

    function Entry() {
      const button = useRef<HTMLButtonElement>(null);
      const [error, setError] = useState<string | null>(null);
      const kit = useDialogKit(ctx.dialogs, open.value, (e) => setError(failureText(e)));
      return (
        <div class="crmx-pool-entry" lang={currentLanguage.value}>
          <button ref={button} type="button" class="crmx-pool-open" aria-haspopup="dialog" data-crmx-pool-open
            onClick={() => {
              setError(null);
              open.value = true;
            }}>{t('poolView.open')}</button>
          {error && <p class="crmx-error" role="alert">{error}</p>}
          {open.value && kit && (
            <kit.PoolView api={ctx.api} state={state} returnFocus={button.current} onClose={() => (open.value = false)} />
          )}
        </div>
      );
    }

    keepBefore(ctx, { name: POOL_HOST, css: { pieces: [...OVERLAY_PIECES, ...OVERLAY_DIALOG_PIECES, POOL_CSS], dialogs: ctx.dialogs }, view: <Entry />, anchor: () => anchorOf(ctx) });
  },
};

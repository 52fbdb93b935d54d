// The one open dialog, drawn once the dialogs are loaded (on the first open, on the CRM page).
import type { ContentApi } from '../lib/ui/api';
import type { DialogSource } from './kit/lazy-dialogs';
import { failureText } from '../lib/ui/outcome';
import { showToast, type OverlayState } from '../lib/ui/state';
import { useDialogKit } from './use-dialog-kit';

export function LazyDialogs({ state, api, dialogs }: { state: OverlayState; api: ContentApi; dialogs: DialogSource }) {
  const open = state.dialog.value;
  const kit = useDialogKit(dialogs, open !== null, (error) => {
    if (state.dialog.value === open) state.dialog.value = null;
    showToast(state, { tone: 'error', text: failureText(error) });
  });
  return kit && open ? <kit.Dialogs state={state} api={api} /> : null;
}

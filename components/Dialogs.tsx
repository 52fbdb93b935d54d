// The one open dialog, if any.
import type { ContentApi } from '../lib/ui/api';
import type { OverlayState } from '../lib/ui/state';
import { DeleteDialog } from './DeleteDialog';
import { EditDialog } from './EditDialog';
import { LogDialog } from './LogDialog';
import { ReturnToPoolDialog } from './ReturnToPoolDialog';
import { ShareDialog } from './ShareDialog';

export function Dialogs({ state, api }: { state: OverlayState; api: ContentApi }) {
  const open = state.dialog.value;
  if (!open) return null;
  const onClose = () => {
    if (state.dialog.value === open) state.dialog.value = null;
  };
  const props = { state, api, open, onClose, key: `${open.kind}:${open.id}` };
  switch (open.kind) {
    case 'edit': return <EditDialog {...props} />;
    case 'delete': return <DeleteDialog {...props} />;
    case 'returnToPool': return <ReturnToPoolDialog {...props} />;
    case 'share': return <ShareDialog {...props} />;
    case 'log': return <LogDialog {...props} />;
  }
}

// A menu item that opens one of the dialogs (components/Dialogs.tsx draws it).
import type { Feature } from './feature';
import type { DialogKind, MenuItemId } from '../../lib/ui/state';

export function dialogFeature(name: string, item: MenuItemId, kind: DialogKind): Feature {
  return {
    name,
    init({ state, signal }) {
      state.actions.set(item, (target) => {
        state.details.value = state.details.value?.id === target.id ? state.details.value : null;
        state.dialog.value = { id: target.id, name: target.name, kind, returnFocus: target.anchor };
      });
      signal.addEventListener('abort', () => {
        state.actions.delete(item);
        if (state.dialog.value?.kind === kind) state.dialog.value = null;
      }, { once: true });
    },
  };
}

import { useEffect, useState } from 'preact/hooks';
import type { DialogKit, DialogSource } from './kit/lazy-dialogs';

/** The dialogs once `wanted` (loaded on first want); `onError` hears a failed load. */
export function useDialogKit(source: DialogSource, wanted: boolean, onError: (error: unknown) => void): DialogKit | null {
  const [kit, setKit] = useState<DialogKit | null>(source.loaded);
  useEffect(() => {
    if (!wanted || kit) return undefined;
    let live = true;
    source.load().then((loaded) => live && setKit(loaded), (error: unknown) => live && onError(error));
    return () => {
      live = false;
    };
  }, [wanted, kit, source]);
  return kit;
}

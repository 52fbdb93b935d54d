// The dialogs bundled with an extension page (the side panel); the CRM page loads them on first use.
import * as kit from './kit/dialog-kit';
import type { DialogSource } from './kit/lazy-dialogs';

export const bundledDialogs: DialogSource = { loaded: () => kit, load: async () => kit };

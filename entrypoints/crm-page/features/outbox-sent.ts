// Actions that waited in the outbox (the user was told "Pending") get the CRM's answer later, often with
// nobody asking: the page says so, once for the ones saved together, and names each conflict or refusal.
import type { SentAction } from '../../../lib/protocol/messages';
import { showToast } from '../../../lib/ui/state';
import { sentMessages } from '../../../lib/ui/sent-text';
import type { Feature } from '../feature';

/** A replay sends its actions one after another: those answered this close together are told in one toast. */
const TOGETHER_MS = 150;

export const outboxSentFeature: Feature = {
  name: 'outbox-sent',
  init(ctx) {
    let waiting: SentAction[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tell = () => {
      timer = undefined;
      const actions = waiting;
      waiting = [];
      if (ctx.signal.aborted) return;
      for (const message of sentMessages(actions)) showToast(ctx.state, message);
    };
    ctx.changes.subscribe((change) => {
      if (change.kind !== 'sent') return;
      waiting.push(change.action);
      clearTimeout(timer);
      timer = setTimeout(tell, TOGETHER_MS);
    }, ctx.signal);
    ctx.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  },
};

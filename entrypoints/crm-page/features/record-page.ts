// One customer's own page (the CRM's detail view, where the adapter knows one): our [···] and follow star
// right after the title (on SuiteCRM after its own favourite star), acting on that customer with the same
// menu, items and reasons as a row of the list. This feature only keeps our holder there, for the record
// the page shows now (a CRM may put the record in by XHR, or show another one without a load); the row
// features draw into it, as into a row (lib/host/adapter.ts, recordPageAdapter).
import type { Feature } from '../feature';
import { onDomChanges } from '../../../lib/host/page-watch';

// Room for the [···] and the star (the row slot is drawn out of flow at the holder's start, centred on a 20 px line).
const HOLDER_STYLE = 'display:inline-block;vertical-align:middle;width:54px;height:20px;line-height:20px;margin-left:6px';

export const recordPageFeature: Feature = {
  name: 'record-page',
  init({ adapter, document: doc, signal }) {
    const record = adapter.record;
    if (!record) return;
    let holder: HTMLElement | null = null;

    const ensure = () => {
      const anchor = record.anchor(doc);
      const id = anchor && record.id(doc);
      // (A holder beside the anchor the page shows now is in the page.)
      if (holder?.dataset.crmxRecord === id && holder.previousElementSibling === anchor) return;
      holder?.remove();
      if (!anchor || !id) return;
      holder = doc.createElement('span');
      holder.dataset.crmxRecord = id;
      holder.dataset.crmxName = record.name(doc);
      holder.style.cssText = HOLDER_STYLE;
      anchor.after(holder);
    };

    onDomChanges(doc, signal, ensure);
    ensure();
    signal.addEventListener('abort', () => holder?.remove(), { once: true });
  },
};

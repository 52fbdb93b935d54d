// One customer's own page (the CRM's detail view, where the adapter knows one): our [···] and follow star
// right after the title (on SuiteCRM after its own favourite star), acting on that customer with the same
// menu, items and reasons as a row of the list. This feature only puts our holder there, for the record the
// page shows; the row features draw into it, as into a row (lib/host/adapter.ts, recordPageAdapter). A page
// that shows another record (AjaxUI puts it in by XHR) is another page: the overlay starts again there
// (lib/host/page-watch.ts, pageKind).
import type { Feature } from '../feature';

// Room for the [···] and the star (the row slot is drawn out of flow at the holder's start, centred on a 20 px
// line), at the top of the line as SuiteCRM's star beside the title is, 3 px down: centred on that star's 26 px.
const HOLDER_STYLE = 'display:inline-block;width:54px;height:20px;line-height:20px;margin:3px 0 0 6px';

export const recordPageFeature: Feature = {
  name: 'record-page',
  init({ adapter: { record }, document: doc, signal }) {
    const anchor = record?.anchor(doc);
    const id = anchor && record!.id(doc);
    if (!id) return;
    const holder = doc.createElement('span');
    holder.dataset.crmxRecord = id;
    holder.style.cssText = HOLDER_STYLE;
    anchor.after(holder);
    signal.addEventListener('abort', () => holder.remove(), { once: true });
  },
};

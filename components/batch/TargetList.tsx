// "[Target customers]": the exact customers a batch dialog acts on, by name where known.
import { t } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';

/** More than this many rows would slow the dialog down: the rest are counted, and all are still acted on. */
const SHOWN = 2000;

export function TargetList({ ids, names }: { ids: readonly Id[]; names: ReadonlyMap<Id, string> }) {
  const shown = ids.slice(0, SHOWN);
  return (
    <section class="crmx-targets" aria-labelledby="crmx-targets-title">
      <h3 id="crmx-targets-title">{t('batch.targets', { count: ids.length })}</h3>
      <ol class="crmx-target-list" data-crmx-targets tabIndex={0}>
        {shown.map((id) => (
          <li key={id} data-crmx-target={id}>{names.get(id) ?? id}</li>
        ))}
      </ol>
      {ids.length > SHOWN && <p class="crmx-help">{t('batch.targetsMore', { count: ids.length - SHOWN })}</p>}
    </section>
  );
}

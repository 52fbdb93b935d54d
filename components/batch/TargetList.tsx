// "[Target customers]": the exact customers a batch dialog acts on, each by name and code (and phone
// where two would read the same); those the pre-check refused are marked as skipped.
import { t } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';

/** More rows would slow the dialog down: the rest are counted, and all are still acted on (the pre-check names as many). */
export const SHOWN = 2000;

export function TargetList({ ids, textOf, refused, notOnScreen = [] }: {
  ids: readonly Id[];
  textOf(id: Id): string;
  /** Customers the action will skip (the pre-check refused them). */
  refused?: ReadonlySet<Id>;
  notOnScreen?: readonly Id[];
}) {
  const shown = ids.slice(0, SHOWN);
  const away = new Set(notOnScreen);
  return (
    <section class="crmx-targets" aria-labelledby="crmx-targets-title">
      <h3 id="crmx-targets-title">{t('batch.targets', { count: ids.length })}</h3>
      {away.size > 0 && <p class="crmx-notice" role="note" data-crmx-not-on-screen={away.size}>{t('batch.notOnScreen', { count: away.size })}</p>}
      <ol class="crmx-target-list" data-crmx-targets tabIndex={0}>
        {shown.map((id) => (
          <li key={id} data-crmx-target={id} data-crmx-target-away={away.has(id) ? '' : undefined}
            data-crmx-target-refused={refused?.has(id) ? '' : undefined} class={refused?.has(id) ? 'crmx-target-refused' : undefined}>
            {textOf(id)}
            {refused?.has(id) && <span class="crmx-help"> {t('batch.refusedMark')}</span>}
            {away.has(id) && <span class="crmx-help"> {t('batch.notOnScreenMark')}</span>}
          </li>
        ))}
      </ol>
      {ids.length > SHOWN && <p class="crmx-help">{t('batch.targetsMore', { count: ids.length - SHOWN })}</p>}
    </section>
  );
}

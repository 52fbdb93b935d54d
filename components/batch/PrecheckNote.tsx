// The batch dialog's pre-check: which of the target customers the action will skip and why, naming
// them ("1 of 2 can't be shared: you need the right to edit Anna Wilson (KH000123)").
import { currentLanguage, hasMessage, refusalText, t, type MessageKey } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';
import type { PrecheckResult } from '../../lib/protocol/jobs';
import { customerText } from '../../lib/ui/customer-label';

/** More refused customers than this are counted after the names ("… and 12 other customers"). */
const NAMED = 5;

/** "Anna Wilson (KH000123), Bình Minh (KH000124) and 3 other customers", in the UI language. */
export function namesText(ids: readonly Id[], textOf: (id: Id) => string): string {
  const names = ids.slice(0, NAMED).map(textOf);
  if (ids.length > NAMED) names.push(t('batch.othersCount', { count: ids.length - NAMED }));
  return new Intl.ListFormat(currentLanguage.value, { type: 'conjunction' }).format(names);
}

/** One refused group's sentence: how many of all can't be acted on, and who and why. */
export function refusedText(actionId: string, total: number, group: PrecheckResult['refused'][number], textOf: (id: Id) => string): string {
  const cantKey = `batch.cant.${actionId}`;
  const cant = t(hasMessage(cantKey) ? cantKey : 'batch.cant.other', { count: group.count, total });
  const names = namesText(group.ids, textOf);
  const whoKey = `batch.refusedWho.${group.rule}`;
  const who = hasMessage(whoKey)
    ? t(whoKey as MessageKey, { names, count: group.count })
    : t('batch.refusedWho.other', { names, reason: refusalText(group.rule) });
  return `${cant}: ${who}${/[.!?]$/.test(who) ? '' : '.'}`;
}

/** The text of each customer the pre-check names: from its answer, else the name the page showed. */
export function precheckTextOf(result: PrecheckResult | null, names: ReadonlyMap<Id, string>, texts: ReadonlyMap<Id, string>) {
  return (id: Id) => texts.get(id) ?? customerText(result?.customers?.[id] ?? { name: names.get(id) });
}

export function PrecheckNote({ actionId, result, textOf }: { actionId: string; result: PrecheckResult; textOf(id: Id): string }) {
  if (result.refused.length === 0) return <p class="crmx-precheck-ok" data-crmx-precheck="ok">{t('batch.precheckAll', { count: result.total })}</p>;
  return (
    <div class="crmx-precheck" role="status" data-crmx-precheck="refused">
      {result.refused.map((r) => (
        <p key={r.rule} data-crmx-refused={r.rule} data-crmx-refused-count={r.count}>{refusedText(actionId, result.total, r, textOf)}</p>
      ))}
      <p class="crmx-help">{t('batch.refusedSkipped')}</p>
    </div>
  );
}

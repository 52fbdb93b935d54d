// What an uploaded file will delete: its counts, the customers matched, the numbers several customers
// have (each customer with a box the user must tick: none is deleted by default), the template's example
// row flagged, and the rows that delete nothing with their spreadsheet row number and why.
import { t } from '../../lib/i18n';
import type { Id } from '../../lib/domain/types';
import type { PhonePreview } from '../../lib/protocol/import';
import { customerText } from '../../lib/ui/customer-label';

const SHOWN = 500;

/** Ambiguous rows' choices: row number → the customers ticked on it. */
export type FileChoices = ReadonlyMap<number, ReadonlySet<Id>>;

/** How many customers the confirmed preview deletes: each matched row's customer, once, and each ticked one. */
export function targetCount(preview: PhonePreview, choices: FileChoices): number {
  const ids = new Set<Id>();
  for (const r of preview.rows) if (r.customerId && !r.problem) ids.add(r.customerId);
  for (const chosen of choices.values()) for (const id of chosen) ids.add(id);
  return ids.size;
}

export function FilePreview({ preview, file, choices, onChoose }: {
  preview: PhonePreview; file: string; choices: FileChoices; onChoose(row: number, id: Id, chosen: boolean): void;
}) {
  const matched = preview.rows.filter((r) => r.customerId && !r.problem);
  const ambiguous = preview.rows.filter((r) => r.problem === 'ambiguous');
  const samples = preview.rows.filter((r) => r.problem === 'sample');
  const problems = preview.rows.filter((r) => r.problem && r.problem !== 'ambiguous');
  return (
    <section class="crmx-file-preview" data-crmx-preview>
      <h3>{t('batch.file.previewOf', { name: file })}</h3>
      <dl class="crmx-file-counts">
        <div><dt>{t('batch.file.read')}</dt><dd data-crmx-count="read">{preview.rows.length}</dd></div>
        <div><dt>{t('batch.file.matched')}</dt><dd data-crmx-count="matched">{preview.matched}</dd></div>
        <div><dt>{t('batch.file.ambiguous')}</dt><dd data-crmx-count="ambiguous">{preview.ambiguous}</dd></div>
        <div><dt>{t('batch.file.notFound')}</dt><dd data-crmx-count="notFound">{preview.notFound}</dd></div>
        <div><dt>{t('batch.file.duplicates')}</dt><dd data-crmx-count="duplicates">{preview.duplicates}</dd></div>
        <div><dt>{t('batch.file.invalid')}</dt><dd data-crmx-count="invalid">{preview.invalid}</dd></div>
        {preview.samples > 0 && <div><dt>{t('batch.file.samples')}</dt><dd data-crmx-count="samples">{preview.samples}</dd></div>}
      </dl>
      {samples.length > 0 && (
        <p class="crmx-help" role="note" data-crmx-sample-rows={samples.map((r) => r.row).join(' ')}>
          {t('batch.file.sampleNote', { count: samples.length, rows: samples.map((r) => r.row).join(', ') })}
        </p>
      )}
      <h4>{t('batch.file.willDelete', { count: matched.length })}</h4>
      <ol class="crmx-target-list" tabIndex={0} data-crmx-targets>
        {matched.slice(0, SHOWN).map((r) => (
          <li key={r.row} data-crmx-target={r.customerId!}>
            {customerText({ name: preview.names[r.customerId!], code: preview.codes?.[r.customerId!] })} — {r.phone} ({t('batch.file.row', { row: r.row })})
          </li>
        ))}
      </ol>
      {matched.length > SHOWN && <p class="crmx-help">{t('batch.targetsMore', { count: matched.length - SHOWN })}</p>}
      {ambiguous.length > 0 && (
        <section class="crmx-file-choose" data-crmx-ambiguous-rows>
          <h4>{t('batch.file.chooseTitle', { count: ambiguous.length })}</h4>
          <p class="crmx-help">{t('batch.file.chooseHelp')}</p>
          <ul class="crmx-target-list">
            {ambiguous.slice(0, SHOWN).map((r) => (
              <li key={r.row} data-crmx-ambiguous-row={r.row}>
                <span>{t('batch.file.row', { row: r.row })} “{r.phone}”: {t('batch.file.matchesN', { count: r.candidates?.length ?? 0 })}</span>
                <ul class="crmx-file-candidates">
                  {(r.candidates ?? []).map((id) => {
                    const who = preview.customers[id];
                    return (
                      <li key={id}>
                        <label>
                          <input type="checkbox" data-crmx-choose={id} checked={choices.get(r.row)?.has(id) ?? false}
                            onChange={(e) => {
                              // Our roots drop untrusted events already; a scripted change must not choose either.
                              if (!e.isTrusted) return;
                              onChoose(r.row, id, e.currentTarget.checked);
                            }} />{' '}
                          <strong>{customerText(who)}</strong>
                          {who?.phone ? ` · ${who.phone}` : ''}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {ambiguous.length > SHOWN && <p class="crmx-help">{t('batch.targetsMore', { count: ambiguous.length - SHOWN })}</p>}
        </section>
      )}
      {problems.length > 0 && (
        <details>
          <summary>{t('batch.file.problems', { count: problems.length })}</summary>
          <ul class="crmx-job-errors">
            {problems.slice(0, SHOWN).map((r) => (
              <li key={r.row} data-crmx-problem-row={r.row}>{t('batch.file.row', { row: r.row })} “{r.phone}”: {t(`batch.problem.${r.problem as 'not_found' | 'invalid' | 'duplicate' | 'sample'}`)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

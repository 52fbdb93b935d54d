// Tags for a label batch: pick existing ones, or type a new one and press Enter.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export function TagPicker({ suggestions, value, onChange, note }: {
  suggestions: readonly string[]; value: readonly string[]; onChange(next: string[]): void; note?: string;
}) {
  const [text, setText] = useState('');
  const add = (tag: string) => {
    const clean = tag.trim().slice(0, 100);
    if (clean && !value.includes(clean)) onChange([...value, clean]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add(text);
    setText('');
  };
  const unused = suggestions.filter((s) => !value.includes(s));
  // A chosen suggestion or removed chip leaves the list: focus goes to its neighbour (so several can be
  // taken one after another from the keyboard), else to the tag field, never out of the dialog.
  const ref = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState<{ list: 'suggestion' | 'chip'; index: number } | null>(null);
  useLayoutEffect(() => {
    if (!refocus) return;
    setRefocus(null);
    const buttons = [...ref.current!.querySelectorAll<HTMLElement>(refocus.list === 'chip' ? '.crmx-chip-remove' : '.crmx-chip-add')];
    (buttons[refocus.index] ?? buttons[buttons.length - 1] ?? ref.current!.querySelector<HTMLElement>('#crmx-batch-tag-input'))?.focus();
  }, [refocus]);
  return (
    <div class="crmx-tags" ref={ref}>
      <label for="crmx-batch-tag-input">{t('batch.tagInput')}</label>
      <input id="crmx-batch-tag-input" type="text" value={text} maxLength={100} list="crmx-batch-tag-list"
        onInput={(e) => setText(e.currentTarget.value)} onKeyDown={onKeyDown} />
      <datalist id="crmx-batch-tag-list">{unused.map((s) => <option key={s} value={s} />)}</datalist>
      <ul class="crmx-chips" aria-label={t('batch.tagsChosen')} data-crmx-tags>
        {value.map((tag) => (
          <li key={tag}>
            <span>{tag}</span>
            <button type="button" class="crmx-chip-remove" aria-label={t('batch.removeTag', { tag })} onClick={() => {
              setRefocus({ list: 'chip', index: value.indexOf(tag) });
              onChange(value.filter((v) => v !== tag));
            }}>×</button>
          </li>
        ))}
      </ul>
      {unused.length > 0 && (
        <div class="crmx-tag-suggestions">
          <span class="crmx-help">{t('batch.tagSuggestions')}</span>{' '}
          {unused.slice(0, 30).map((s) => (
            <button type="button" key={s} class="crmx-chip-add" data-crmx-tag-suggestion={s} onClick={() => {
              setRefocus({ list: 'suggestion', index: unused.indexOf(s) });
              add(s);
            }}>+ {s}</button>
          ))}
        </div>
      )}
      {note && <p class="crmx-help">{note}</p>}
    </div>
  );
}

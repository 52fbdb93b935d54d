// A day typed as dd/mm/yyyy whatever the browser's locale: a native date input shows the browser's
// order (mm/dd/yyyy on an English browser), not the UI language's. Arrow keys step a day.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { isoDayToField, parseFieldDay } from './format';

interface Props {
  id: string;
  label: string;
  /** "yyyy-mm-dd" or "". */
  value: string;
  onChange(day: string): void;
}

function stepDay(day: string, by: number): string {
  const base = day ? new Date(`${day}T12:00:00`) : new Date();
  base.setDate(base.getDate() + by);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${base.getFullYear()}-${two(base.getMonth() + 1)}-${two(base.getDate())}`;
}

export function DateField({ id, label, value, onChange }: Props) {
  const [text, setText] = useState(isoDayToField(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (parseFieldDay(text) !== value) setText(isoDayToField(value));
  }, [value]);

  const commit = (typed: string, final: boolean) => {
    const day = parseFieldDay(typed);
    if (day === null) {
      if (final) setInvalid(true);
      return;
    }
    setInvalid(false);
    if (day !== value) onChange(day);
  };
  const set = (day: string) => {
    setText(isoDayToField(day));
    setInvalid(false);
    onChange(day);
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <>
      <input id={id} type="text" inputMode="numeric" autoComplete="off" class="crmx-date-field" value={text}
        placeholder={t('log.dateFormat')} size={11} maxLength={10}
        aria-describedby={invalid ? `${hintId} ${errorId}` : hintId} aria-invalid={invalid ? 'true' : undefined}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setText(typed);
          // A complete day filters at once; a half-typed one waits for Enter or leaving the field.
          if (typed.trim() === '' || /^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}$/.test(typed.trim())) commit(typed, false);
        }}
        onBlur={(e) => commit(e.currentTarget.value, true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(e.currentTarget.value, true);
          } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            set(stepDay(parseFieldDay(e.currentTarget.value) || value, e.key === 'ArrowUp' ? 1 : -1));
          }
        }} />
      <span id={hintId} class="crmx-visually-hidden">{t('log.dateHint')}</span>
      {invalid && <span id={errorId} class="crmx-error" role="alert">{t('log.dateInvalid', { field: label })}</span>}
    </>
  );
}

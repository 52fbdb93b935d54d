// Our controls live in the host's DOM, where the page's own scripts can reach them: `el.click()`,
// `dispatchEvent`, `.value = …` plus an `input` event, `form.requestSubmit()`. None of that may act as
// the user. Every root we draw in gets one listener per event type, first on each event's way in, that
// drops events the browser did not make from a real user's input. A form's submit is trusted even when
// a script asked for it (`requestSubmit()`), so a submit counts only right after a real click on one of
// the form's submit buttons (a real Enter in a field clicks the default button, so it counts too).

/** The events a page script could fire at our controls to make them act or to feed them values. */
const GATED_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'paste', 'drop', 'submit', 'reset',
] as const;

function isSubmitButton(el: EventTarget | null): el is HTMLButtonElement | HTMLInputElement {
  const control = el as (HTMLButtonElement | HTMLInputElement) | null;
  return !!control && (control.localName === 'button' || control.localName === 'input') && control.type === 'submit';
}

/** The form a real click is submitting right now (its submit follows in the same task), if any. */
let submitting: HTMLFormElement | null = null;

function refuse(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function gate(event: Event): void {
  if (event.type === 'submit') {
    if (event.target !== submitting) refuse(event);
    submitting = null;
    return;
  }
  if (!event.isTrusted) return refuse(event);
  if (event.type === 'click') {
    const button = (event.target as Element | null)?.closest?.('button, input') ?? null;
    if (isSubmitButton(button) && button.form) {
      submitting = button.form;
      // A click whose submit never comes (invalid form, disabled button) arms nothing later on.
      setTimeout(() => {
        if (submitting === button.form) submitting = null;
      });
    }
  }
}

/** From now on, `root` (one of our shadow roots) only hears events a real user made. */
export function acceptOnlyTrustedEvents(root: ShadowRoot | Element, signal?: AbortSignal): void {
  for (const type of GATED_EVENTS) root.addEventListener(type, gate, { capture: true, signal });
}

/**
 * The fields of `form` whose shown value is not the one the form's state holds: a page script wrote
 * into them without an event (events it fires are dropped above). Keys are the fields' names.
 */
export function fieldsWrittenByPage(form: HTMLFormElement, expected: Readonly<Record<string, string>>): string[] {
  return Object.entries(expected)
    .filter(([name, value]) => {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      return field !== null && 'value' in field && field.value !== value;
    })
    .map(([name]) => name);
}

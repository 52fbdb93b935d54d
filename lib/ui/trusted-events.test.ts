import { afterEach, describe, expect, it } from 'vitest';
import { acceptOnlyTrustedEvents, fieldsWrittenByPage } from './trusted-events';
import { asUser, userClick } from './test-helpers';

function guardedForm() {
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  acceptOnlyTrustedEvents(root);
  const form = root.appendChild(document.createElement('form'));
  form.innerHTML = '<input name="reason" value=""><button type="button" data-cancel>Cancel</button><button type="submit">Go</button>';
  const heard: string[] = [];
  for (const type of ['click', 'input', 'change', 'keydown', 'submit']) {
    form.addEventListener(type, (event) => {
      heard.push(type);
      if (type === 'submit') event.preventDefault();
    });
  }
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const field = form.querySelector('input')!;
  return { host, form, submit, field, heard };
}

describe('acceptOnlyTrustedEvents', () => {
  afterEach(() => document.body.replaceChildren());

  it.each([
    ['a click() on a button', (f: ReturnType<typeof guardedForm>) => f.submit.click()],
    ['a dispatched click', (f: ReturnType<typeof guardedForm>) => f.submit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))],
    ['a dispatched key press', (f: ReturnType<typeof guardedForm>) => f.field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }))],
    ['a value written with an input event', (f: ReturnType<typeof guardedForm>) => {
      f.field.value = 'written by the page';
      f.field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      f.field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }],
    ['requestSubmit()', (f: ReturnType<typeof guardedForm>) => f.form.requestSubmit()],
    ['a dispatched submit', (f: ReturnType<typeof guardedForm>) => f.form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))],
    ['requestSubmit() right after a real click on another button', (f: ReturnType<typeof guardedForm>) => {
      userClick(f.form.querySelector('[data-cancel]')!);
      f.heard.length = 0;
      f.form.requestSubmit();
    }],
  ])('drops %s', (_, act) => {
    const f = guardedForm();
    act(f);
    expect(f.heard).toEqual([]);
  });

  it('lets a real click and a real key press through', () => {
    const f = guardedForm();
    userClick(f.form.querySelector('[data-cancel]')!);
    f.field.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
    f.field.dispatchEvent(asUser(new Event('input', { bubbles: true, composed: true })));
    expect(f.heard).toEqual(['click', 'keydown', 'input']);
  });

  it('counts one submit, in the task of a real click on the form\'s submit button', async () => {
    const f = guardedForm();
    const submits = () => f.heard.filter((type) => type === 'submit').length;
    userClick(f.submit);
    // Whether or not this DOM submits on the click itself, exactly one submit is let through.
    f.form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(submits()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve));
    f.form.requestSubmit();
    expect(submits()).toBe(1);
  });
});

describe('fieldsWrittenByPage', () => {
  const form = document.createElement('form');
  form.innerHTML = '<input name="name" value=""><textarea name="reason"></textarea><select name="aeId"><option value="">-</option><option value="u-1">A</option></select>';
  (form.elements.namedItem('name') as HTMLInputElement).value = 'Anna';
  (form.elements.namedItem('reason') as HTMLTextAreaElement).value = 'moved away';

  it.each([
    [{ name: 'Anna', reason: 'moved away', aeId: '' }, []],
    [{ name: 'Anna Wilson', reason: 'moved away' }, ['name']],
    [{ name: 'Anna', reason: '', aeId: 'u-1' }, ['reason', 'aeId']],
    [{ missing: 'x' }, []],
  ])('expected %j → %j', (expected, written) => {
    expect(fieldsWrittenByPage(form, expected)).toEqual(written);
  });
});

// Small form pieces for the console pages (organiser, committee, admin): a labelled field, and a form that
// runs one action.
import { h } from './dom.ts';
import { type MessageKey, t } from './i18n.ts';

let fieldCount = 0;

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A label with its text as given (already translated, e.g. with parameters), and its input. */
export function labelled(text: string, input: Input): HTMLElement[] {
  input.id ||= `field-${++fieldCount}`;
  return [h('label', { class: 'field', attrs: { for: input.id }, text }), input];
}

export const field = (label: MessageKey, input: Input): HTMLElement[] => labelled(t(label), input);

export const numberInput = (name: string, value: number | string = '') =>
  h('input', { attrs: { type: 'number', name, inputmode: 'numeric', min: 0, value: String(value) } });

export const textInput = (name: string, value = '') =>
  h('input', { attrs: { type: 'text', name, value, autocomplete: 'off' } });

/**
 * A file input shown as the page's own button and the chosen file's name, in the page's language: the
 * browser's own ("Choose File", "No file chosen") follow the phone's language, not the page's. The input
 * stays in the page, hidden but focusable, so the keyboard and the label reach it.
 */
export function filePicker(input: HTMLInputElement): HTMLElement {
  input.classList.add('visually-hidden');
  const chosen = h('span', { class: 'file-chosen', text: t('file.none') });
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.[0]?.name ?? t('file.none');
  });
  return h(
    'label',
    { class: 'file-picker' },
    input,
    h('span', { class: 'file-button', text: t('file.choose') }),
    chosen,
  );
}

export function actionForm(
  title: MessageKey | null,
  submit: MessageKey,
  parts: Array<HTMLElement | HTMLElement[] | null>,
  run: () => void,
  id?: string,
): HTMLElement {
  return h(
    'form',
    {
      attrs: { id: id ?? null },
      on: {
        submit: (event) => {
          event.preventDefault();
          run();
        },
      },
    },
    title ? h('h2', { text: t(title) }) : null,
    ...parts.flat(),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', attrs: { type: 'submit' }, text: t(submit) }),
    ),
  );
}

/** A form's own check before sending failed: the field it is about and what is wrong. */
export class FieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Kept = Map<string, string>;
const keyOf = (form: HTMLFormElement, input: Input) => `${form.id}\u0000${input.name}`;
const inputsOf = (root: ParentNode) =>
  [...root.querySelectorAll('form[id]')].flatMap((form) =>
    [...(form as HTMLFormElement).querySelectorAll<Input>('input[name], select[name], textarea[name]')]
      .filter((input) => input.type !== 'file')
      .map((input) => ({ form: form as HTMLFormElement, input })),
  );

/** What is typed in the named fields of every form with an id under `root`, to put back after a redraw. */
export function typedValues(root: ParentNode): Kept {
  return new Map(inputsOf(root).map(({ form, input }) => [keyOf(form, input), input.value]));
}

/** Puts typed values back into the redrawn forms, except those of the forms in `dropped`. */
export function restoreTypedValues(root: ParentNode, kept: Kept, dropped: ReadonlySet<string>): void {
  for (const { form, input } of inputsOf(root)) {
    const value = kept.get(keyOf(form, input));
    if (value !== undefined && !dropped.has(form.id)) input.value = value;
  }
}

type Focus = { form: string; key: string; start: number | null; end: number | null };

/** The named field of a form with an id that has the focus (and its caret), to focus again after a redraw. */
export function focusedField(root: ParentNode): Focus | null {
  const found = inputsOf(root).find(({ input }) => input === document.activeElement);
  if (!found) return null;
  const { input } = found;
  const caret = input instanceof HTMLSelectElement ? null : input;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = caret?.selectionStart ?? null;
    end = caret?.selectionEnd ?? null;
  } catch {
    // number inputs have no caret to keep
  }
  return { form: found.form.id, key: keyOf(found.form, input), start, end };
}

/** Focuses the redrawn field that had the focus, with its caret where it was, unless its form is `dropped`. */
export function refocus(root: ParentNode, focus: Focus | null, dropped: ReadonlySet<string>): void {
  if (!focus || dropped.has(focus.form)) return;
  const found = inputsOf(root).find(({ form, input }) => keyOf(form, input) === focus.key);
  if (!found) return;
  found.input.focus({ preventScroll: true });
  if (focus.start !== null && !(found.input instanceof HTMLSelectElement))
    found.input.setSelectionRange(focus.start, focus.end);
}

/** An error shown in its form, under the field it is about (or above the form's button), and focused. */
export function showFieldError(form: HTMLElement, fieldName: string | null, text: string): void {
  const input = fieldName ? form.querySelector<Input>(`[name="${fieldName}"]`) : null;
  const error = h('p', { class: 'field-error', attrs: { id: `${form.id}-error`, role: 'alert' }, text });
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
    input.after(error);
    input.focus();
  } else form.querySelector('.actions')?.before(error);
  error.scrollIntoView({ block: 'center' });
}

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

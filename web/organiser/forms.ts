// Small form pieces for the organiser console: a labelled field, and a form that runs one action.
import { h } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';

let fieldCount = 0;

export function field(
  label: MessageKey,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
): HTMLElement[] {
  input.id ||= `field-${++fieldCount}`;
  return [h('label', { class: 'field', attrs: { for: input.id }, text: t(label) }), input];
}

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

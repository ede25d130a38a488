// "Is my ballot in the record?": the voter types the confirmation code their phone showed.
import { normaliseCode } from '../shared/confirmation-code.ts';
import { h } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';

export type CodeAnswer =
  | { kind: 'found'; code: string; position: number }
  | { kind: 'missing'; code: string }
  | { kind: 'malformed' };

export function lookUpCode(text: string, codes: string[]): CodeAnswer {
  const code = normaliseCode(text);
  if (!code) return { kind: 'malformed' };
  const index = codes.indexOf(code);
  return index < 0 ? { kind: 'missing', code } : { kind: 'found', code, position: index + 1 };
}

/** What a lookup found, said plainly (the booth's receipt screen shows it too). */
export function codeAnswerView(answer: CodeAnswer | null): HTMLElement | null {
  if (!answer) return null;
  if (answer.kind === 'malformed')
    return h('p', { class: 'notice error', attrs: { role: 'alert' }, text: t('verify.code.malformed') });
  if (answer.kind === 'missing')
    return h('p', {
      class: 'notice error',
      attrs: { role: 'alert', 'data-answer': 'missing' },
      text: t('verify.code.missing', { code: answer.code }),
    });
  return h('p', {
    class: 'notice ok',
    attrs: { role: 'status', 'data-answer': 'found' },
    text: t('verify.code.found', { code: answer.code, position: answer.position }),
  });
}

/** The code field; `codes` is null until the record's ballots have been checked. */
export function codeLookupView(
  codes: string[] | null,
  initial: string,
  onType: (text: string) => void,
  onAnswer: (text: string) => void,
  answer: CodeAnswer | null,
): HTMLElement {
  const input = h('input', {
    class: 'code',
    attrs: {
      id: 'code',
      type: 'text',
      value: initial,
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      placeholder: 'XXXX-XXXX-XXXX-XXXX',
      'aria-describedby': 'code-help',
    },
    on: { input: () => onType(input.value) },
  });
  return h(
    'form',
    {
      attrs: { id: 'code-form' },
      on: {
        submit: (event) => {
          event.preventDefault();
          onAnswer(input.value);
        },
      },
    },
    h('h2', { text: t('verify.code.title') }),
    h('label', { class: 'field', attrs: { for: 'code' }, text: t('verify.code.label') }),
    h('p', { class: 'muted small', attrs: { id: 'code-help' }, text: t('verify.code.help') }),
    input,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        attrs: { type: 'submit', disabled: codes === null },
        text: codes === null ? t('verify.code.wait') : t('verify.code.find'),
      }),
    ),
    codeAnswerView(answer),
  );
}

// The ballot as the voter marks it: one row per question (per member for a classification, with the
// proposed level already chosen; per official for a confidence vote, with the official's position; per
// motion, with what abstaining and leaving blank each mean), each with an explicit "blank" choice. A
// change updates its row in place, so the page never jumps while the voter scrolls.
import type { Choices, Manifest, Question } from '../../crypto/index.ts';
import type { Role } from '../../src/shared/domain.ts';
import { ROLE_NAMES } from '../../src/shared/rules/subject.ts';
import { h } from '../shared/dom.ts';
import { pick, t } from '../shared/i18n.ts';
import { optionLabel, optionShortLabel } from '../shared/option-labels.ts';

/** The proposed option of each question (classification), as an index, or null. */
export function proposedChoices(manifest: Manifest): Choices {
  return manifest.questions.map((q) => {
    const proposed = (q as Question & { proposed?: unknown }).proposed;
    const index = q.options.findIndex((o) => o.id === proposed);
    return manifest.kind === 'classification' && index >= 0 ? index : null;
  });
}

export const questionTitle = (manifest: Manifest, q: Question): string =>
  manifest.kind === 'motion' || !q.subject ? q.prompt : q.subject;

function rowClass(choice: number | null, proposed: number | null): string {
  if (choice === null) return 'question blank';
  return proposed !== null && choice !== proposed ? 'question changed' : 'question';
}

function choiceButton(
  name: string,
  value: string,
  text: string,
  checked: boolean,
  fullLabel: string,
  extraClass = '',
): HTMLElement {
  return h(
    'label',
    { class: `choice ${extraClass}`.trim() },
    h('input', {
      attrs: { type: 'radio', name, value, checked, 'aria-label': fullLabel !== text ? fullLabel : null },
    }),
    h('span', { text }),
  );
}

function row(
  manifest: Manifest,
  q: Question,
  index: number,
  choice: number | null,
  proposed: number | null,
  onChoose: (index: number, choice: number | null) => void,
): HTMLElement {
  const name = `q-${index}`;
  const fieldset = h(
    'fieldset',
    { class: rowClass(choice, proposed), attrs: { 'data-question': q.id } },
    h('legend', { text: `${index + 1}. ${questionTitle(manifest, q)}` }),
    manifest.kind === 'confidence' && q.role && q.role in ROLE_NAMES
      ? h('p', {
          class: 'small position',
          text: t('booth.position', { position: pick(ROLE_NAMES[q.role as Role]) }),
        })
      : null,
    proposed !== null
      ? h('p', {
          class: 'small',
          text: t('booth.proposed', { level: optionLabel(manifest, q.options[proposed]!) }),
        })
      : null,
    h(
      'div',
      { class: 'choices' },
      ...q.options.map((o, i) =>
        choiceButton(name, String(i), optionShortLabel(manifest, o), choice === i, optionLabel(manifest, o)),
      ),
      choiceButton(name, 'blank', t('booth.blank'), choice === null, t('booth.blank'), 'blank-choice'),
    ),
  );
  fieldset.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    const next = value === 'blank' ? null : Number(value);
    fieldset.className = rowClass(next, proposed);
    onChoose(index, next);
  });
  return fieldset;
}

/** A motion's two ways not to say yes or no: abstaining (an answer, counted) and leaving the row blank. */
function motionChoices(manifest: Manifest): HTMLElement | null {
  const abstain = manifest.questions[0]?.options.find((o) => o.id === 'abstain');
  if (manifest.kind !== 'motion' || !abstain) return null;
  return h('p', {
    class: 'small',
    attrs: { id: 'motion-choices' },
    text: t('booth.motion.choices', { abstain: optionLabel(manifest, abstain), blank: t('booth.blank') }),
  });
}

/** The legend of abbreviations for a classification ballot. */
function abbreviations(manifest: Manifest): HTMLElement | null {
  const options = manifest.questions[0]?.options ?? [];
  const shortened = options.filter((o) => optionShortLabel(manifest, o) !== optionLabel(manifest, o));
  if (shortened.length === 0) return null;
  return h(
    'ul',
    { class: 'legend-list small' },
    ...shortened.map((o) =>
      h('li', {}, h('strong', { text: optionShortLabel(manifest, o) }), `: ${optionLabel(manifest, o)}`),
    ),
  );
}

export function ballotForm(
  manifest: Manifest,
  choices: Choices,
  locked: boolean,
  onChoose: (index: number, choice: number | null) => void,
): HTMLElement {
  const proposed = proposedChoices(manifest);
  return h(
    'form',
    { attrs: { id: 'ballot', novalidate: true }, on: { submit: (event) => event.preventDefault() } },
    abbreviations(manifest),
    motionChoices(manifest),
    h(
      'fieldset',
      { class: 'plain', attrs: { disabled: locked } },
      ...manifest.questions.map((q, i) =>
        row(manifest, q, i, choices[i] ?? null, proposed[i] ?? null, onChoose),
      ),
    ),
  );
}

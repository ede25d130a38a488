// The form that makes cards, started from the roster: one card per official member who votes and a few
// spares (the organiser may change either number); cards already made and still usable are counted off.
import { cardsToPrint, spareCards } from '../../src/shared/domain.ts';
import { h } from '../shared/dom.ts';
import { actionForm, field, numberInput } from '../shared/forms.ts';
import { t } from '../shared/i18n.ts';
import type { CardsPerSheet } from './card-layout.ts';

export const CARDS_FORM = 'cards-form';

/** `voterCount`: the meeting's electorate (its manifest); `made`: cards made and not voided. */
export function cardsForm(
  voterCount: number,
  made: number,
  run: (form: HTMLElement, perSheet: CardsPerSheet) => void,
  note: HTMLElement | null,
): HTMLElement {
  const spares = numberInput('spares', spareCards(voterCount));
  const count = numberInput('count', cardsToPrint(voterCount, spareCards(voterCount), made));
  count.min = '1';
  spares.addEventListener('input', () => {
    const wanted = Number(spares.value);
    if (spares.value.trim() !== '' && Number.isInteger(wanted) && wanted >= 0)
      count.value = String(cardsToPrint(voterCount, wanted, made));
  });
  const perSheet = h(
    'select',
    { attrs: { name: 'perSheet' } },
    h('option', { attrs: { value: 8 }, text: t('organiser.cards.per8') }),
    h('option', { attrs: { value: 12 }, text: t('organiser.cards.per12') }),
  );
  const form: HTMLElement = actionForm(
    'organiser.cards.title',
    'organiser.cards.make',
    [
      note,
      h('p', {
        attrs: { id: 'cards-basis' },
        text: t('organiser.cards.basis', { voters: voterCount, made }),
      }),
      field('organiser.cards.spares', spares),
      field('organiser.cards.count', count),
      field('organiser.cards.perSheet', perSheet),
    ],
    () => run(form, perSheet.value === '12' ? 12 : 8),
    CARDS_FORM,
  );
  return form;
}

// The cards' commands (SPEC §3, §3.1): registering the public keys of printed cards and paper ballots,
// activating the ones the board hands out, and voiding lost ones. Registration writes no event (a card's key is published when it
// is activated); activation and voiding of an active card are steps of the record.
import type { Deps } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { pollHasClosed } from '../shared/domain.ts';
import {
  type Card,
  type CardMedium,
  DuplicateCardError,
  type Head,
  type Meeting,
  type NewEvent,
} from '../store/store.ts';
import { isCredentialKey } from './protocol.ts';
import { sortByBytes } from './snapshot.ts';
import { step } from './step.ts';

type CardDeps = Pick<Deps, 'store' | 'queue'>;

export async function registerCards(
  deps: CardDeps,
  meeting: Meeting,
  cards: { serial: number; pk: string; medium?: CardMedium }[],
): Promise<number> {
  if (pollHasClosed(meeting.status)) throw fail(409, 'poll_closed');
  cards.forEach((card, i) => {
    if (!isCredentialKey(card.pk)) throw fail(400, 'point_invalid', { path: `cards[${i}].pk` });
  });
  const serials = new Set(cards.map((card) => card.serial));
  const keys = new Set(cards.map((card) => card.pk));
  if (serials.size !== cards.length || keys.size !== cards.length) throw fail(409, 'card_duplicate');
  try {
    await deps.store.addCards(meeting.id, cards);
  } catch (error) {
    if (error instanceof DuplicateCardError) throw fail(409, 'card_duplicate');
    throw error;
  }
  return cards.length;
}

/** SPEC §6: one `credentials-activated` event for the cards, one marked `medium: "paper"` for paper ballots. */
function activationEvents(found: Card[]): NewEvent[] {
  return (['card', 'paper'] as const).flatMap((medium) => {
    const keys = sortByBytes(found.filter((card) => card.medium === medium).map((card) => card.pk));
    if (keys.length === 0) return [];
    const payload = medium === 'paper' ? { keys, medium } : { keys };
    return [{ type: 'credentials-activated', payload: JSON.stringify(payload) }];
  });
}

/** Activates the cards with these serials, each of which must be registered and not yet activated. */
export async function activateCards(deps: CardDeps, meeting: Meeting, serials: number[]): Promise<Head> {
  const { store } = deps;
  const { head } = await step(deps, meeting.id, 'activate-cards', async (_, at) => {
    const found = await store.cards(meeting.id, { serials });
    for (const s of serials) {
      const card = found.find((f) => f.serial === s);
      if (!card) throw fail(404, 'card_unknown', { serial: s });
      if (card.state !== 'issued') throw fail(409, 'card_not_issued', { serial: s });
    }
    const events = activationEvents(found);
    return {
      answer: null,
      events,
      write: () => store.activateCards(meeting.id, at, serials, events),
    };
  });
  return head!;
}

export async function voidCard(deps: CardDeps, meeting: Meeting, serial: number): Promise<Head> {
  const { store } = deps;
  const { head } = await step(deps, meeting.id, 'void-card', async (_, at) => {
    const [card] = await store.cards(meeting.id, { serials: [serial] });
    if (!card) throw fail(404, 'card_unknown', { serial });
    if (card.state === 'voided') throw fail(409, 'card_voided', { serial });
    // A card never activated has its key in no event (SPEC §3: only activated keys are published), so
    // voiding it (a set registered but never printed) records nothing; it can no longer be activated.
    const event =
      card.state === 'active'
        ? { type: 'credential-voided', payload: JSON.stringify({ key: card.pk }) }
        : null;
    return {
      answer: null,
      events: event ? [event] : [],
      write: () => store.voidCard(meeting.id, at, serial, event),
    };
  });
  return head!;
}

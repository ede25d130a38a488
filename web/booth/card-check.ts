// The card's state, asked as soon as the token is read (GET /api/vote/:id/cards/:pk), so a spent, voided,
// unknown or not yet activated card is explained before the voter fills the ballot. The refusals when the
// ballot is sent stay: the state can change while the voter reads.
import type { InferResponseType } from 'hono/client';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { type MessageKey, t } from '../shared/i18n.ts';

/** A card's state as GET /api/vote/:id/cards/:pk answers it. */
export type CardState = InferResponseType<
  ReturnType<typeof apiClient>['vote'][':id']['cards'][':pk']['$get']
>['state'];

/** Why this card cannot vote now: a title, a message, and whether reloading later may help. */
export type CardProblem = { title: string; message: string; reload: boolean };

const REFUSED: Record<Exclude<CardState, 'activated'>, MessageKey> = {
  spent: 'booth.error.spent',
  voided: 'booth.error.voided',
  issued: 'booth.card.notActive',
};

export async function cardState(meetingId: string, pk: string): Promise<CardState | 'unknown'> {
  try {
    const card = await answer(apiClient().vote[':id'].cards[':pk'].$get({ param: { id: meetingId, pk } }));
    return card.state;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'card_unknown') return 'unknown';
    throw error;
  }
}

/** The problem with a card in this state, or null when it may vote. */
export function cardProblem(state: CardState | 'unknown'): CardProblem | null {
  if (state === 'activated') return null;
  const key = state === 'unknown' ? 'booth.error.unknownCard' : REFUSED[state];
  return { title: t('booth.error.cardTitle'), message: t(key), reload: state === 'issued' };
}

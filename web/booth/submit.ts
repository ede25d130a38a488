// Sending the ballot, and what each refusal means to the voter. The same ballot sent twice gets the same
// receipt from the server, so a retry after a lost connection can never cast a second ballot.

import type { InferResponseType } from 'hono/client';
import type { BallotPayload } from '../../crypto/index.ts';
import { pollHasClosed } from '../../src/shared/domain.ts';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { type MessageKey, t } from '../shared/i18n.ts';

const vote = apiClient().vote[':id'];

/** What the booth needs of a meeting, as GET /api/vote/:id answers it. */
export type MeetingInfo = InferResponseType<(typeof vote)['$get']>;
export type SubmitAnswer = InferResponseType<(typeof vote)['ballots']['$post'], 201>;

export async function fetchMeeting(meetingId: string): Promise<MeetingInfo> {
  return answer(vote.$get({ param: { id: meetingId } }));
}

export async function submitBallot(meetingId: string, ballot: BallotPayload): Promise<SubmitAnswer> {
  return answer(vote.ballots.$post({ param: { id: meetingId }, json: ballot }));
}

/** What the voter can do about a refusal: send the same ballot again, mark it again, or nothing. */
export type Refusal = { message: string; next: 'retry' | 'remark' | 'none'; title: string };

const CARD_REFUSALS: Record<string, MessageKey> = {
  credential_spent: 'booth.error.spent',
  credential_voided: 'booth.error.voided',
  credential_unknown: 'booth.error.unknownCard',
};

export function refusalOf(error: unknown, status: MeetingInfo['status'] | null): Refusal {
  if (!(error instanceof ApiError))
    return { title: t('booth.error.title'), message: String(error), next: 'retry' };
  const card = CARD_REFUSALS[error.code];
  if (card) return { title: t('booth.error.cardTitle'), message: t(card), next: 'none' };
  switch (error.code) {
    case 'network':
      return { title: t('booth.error.networkTitle'), message: t('booth.error.network'), next: 'retry' };
    case 'credential_not_active':
      return { title: t('booth.error.cardTitle'), message: t('booth.error.notActive'), next: 'retry' };
    case 'poll_not_open':
      return status !== null && pollHasClosed(status)
        ? { title: t('booth.closed.title'), message: t('booth.closed.text'), next: 'none' }
        : { title: t('booth.notOpen.title'), message: t('booth.notOpen.text'), next: 'retry' };
    case 'ballot_invalid':
      return {
        title: t('booth.error.title'),
        message: t('booth.error.invalid', { reason: error.message }),
        next: 'remark',
      };
    default:
      return {
        title: t('booth.error.title'),
        message: error.message,
        next: error.status === 0 || error.status >= 500 ? 'retry' : 'none',
      };
  }
}

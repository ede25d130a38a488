// Sending the ballot, and what each refusal means to the voter. The same ballot sent twice gets the same
// receipt from the server, so a retry after a lost connection can never cast a second ballot.

import type { BallotPayload, JointKeyPayload, Receipt } from '../../crypto/index.ts';
import { type MeetingStatus, pollHasClosed } from '../../src/shared/domain.ts';
import { ApiError, api } from '../shared/api.ts';
import { type MessageKey, t } from '../shared/i18n.ts';

export type MeetingInfo = {
  meetingId: string;
  title: string;
  status: MeetingStatus;
  manifest: string;
  /** The record's joint-key payload, null until the key ceremony ends. */
  jointKey: JointKeyPayload | null;
  serverKey: string | null;
};

export type SubmitAnswer = { receipt: Receipt; confirmationCode: string; serverKey: string };

export const meetingPath = (meetingId: string) => `/api/vote/${encodeURIComponent(meetingId)}`;

export async function fetchMeeting(meetingId: string): Promise<MeetingInfo> {
  return (await api<MeetingInfo>(meetingPath(meetingId))).body;
}

export async function submitBallot(meetingId: string, ballot: BallotPayload): Promise<SubmitAnswer> {
  return (await api<SubmitAnswer>(`${meetingPath(meetingId)}/ballots`, { method: 'POST', body: ballot }))
    .body;
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

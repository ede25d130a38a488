// The trustee's side of the API, and the ceremony run step by step (SPEC §2): join with a free index,
// then deal the shares and acknowledge as soon as the others have done their part.

import type { InferResponseType } from 'hono/client';
import {
  type AckPayload,
  type CertificationPayload,
  type CommitmentsPayload,
  type DecryptionSharePayload,
  dealShares,
  finishCeremony,
  fromBase64url,
  type SharesPayload,
  startCeremony,
} from '../../crypto/index.ts';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import type { TrusteeState } from './trustee-storage.ts';

const meeting = apiClient().meetings[':id'];

/** The ceremony's state, the tally and the result, as the server answers them. */
export type CeremonyView = InferResponseType<(typeof meeting)['ceremony']['$get']>;
export type TallyView = InferResponseType<(typeof meeting)['tally']['$get']>;
export type ResultView = InferResponseType<(typeof meeting)['result']['$get']>;

/** The trustee's side of the API, every call sent with the meeting's trustee code. */
export function board(meetingId: string, code: string) {
  const param = { id: meetingId };
  const own = apiClient(() => ({ 'x-trustee-code': code })).meetings[':id'];
  return {
    ceremony: () => answer(own.ceremony.$get({ param })),
    tally: () => answer(own.tally.$get({ param })),
    result: () => answer(own.result.$get({ param })),
    commitments: (json: CommitmentsPayload) => answer(own.ceremony.commitments.$post({ param, json })),
    shares: (json: SharesPayload) => answer(own.ceremony.shares.$post({ param, json })),
    acknowledge: (json: AckPayload) => answer(own.ceremony.acks.$post({ param, json })),
    decryptionShare: (json: DecryptionSharePayload) => answer(own.shares.$post({ param, json })),
    certify: (json: CertificationPayload) => answer(own.certifications.$post({ param, json })),
  };
}

export type Board = ReturnType<typeof board>;

export type CeremonyProgress =
  | { kind: 'join' }
  | { kind: 'waiting'; phase: 'commitments' | 'shares' | 'acks'; have: number; need: number }
  | { kind: 'complained'; against: number };

const manifestHashOf = (view: CeremonyView) => fromBase64url(view.manifestHash, 64);

/**
 * Joins this round with the lowest free index (or the one this phone held in an earlier round). The
 * secrets are kept before the commitments go out, so a lost answer cannot strand them.
 */
export async function joinCeremony(
  b: Board,
  view: CeremonyView,
  state: TrusteeState,
  keep: () => void,
): Promise<void> {
  const { n, k } = view.trustees;
  let current = view;
  for (let attempt = 0; attempt < n; attempt++) {
    const taken = new Set(current.commitments.map((c) => c.index));
    const free = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !taken.has(i));
    const earlier = state.secrets?.index;
    const index = earlier !== undefined && free.includes(earlier) ? earlier : free[0];
    if (index === undefined) throw new ApiError(409, 'board_full', '');
    const started = startCeremony(manifestHashOf(current), { round: current.round, index, n, k });
    state.secrets = started.secrets;
    state.keyShare = null;
    keep();
    try {
      await b.commitments(started.commitments);
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'ceremony_duplicate')) throw error;
      current = await b.ceremony();
    }
  }
  throw new ApiError(409, 'board_full', '');
}

/** One step of phases 2 and 3 for a trustee who has joined this round; says what it waits for. */
export async function stepCeremony(
  b: Board,
  view: CeremonyView,
  state: TrusteeState,
  keep: () => void,
): Promise<CeremonyProgress> {
  const s = state.secrets;
  if (!s || s.round !== view.round) return { kind: 'join' };
  const { n } = view.trustees;
  if (view.commitments.length < n)
    return { kind: 'waiting', phase: 'commitments', have: view.commitments.length, need: n };
  if (!view.shares.some((x) => x.from === s.index)) {
    await b.shares(dealShares(manifestHashOf(view), s, view.commitments));
    return { kind: 'waiting', phase: 'shares', have: view.shares.length + 1, need: n };
  }
  if (view.shares.length < n) return { kind: 'waiting', phase: 'shares', have: view.shares.length, need: n };
  if (!view.acks.some((a) => a.index === s.index)) {
    const { ack, keyShare } = finishCeremony(manifestHashOf(view), s, view.commitments, view.shares);
    state.keyShare = keyShare;
    keep();
    await b.acknowledge(ack);
    if (!ack.ok) return { kind: 'complained', against: ack.against };
    return { kind: 'waiting', phase: 'acks', have: view.acks.length + 1, need: n };
  }
  return { kind: 'waiting', phase: 'acks', have: view.acks.length, need: n };
}

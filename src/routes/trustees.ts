// The key ceremony of the vote-counting board (SPEC §2), run from the trustees' phones: anyone may read
// its state; a holder of the meeting's trustee code publishes phase 1 (commitments), phase 2 (encrypted
// shares) and phase 3 (a signed acknowledgement, or a complaint that restarts the ceremony).
import { Hono } from 'hono';
import { publicMeeting, trusteeOnly } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';
import { fail } from '../server/errors.ts';
import {
  ackHeadSchema,
  ackOkSchema,
  commitmentsSchema,
  complaintSchema,
  sharesSchema,
} from '../server/payload-schemas.ts';
import {
  type AckPayload,
  type CommitmentsPayload,
  ceremonyAckMessage,
  commitmentsProblems,
  ed25519Verify,
  fromBase64url,
  type JointKeyPayload,
  jointKeyPayload,
  manifestHash,
  type SharesPayload,
} from '../server/protocol.ts';
import { payloadsOf } from '../server/tally.ts';
import { readJson } from '../server/validate.ts';
import type { CeremonyOutcome, Meeting, NewEvent } from '../store/store.ts';

type Round = {
  commitments: CommitmentsPayload[];
  shares: SharesPayload[];
  acks: AckPayload[];
  jointKey: JointKeyPayload | null;
};

/** A signature check that counts a malformed key or signature as a failure. */
export function verifies(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

export function trusteeRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, queue } = deps;

  async function roundOf(meeting: Meeting): Promise<Round> {
    const events = await store.events(meeting.id, {
      types: ['trustee-commitments', 'trustee-shares', 'trustee-ack', 'joint-key'],
    });
    const mine = <T extends { round: number }>(type: string) =>
      payloadsOf<T>(events, type).filter((p) => p.round === meeting.round);
    return {
      commitments: mine<CommitmentsPayload>('trustee-commitments'),
      shares: mine<SharesPayload>('trustee-shares'),
      acks: mine<AckPayload>('trustee-ack'),
      jointKey: payloadsOf<JointKeyPayload>(events, 'joint-key').at(-1) ?? null,
    };
  }

  /** Runs a ceremony step against the current head: checks it is this round's, then decides and writes. */
  async function step(
    meetingId: string,
    payload: { round: number },
    index: number,
    decide: (meeting: Meeting, round: Round) => { events: NewEvent[]; outcome: CeremonyOutcome },
  ) {
    return queue(meetingId, async () => {
      const at = await store.head(meetingId);
      const meeting = (await store.meeting(meetingId))!;
      if (meeting.status !== 'ceremony') throw fail(409, 'ceremony_done');
      if (payload.round !== meeting.round)
        throw fail(409, 'ceremony_round', { round: meeting.round, got: payload.round });
      if (index > meeting.trustees.n) throw fail(400, 'trustee_index', { n: meeting.trustees.n });
      const { events, outcome } = decide(meeting, await roundOf(meeting));
      const head = await store.recordCeremony(meetingId, at, events, outcome);
      return {
        height: head.height,
        round: outcome.kind === 'restart' ? outcome.round : meeting.round,
        outcome: outcome.kind,
      };
    });
  }

  app.get('/:id/ceremony', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const round = await roundOf(meeting);
    return c.json({
      meetingId: meeting.id,
      manifest: meeting.manifest,
      manifestHash: meeting.manifestHash,
      trustees: meeting.trustees,
      round: meeting.round,
      status: meeting.status,
      ...round,
    });
  });

  app.post('/:id/ceremony/commitments', trusteeOnly(deps), async (c) => {
    const payload = await readJson(c, commitmentsSchema);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const problems = commitmentsProblems(meeting.manifest, payload, meeting.trustees);
    if (problems.length > 0) throw fail(400, 'ceremony_invalid', { reason: problems.join('; ') });
    const result = await step(meeting.id, payload, payload.index, (_, round) => {
      if (round.commitments.some((x) => x.index === payload.index))
        throw fail(409, 'ceremony_duplicate', { index: payload.index, round: payload.round });
      return {
        events: [{ type: 'trustee-commitments', payload: JSON.stringify(payload) }],
        outcome: { kind: 'none' },
      };
    });
    return c.json(result, 201);
  });

  app.post('/:id/ceremony/shares', trusteeOnly(deps), async (c) => {
    const payload = await readJson(c, sharesSchema);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const { n } = meeting.trustees;
    const to = payload.shares.map((s) => s.to).sort((a, b) => a - b);
    const expected = Array.from({ length: n }, (_, i) => i + 1).filter((j) => j !== payload.from);
    if (to.join() !== expected.join())
      throw fail(400, 'ceremony_invalid', { reason: `one share to each of trustees ${expected.join(', ')}` });
    const result = await step(meeting.id, payload, payload.from, (current, round) => {
      if (round.commitments.length < current.trustees.n)
        throw fail(409, 'ceremony_phase', { n: current.trustees.n });
      if (round.shares.some((x) => x.from === payload.from))
        throw fail(409, 'ceremony_duplicate', { index: payload.from, round: payload.round });
      return {
        events: [{ type: 'trustee-shares', payload: JSON.stringify(payload) }],
        outcome: { kind: 'none' },
      };
    });
    return c.json(result, 201);
  });

  app.post('/:id/ceremony/acks', trusteeOnly(deps), async (c) => {
    const body = await readJson(c, (value, path) => {
      const head = ackHeadSchema(value, path);
      return head.ok ? ackOkSchema(value, path) : complaintSchema(value, path);
    });
    const payload: AckPayload = body;
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const result = await step(meeting.id, payload, payload.index, (current, round) => {
      const { n } = current.trustees;
      if (round.shares.length < n) throw fail(409, 'ceremony_phase', { n });
      if (round.acks.some((x) => x.index === payload.index))
        throw fail(409, 'ceremony_duplicate', { index: payload.index, round: payload.round });
      const event: NewEvent = { type: 'trustee-ack', payload: JSON.stringify(payload) };
      if (!payload.ok) {
        if (payload.against === payload.index || payload.against > n)
          throw fail(400, 'ceremony_invalid', { reason: `against must name another trustee (1…${n})` });
        return { events: [event], outcome: { kind: 'restart', round: current.round + 1 } };
      }
      const mh = manifestHash(current.manifest);
      const jointKey = jointKeyPayload(mh, current.round, round.commitments);
      const signer = round.commitments.find((x) => x.index === payload.index)!;
      const signed = verifies(() =>
        ed25519Verify(
          fromBase64url(payload.signature, 64),
          ceremonyAckMessage(mh, fromBase64url(jointKey.K, 32)),
          fromBase64url(signer.ed25519, 32),
        ),
      );
      if (!signed)
        throw fail(400, 'ceremony_invalid', { reason: `the signature of trustee ${payload.index} fails` });
      if (round.acks.length + 1 < n) return { events: [event], outcome: { kind: 'none' } };
      return {
        events: [event, { type: 'joint-key', payload: JSON.stringify(jointKey) }],
        outcome: { kind: 'joint-key', jointKey: jointKey.K, ctx: jointKey.ctx },
      };
    });
    return c.json(result, 201);
  });

  return app;
}

// The count, after the poll closes: the encrypted tally (public), the trustees' decryption shares (each
// proof checked on arrival), the result once k valid shares are in (the rules engine fills its outcome),
// and the trustees' certification signatures (SPEC §5, §7).
import { Hono } from 'hono';
import { publicMeeting, trusteeOnly } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';
import { fail } from '../server/errors.ts';
import { certificationSchema, decryptionShareSchema } from '../server/payload-schemas.ts';
import {
  type CertificationPayload,
  certificationValid,
  type DecryptionSharePayload,
  fromBase64url,
  type Manifest,
  nextEventHash,
  type ResultPayload,
  type TallyPayload,
} from '../server/protocol.ts';
import { latestAttendance } from '../server/snapshot.ts';
import { ceremonyKeys, meetingRef, payloadsOf } from '../server/tally.ts';
import { readJson } from '../server/validate.ts';
import { outcomeForResult } from '../shared/rules/index.ts';
import type { Meeting } from '../store/store.ts';

export function resultRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, queue, verifier } = deps;

  async function counting(meeting: Meeting) {
    const events = await store.events(meeting.id, {
      types: ['encrypted-tally', 'decryption-share', 'result', 'certification', 'poll-closed'],
    });
    const closed = payloadsOf<{ ballots: number }>(events, 'poll-closed')[0] ?? null;
    const resultEvent = events.find((e) => e.type === 'result');
    return {
      ballots: closed?.ballots ?? null,
      tally: payloadsOf<TallyPayload>(events, 'encrypted-tally')[0] ?? null,
      shares: payloadsOf<DecryptionSharePayload>(events, 'decryption-share'),
      result: resultEvent?.payload ?? null,
      certifications: payloadsOf<CertificationPayload>(events, 'certification'),
    };
  }

  app.get('/:id/tally', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const [state, keys] = await Promise.all([counting(meeting), ceremonyKeys(store, meeting.id)]);
    return c.json({
      meetingId: meeting.id,
      status: meeting.status,
      manifest: meeting.manifest,
      jointKey: keys?.jointKey ?? null,
      ballots: state.ballots,
      tally: state.tally,
      sharesFrom: state.shares.map((s) => s.index),
    });
  });

  app.post('/:id/shares', trusteeOnly(deps), async (c) => {
    const share: DecryptionSharePayload = await readJson(c, decryptionShareSchema, 2 * 1024 * 1024);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    if (meeting.status === 'decrypted') throw fail(409, 'result_exists');
    if (meeting.status !== 'closed') throw fail(409, 'not_closed');
    if (share.index > meeting.trustees.n) throw fail(400, 'trustee_index', { n: meeting.trustees.n });
    const keys = (await ceremonyKeys(store, meeting.id))!;
    const state = await counting(meeting);
    if (state.shares.some((s) => s.index === share.index))
      throw fail(409, 'share_duplicate', { index: share.index });
    const ref = meetingRef(meeting);
    const verdict = await verifier.verifyShare({
      meeting: ref,
      verificationKey: keys.verificationKeys.get(share.index)!,
      tally: state.tally!,
      share,
    });
    if (!verdict.ok) throw fail(400, 'share_invalid', { reason: verdict.problems.join('; ') });

    const written = await queue(meeting.id, async () => {
      const at = await store.head(meeting.id);
      const current = (await store.meeting(meeting.id))!;
      if (current.status === 'decrypted') throw fail(409, 'result_exists');
      const now = await counting(current);
      if (now.shares.some((s) => s.index === share.index))
        throw fail(409, 'share_duplicate', { index: share.index });
      const shareEvent = { type: 'decryption-share', payload: JSON.stringify(share) };
      const { k } = current.trustees;
      if (now.shares.length + 1 < k) {
        const head = await store.addDecryptionShare(meeting.id, at, shareEvent, null);
        return { head, result: null };
      }
      const chosen = [...now.shares, share].sort((a, b) => a.index - b.index).slice(0, k);
      const ballots = now.ballots!;
      let questions: ResultPayload['questions'];
      try {
        questions = await verifier.combine({ meeting: ref, tally: now.tally!, shares: chosen, ballots });
      } catch (error) {
        throw fail(409, 'combine_failed', { reason: (error as Error).message });
      }
      const activated = (await store.counts(meeting.id)).activated;
      const manifest = JSON.parse(current.manifest) as Manifest;
      const outcome = outcomeForResult({
        manifest,
        attendance: await latestAttendance(store, meeting.id),
        activated,
        ballots,
        questions,
      });
      const result: ResultPayload = {
        meetingId: meeting.id,
        ctx: current.ctx!,
        ballots,
        activated,
        questions,
        ruleSet: current.ruleSet,
        outcome,
        trusteesUsed: chosen.map((s) => s.index),
        recordHead: nextEventHash(at, shareEvent),
      };
      const payload = JSON.stringify(result);
      const head = await store.addDecryptionShare(meeting.id, at, shareEvent, { type: 'result', payload });
      return { head, result };
    });
    return c.json({ height: written.head.height, result: written.result }, 201);
  });

  app.get('/:id/result', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const state = await counting(meeting);
    if (!state.result) throw fail(404, 'result_missing');
    const signed = new Set(state.certifications.map((x) => x.index));
    return c.json({
      meetingId: meeting.id,
      result: JSON.parse(state.result) as ResultPayload,
      resultPayload: state.result,
      certifications: state.certifications,
      certified: signed.size >= meeting.trustees.k,
    });
  });

  app.post('/:id/certifications', trusteeOnly(deps), async (c) => {
    const body = await readJson(c, certificationSchema);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    if (body.index > meeting.trustees.n) throw fail(400, 'trustee_index', { n: meeting.trustees.n });
    const head = await queue(meeting.id, async () => {
      const at = await store.head(meeting.id);
      const current = (await store.meeting(meeting.id))!;
      const state = await counting(current);
      if (!state.result) throw fail(409, 'result_missing');
      if (state.certifications.some((x) => x.index === body.index))
        throw fail(409, 'certification_duplicate', { index: body.index });
      const keys = (await ceremonyKeys(store, meeting.id))!;
      const signingKey = fromBase64url(keys.signingKeys.get(body.index)!, 32);
      if (
        !certificationValid(fromBase64url(current.manifestHash, 64), state.result, body.signature, signingKey)
      )
        throw fail(400, 'certification_invalid', { index: body.index });
      return store.appendEvent(meeting.id, at, { type: 'certification', payload: JSON.stringify(body) });
    });
    return c.json({ height: head.height }, 201);
  });

  return app;
}

// The meetings aggregate's contract (src/store/meeting-store.ts), for every backend: the record chain its
// changes append to, atomicity (a refused write changes nothing) and single use of a credential.
import { beforeEach, describe, expect, it } from 'vitest';
import { base64url, credentialFromToken, type EventType, eventHash } from '../../crypto/index.ts';
import {
  CredentialSpentError,
  DuplicateCardError,
  type Head,
  StaleHeadError,
  type Store,
} from '../../src/store/store.ts';

import type { OpenStore } from './contracts.ts';

const NOW = Date.UTC(2026, 10, 23);

export function keyFor(n: number): string {
  const token = new Uint8Array(16);
  new DataView(token.buffer).setUint32(0, n);
  return base64url(credentialFromToken('contract', token).pk);
}

function newMeeting(id: string, branchId = 'b1'): Parameters<Store['createMeeting']>[0] {
  return {
    id,
    branchId,
    title: 'Họp chi bộ',
    kind: 'classification',
    ruleSet: 'none',
    trustees: { n: 3, k: 2 },
    manifest: JSON.stringify({ protocol: 'phieukin/v1', meetingId: id }),
    manifestHash: 'mh',
    createdAt: NOW,
  };
}

const event = (type: string, payload: object = {}) => ({ type, payload: JSON.stringify(payload) });

export function meetingContract(name: string, open: OpenStore): void {
  describe(`Store contract, meetings: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      const opened = open();
      store = opened.store;
      await store.ensureBranch({ id: 'b1', name: 'Chi bộ 1' }, NOW);
      await store.ensureBranch({ id: 'b2', name: 'Chi bộ 2' }, NOW);
      return opened.close;
    });

    async function meetingWithCards(id: string, cards: number): Promise<Head> {
      const head = await store.createMeeting(newMeeting(id));
      await store.addCards(
        id,
        Array.from({ length: cards }, (_, i) => ({ serial: i + 1, pk: keyFor(i + 1) })),
      );
      return head;
    }

    /** Every event links to the one before and hashes as SPEC §6 says. */
    async function expectValidChain(meetingId: string): Promise<void> {
      const events = await store.events(meetingId);
      let parent: string | null = null;
      events.forEach((e, i) => {
        expect(e.height).toBe(i);
        expect(e.parent).toBe(parent);
        const hash = base64url(eventHash({ ...e, type: e.type as EventType }));
        expect(e.hash).toBe(hash);
        parent = hash;
      });
    }

    it('creates a meeting with its manifest as the event at height 0', async () => {
      const head = await store.createMeeting(newMeeting('m1'));
      expect(head.height).toBe(0);
      expect(await store.head('m1')).toEqual(head);
      const [manifest] = await store.events('m1');
      expect(manifest).toMatchObject({
        height: 0,
        parent: null,
        type: 'manifest',
        payload: newMeeting('m1').manifest,
      });
      expect(await store.meeting('m1')).toMatchObject({
        status: 'ceremony',
        round: 1,
        jointKey: null,
        trustees: { n: 3, k: 2 },
      });
      expect(await store.meeting('nope')).toBeNull();
    });

    it('lists only the branch’s own meetings', async () => {
      await store.createMeeting(newMeeting('m1', 'b1'));
      await store.createMeeting(newMeeting('m2', 'b2'));
      expect((await store.meetings('b1')).map((m) => m.id)).toEqual(['m1']);
    });

    it('appends events to a valid chain and refuses a stale head, changing nothing', async () => {
      const h0 = await store.createMeeting(newMeeting('m1'));
      const h1 = await store.appendEvent(
        'm1',
        h0,
        event('attendance', { summoned: 5, present: 4, excluded: 0 }),
      );
      expect(h1.height).toBe(1);
      await expect(store.appendEvent('m1', h0, event('attendance'))).rejects.toBeInstanceOf(StaleHeadError);
      expect(await store.events('m1')).toHaveLength(2);
      await store.appendEvent('m1', h1, event('attendance', { summoned: 5, present: 5, excluded: 0 }));
      await expectValidChain('m1');
      const attendance = await store.events('m1', { types: ['attendance'], fromHeight: 2 });
      expect(attendance.map((e) => e.height)).toEqual([2]);
    });

    it('registers cards in bulk and refuses a duplicate without storing any of the batch', async () => {
      await meetingWithCards('m1', 250);
      expect(await store.cards('m1')).toHaveLength(250);
      await expect(
        store.addCards('m1', [
          { serial: 251, pk: keyFor(251) },
          { serial: 1, pk: keyFor(999) },
        ]),
      ).rejects.toBeInstanceOf(DuplicateCardError);
      await expect(store.addCards('m1', [{ serial: 300, pk: keyFor(1) }])).rejects.toBeInstanceOf(
        DuplicateCardError,
      );
      expect(await store.cards('m1')).toHaveLength(250);
      const some = await store.cards('m1', { serials: Array.from({ length: 150 }, (_, i) => i + 50) });
      expect(some.map((c) => c.serial)).toEqual(Array.from({ length: 150 }, (_, i) => i + 50));
      expect(await store.cardByKey('m1', keyFor(7))).toEqual({
        serial: 7,
        pk: keyFor(7),
        state: 'issued',
        medium: 'card',
      });
    });

    it('activates and voids cards with their events; a stale activation changes nothing', async () => {
      const h0 = await meetingWithCards('m1', 200);
      const serials = Array.from({ length: 150 }, (_, i) => i + 1);
      const h1 = await store.activateCards('m1', h0, serials, [event('credentials-activated', { keys: [] })]);
      await expect(
        store.activateCards('m1', h0, [151, 152], [event('credentials-activated', { keys: [] })]),
      ).rejects.toBeInstanceOf(StaleHeadError);
      expect(await store.counts('m1')).toEqual({
        issued: 50,
        activated: 150,
        voided: 0,
        cast: 0,
        paperCast: 0,
        decidedByHand: 0,
      });
      await store.voidCard('m1', h1, 3, event('credential-voided', { key: keyFor(3) }));
      expect(await store.counts('m1')).toEqual({
        issued: 50,
        activated: 149,
        voided: 1,
        cast: 0,
        paperCast: 0,
        decidedByHand: 0,
      });
      expect((await store.cardByKey('m1', keyFor(3)))?.state).toBe('voided');
      await expectValidChain('m1');
    });

    it('keeps paper ballots apart from cards: registered as paper, activated in their own event, counted', async () => {
      let at = await meetingWithCards('m1', 2);
      await store.addCards('m1', [
        { serial: 3, pk: keyFor(3), medium: 'paper' },
        { serial: 4, pk: keyFor(4), medium: 'paper' },
      ]);
      expect((await store.cards('m1')).map((c) => c.medium)).toEqual(['card', 'card', 'paper', 'paper']);
      at = await store.activateCards(
        'm1',
        at,
        [1, 2, 3, 4],
        [
          event('credentials-activated', { keys: [keyFor(1), keyFor(2)] }),
          event('credentials-activated', { keys: [keyFor(3), keyFor(4)], medium: 'paper' }),
        ],
      );
      expect(at.height).toBe(2);
      at = await store.openPoll('m1', at, event('poll-opened'));
      for (const n of [1, 3, 4])
        at = await store.castBallot('m1', at, {
          pk: keyFor(n),
          ballotHash: `h${n}`,
          event: event('ballot'),
          decidedByHand: n === 1 ? 0 : n - 1,
        });
      expect(await store.counts('m1')).toEqual({
        issued: 0,
        activated: 4,
        voided: 0,
        cast: 3,
        paperCast: 2,
        decidedByHand: 5,
      });
      await expectValidChain('m1');
    });

    it('runs the ceremony outcomes: a complaint starts a new round, the acks fix the joint key', async () => {
      const h0 = await store.createMeeting(newMeeting('m1'));
      const h1 = await store.recordCeremony('m1', h0, [event('trustee-ack')], { kind: 'restart', round: 2 });
      expect(await store.meeting('m1')).toMatchObject({ status: 'ceremony', round: 2 });
      await store.recordCeremony('m1', h1, [event('trustee-ack'), event('joint-key')], {
        kind: 'joint-key',
        jointKey: 'K',
        ctx: 'ctx',
      });
      expect(await store.meeting('m1')).toMatchObject({
        status: 'ready',
        round: 2,
        jointKey: 'K',
        ctx: 'ctx',
      });
      expect((await store.head('m1')).height).toBe(3);
    });

    it('spends a credential once: a second ballot is refused with the first one, nothing appended', async () => {
      let at = await meetingWithCards('m1', 3);
      at = await store.openPoll('m1', at, event('poll-opened'));
      const pk = keyFor(1);
      const first = await store.castBallot('m1', at, {
        pk,
        ballotHash: 'h1',
        event: event('ballot', { pk }),
      });
      const refused = await store
        .castBallot('m1', first, { pk, ballotHash: 'h2', event: event('ballot', { pk, again: true }) })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(CredentialSpentError);
      expect((refused as CredentialSpentError).spent).toEqual({ pk, ballotHash: 'h1', height: first.height });
      expect(await store.head('m1')).toEqual(first);
      expect(await store.spentCredential('m1', pk)).toEqual({ pk, ballotHash: 'h1', height: first.height });
      expect(await store.spentCredential('m1', keyFor(2))).toBeNull();
      expect((await store.counts('m1')).cast).toBe(1);
      const second = await store.castBallot('m1', first, {
        pk: keyFor(2),
        ballotHash: 'h2',
        event: event('ballot'),
      });
      expect(await store.spentCredentials('m1')).toEqual([
        { pk, ballotHash: 'h1', height: first.height },
        { pk: keyFor(2), ballotHash: 'h2', height: second.height },
      ]);
    });

    it('a ballot written against a stale head is not stored', async () => {
      let at = await meetingWithCards('m1', 3);
      at = await store.openPoll('m1', at, event('poll-opened'));
      await store.castBallot('m1', at, { pk: keyFor(1), ballotHash: 'h1', event: event('ballot') });
      await expect(
        store.castBallot('m1', at, { pk: keyFor(2), ballotHash: 'h2', event: event('ballot') }),
      ).rejects.toBeInstanceOf(StaleHeadError);
      expect(await store.spentCredential('m1', keyFor(2))).toBeNull();
    });

    it('of 20 concurrent ballots on one credential exactly one is stored', async () => {
      let at = await meetingWithCards('m1', 1);
      at = await store.openPoll('m1', at, event('poll-opened'));
      const pk = keyFor(1);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.castBallot('m1', at, { pk, ballotHash: `h${i}`, event: event('ballot', { i }) }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected')
          expect(r.reason).toSatisfy((e) => e instanceof StaleHeadError || e instanceof CredentialSpentError);
      }
      expect((await store.counts('m1')).cast).toBe(1);
      expect(await store.events('m1', { types: ['ballot'] })).toHaveLength(1);
    });

    it('moves the meeting through open, closed and decrypted', async () => {
      let at = await store.createMeeting(newMeeting('m1'));
      at = await store.openPoll('m1', at, event('poll-opened'));
      expect((await store.meeting('m1'))?.status).toBe('open');
      at = await store.closePoll('m1', at, [event('poll-closed'), event('encrypted-tally')]);
      expect((await store.meeting('m1'))?.status).toBe('closed');
      at = await store.addDecryptionShare('m1', at, event('decryption-share', { index: 1 }), null);
      expect((await store.meeting('m1'))?.status).toBe('closed');
      at = await store.addDecryptionShare('m1', at, event('decryption-share', { index: 2 }), event('result'));
      expect((await store.meeting('m1'))?.status).toBe('decrypted');
      expect((await store.events('m1')).map((e) => e.type)).toEqual([
        'manifest',
        'poll-opened',
        'poll-closed',
        'encrypted-tally',
        'decryption-share',
        'decryption-share',
        'result',
      ]);
      await expectValidChain('m1');
    });

    it('keeps the trustee code hash per meeting, replacing it', async () => {
      await store.createMeeting(newMeeting('m1'));
      expect(await store.trusteeCodeHash('m1')).toBeNull();
      await store.setTrusteeCode('m1', 'c1');
      await store.setTrusteeCode('m1', 'c2');
      expect(await store.trusteeCodeHash('m1')).toBe('c2');
    });
  });
}

// A paper ballot end to end through the app (SPEC §3.1): printed for the meeting's manifest, registered
// as paper and activated, marked by drawing on the rendered page, read, an unsure row decided by the
// board, encrypted with the booth's code and cast with the sheet's credential next to two phones' ballots.
// A second scan of the sheet is refused as spent; the result, the record and the minutes count it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  credentialFromToken,
  encryptBallot,
  meetingContext,
  newToken,
  parseManifest,
  parseTokenText,
  tokenText,
} from '../../crypto/index.ts';
import { paperChoices } from '../../src/shared/paper/choices.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { readPaperPage } from '../../src/shared/paper/read.ts';
import { MeetingDriver, type TestApp, testApp, verify } from '../app/helpers.ts';
import { markBox, renderedBallot } from './marking.ts';

const DPI = 100;

describe('a paper ballot scanned into the encrypted tally', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'phieukin-cast-'));
  afterAll(() => {
    t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the marks read from the sheet, once, as a paper ballot', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ceremony();
    await m.cards(2);
    const token = tokenText(newToken());
    const pk = Buffer.from(credentialFromToken(m.id, parseTokenText(token)).pk).toString('base64url');
    await m.expectOk(m.organiser.post(m.path('/cards'), { cards: [{ serial: 3, pk, medium: 'paper' }] }));
    await m.expectOk(m.organiser.put(m.path('/attendance'), { summoned: 3, present: 3 }), 200);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 3 }), 200);
    await m.open();
    await m.expectOk(m.vote(1, [0, 1]));
    await m.expectOk(m.vote(2, [1, 1]));

    const manifest = parseManifest(m.manifest);
    const { pages, images } = await renderedBallot(manifest, '3', token, dir, DPI);
    expect(pages).toHaveLength(1);
    const [q1, q2] = manifest.questions.map((q) => q.id) as [string, string];
    markBox(images[0]!, DPI / 25.4, pages[0]!, q1, 1, 'cross');
    markBox(images[0]!, DPI / 25.4, pages[0]!, q2, 0, 'cross');
    markBox(images[0]!, DPI / 25.4, pages[0]!, q2, 2, 'tick');
    const layout = { meetingId: m.id, pages };
    const reading = readPaperPage(images[0]!, layout, findQr);
    expect(reading.answers.map((a) => a.state)).toEqual(['marked', 'unsure']);

    const undecided = paperChoices(manifest, [reading]);
    expect(undecided).toEqual({ ok: false, problems: [`unsure rows for the board to decide: ${q2}`] });
    const decisions = { [q2]: manifest.questions[1]!.options[2]!.id };
    const decided = paperChoices(manifest, [reading], decisions);
    if (!decided.ok) throw new Error(decided.problems.join('; '));
    expect(decided).toMatchObject({ serial: '3', choices: [1, 2], decidedByHand: [q2] });
    const corrected = paperChoices(manifest, [reading], { ...decisions, [q1]: null });
    expect(corrected).toMatchObject({ choices: [null, 2], decidedByHand: [q1, q2] });
    const confirmed = paperChoices(manifest, [reading], { ...decisions, [q1]: reading.answers[0]!.option });
    expect(confirmed).toMatchObject({ choices: [1, 2], decidedByHand: [q2] });

    const jointKey = (await t.store.meeting(m.id))!.jointKey!;
    const credential = credentialFromToken(m.id, parseTokenText(decided.token));
    const cast = (choices: number[]) =>
      t.client().post(`/api/vote/${m.id}/ballots`, {
        ...encryptBallot(meetingContext(m.manifest, jointKey), credential, choices).ballot,
        decidedByHand: decided.decidedByHand,
      });
    await m.expectOk(cast(decided.choices as number[]));
    const again = await cast(decided.choices as number[]);
    expect(again.status).toBe(409);

    const result = await m.certifiedResult();
    expect(result).toMatchObject({ ballots: 3, paperBallots: 1, decidedByHand: 1 });
    expect(result.questions.map((q) => q.counts)).toEqual([
      [1, 2, 0, 0],
      [0, 2, 1, 0],
    ]);
    const report = verify(await m.record());
    expect(report.ok).toBe(true);
    expect(report.paperBallots).toBe(1);
    expect((await t.client().get(m.path('/minutes'))).body.ballots).toEqual({
      cast: 3,
      counted: 3,
      paper: 1,
      decidedByHand: 1,
    });
  }, 120_000);
});

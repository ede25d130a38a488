// Every problem and note the verifier can give (crypto/checks/reasons.ts) has a Vietnamese and an English
// text for the pages and the command line (src/shared/verify-reasons.ts), with the same parameters, each
// one the reason carries; the Vietnamese holds no English, code or id. The list is the code table's, so a
// code added without its texts fails here (and in the type check).
import { describe, expect, it } from 'vitest';
import { REASONS, type ReasonCode, reason, reasonParams, templateParams } from '../../crypto/index.ts';
import { REASON_TEXTS, reasonLines, reasonText, UNKNOWN_REASON } from '../../src/shared/verify-reasons.ts';
import { textProblems } from '../e2e/text-audit.ts';
import { reasonEnglishIn } from './reason-english.ts';

const codes = Object.keys(REASONS) as ReasonCode[];
const texts = REASON_TEXTS as Record<string, { vi: string; en: string } | undefined>;
const sorted = (names: string[]) => [...new Set(names)].sort();

describe('the verifier’s reasons in Vietnamese and English', () => {
  it('has a text in both languages for every code of the table, and none for a code not in it', () => {
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((code) => !texts[code]?.vi || !texts[code]?.en)).toEqual([]);
    expect(Object.keys(REASON_TEXTS).filter((code) => !(code in REASONS))).toEqual([]);
  });

  it.each(codes)('%s: the same parameters in both, each one the reason carries', (code) => {
    const { vi, en } = texts[code]!;
    expect(sorted(templateParams(vi)), `${code}: ${vi} / ${en}`).toEqual(sorted(templateParams(en)));
    const carried = reasonParams(code);
    expect(templateParams(vi).filter((name) => !carried.includes(name))).toEqual([]);
    // a parameter kept for the pages alone is there to be shown
    for (const name of REASONS[code].pageParams) expect(templateParams(vi), code).toContain(name);
  });

  it.each(codes)('%s: the Vietnamese holds no English, code or id, the English no Vietnamese', (code) => {
    // the {parameters} are filled with numbers, or with what the member already reads (a confirmation code)
    const [vi, en] = [texts[code]!.vi, texts[code]!.en].map((text) => text.replace(/\{\w+\}/g, '7'));
    expect(textProblems(vi!, 'vi', [])).toEqual([]);
    expect(reasonEnglishIn(vi!)).toEqual([]);
    expect(textProblems(en!, 'en', [])).toEqual([]);
  });

  it('fills the parameters, and names an event by its number rather than the key the English gives', () => {
    const voided = reason('ballots.voided', {
      height: 14,
      pk: 'x3Wm0pQ9sLk2ZbV7cYt4uR8eN1aJ6hF5dG0iK2oP3qE',
      voided: 9,
    });
    expect(voided.text).toBe(
      'ballot at height 14: credential x3Wm0pQ9sLk2ZbV7cYt4uR8eN1aJ6hF5dG0iK2oP3qE was voided',
    );
    expect(reasonText(voided, 'vi')).toBe(
      'Phiếu ở sự kiện số 14 được bỏ bằng một thẻ đã bị hủy ở sự kiện số 9.',
    );
    expect(reasonText(voided, 'en')).toBe('The ballot at event 14 was cast with a card voided at event 9.');
  });

  it('lists a line said more than once once, with how often', () => {
    const share = (detail: string) => reason('decryption.share', { height: 20, trustee: 2, detail });
    const shares = [share('option 0 fails'), share('option 1 fails'), reason('decryption.too_few', { k: 2 })];
    expect(reasonLines(shares, 'vi')).toEqual([
      'Phần giải mã của thành viên ban kiểm phiếu số 2 (sự kiện số 20) không đúng. (2 lần)',
      'Kết quả phải ghi ít nhất 2 thành viên ban kiểm phiếu khác nhau đã giải mã.',
    ]);
    expect(reasonLines(shares, 'en')[0]).toBe(
      'Trustee 2’s decryption share (event 20) is not valid. (2 times)',
    );
  });

  it('says a code it does not know (a newer verifier) in a generic line, never in the report’s English', () => {
    const newer = { code: 'ballots.from_the_future', params: { height: 3 }, text: 'ballot at height 3: new' };
    expect(reasonText(newer as never, 'vi')).toBe(UNKNOWN_REASON.vi);
    expect(reasonText(newer as never, 'en')).toBe(UNKNOWN_REASON.en);
    expect(reasonText({ code: 'toString', params: {} } as never, 'vi')).toBe(UNKNOWN_REASON.vi);
  });
});

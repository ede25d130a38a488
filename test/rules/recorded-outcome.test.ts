// A record binds its outcome as the rules engine made it (the verifier recomputes and compares, SPEC §7–8),
// so records made by an earlier phieukin must still verify: test/vectors/recorded-outcomes holds two made
// before the words changed. The words of pages and printouts come from the outcome's data instead
// (citationWords, denominatorWords, warningsInWords), and the minutes of those records show no code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord, type ResultPayload, verifyRecord } from '../../crypto/index.ts';
import { minutesOf } from '../../src/shared/minutes/minutes.ts';
import {
  checkManifest,
  citationWords,
  outcomeForResult,
  type RuleOutcome,
  warningsInWords,
} from '../../src/shared/rules/index.ts';

const DIR = join(import.meta.dirname, '..', 'vectors', 'recorded-outcomes');
const FILES = ['record-qd366-2025.json', 'record-qd96-2023.json'];
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

function outcomeOf(text: string): RuleOutcome {
  const result = parseRecord(text).events.find((e) => e.type === 'result')!;
  return (JSON.parse(result.payload) as ResultPayload).outcome as RuleOutcome;
}

/** What a page or printout in either language must not show: file paths and the settings' keys. */
const CODES =
  /research\/|SPEC\.md|\.md\b|no source|cumulative|denominator|summoned-net|"present"|"summoned"|= true/;

describe('records made before the outcome was said in words', () => {
  for (const file of FILES)
    it(`${file} still verifies: the engine recomputes its outcome exactly`, () => {
      const report = verifyRecord(read(file), { outcome: outcomeForResult });
      expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
      expect(report.ok).toBe(true);
    });

  it('their recorded outcomes hold the engine’s own words, which pages never show as they are', () => {
    const classification = outcomeOf(read(FILES[0]!));
    expect(classification.warnings.map((w) => w.message.vi)).toEqual([
      'Thiết lập "denominator" = "present" khác mặc định "summoned-net" mà không nêu căn cứ.',
      'Thiết lập "cumulative" = true khác mặc định false mà không nêu căn cứ.',
    ]);
    expect(classification.subjects[0]!.tally.denominator).toEqual({ basis: 'present', value: 5 });
  });

  it('the warnings say each setting by its name and its values in words, in order', () => {
    const words = warningsInWords(outcomeOf(read(FILES[0]!)));
    expect(words.map((w) => w.message.vi)).toEqual([
      'Thiết lập "Mẫu số để tính tỷ lệ" là "số đảng viên chính thức có mặt", khác mặc định "số đảng viên chính thức được triệu tập, trừ các trường hợp loại trừ", mà không nêu căn cứ.',
      'Thiết lập "Cộng dồn phiếu mức cao cho mức thấp hơn" là "có", khác mặc định "không", mà không nêu căn cứ.',
    ]);
    expect(words[1]!.message.en).toBe(
      'Setting "Count votes for a better level for the worse ones" is "yes", not the default "no", with no stated basis.',
    );
  });

  for (const file of FILES)
    it(`the minutes of ${file} say the base, the sources and the warnings in words`, () => {
      const minutes = minutesOf(parseRecord(read(file)), { createdAt: null, issued: 5 });
      const shown = [
        ...minutes.warnings.flatMap((w) => [w.text.vi, w.text.en]),
        ...minutes.subjects.flatMap((s) => [s.base.text.vi, s.base.text.en]),
        ...minutes.meeting.settings.flatMap((s) => [s.name.vi, s.valueText.vi, s.citation.vi, s.citation.en]),
      ];
      for (const text of shown) expect(text).not.toMatch(CODES);
      expect(minutes.warnings.length).toBeGreaterThan(0);
      expect(minutes.subjects[0]!.base.text.vi).toMatch(
        /^5 (đảng viên chính thức có mặt|người được triệu tập)$/,
      );
    });

  it('a rule resting on practice says so instead of naming the research notes', () => {
    const trace = outcomeOf(read(FILES[1]!)).subjects[0]!.trace.find((t) => /research\//.test(t.citation))!;
    expect(citationWords(trace.citation).vi).toBe('thông lệ, chưa có văn bản quy định');
    expect(citationWords('Điều lệ Đảng Điều 9 k5; research/vn-rules.md §3').vi).toBe(
      'Điều lệ Đảng Điều 9 k5',
    );
  });

  it('the organiser sees the same words when a meeting is created with a setting off its default', () => {
    const manifest = JSON.parse(
      parseRecord(read(FILES[0]!)).events.find((e) => e.type === 'manifest')!.payload,
    );
    const warnings = checkManifest(manifest).filter((w) => w.code === 'setting-without-basis');
    expect(warnings.map((w) => w.message.vi).join(' ')).not.toMatch(CODES);
    expect(warnings).toHaveLength(2);
  });
});

// The year a classification assesses (HD 43 Mục 4: the review ends by 31/12, special units by 15/01, so a
// January meeting assesses the year before), in Việt Nam time, and which rule set is for which year
// (research/vn-rules.md §0).
import { describe, expect, it } from 'vitest';
import { assessmentYearAt, ruleSetFitsYear } from '../../src/shared/rules/index.ts';

const at = (iso: string) => Date.parse(iso);

describe('assessmentYearAt', () => {
  it('is the calendar year in Việt Nam from February to December', () => {
    expect(assessmentYearAt(at('2026-12-15T03:00:00Z'))).toBe(2026);
    expect(assessmentYearAt(at('2026-02-01T00:00:00+07:00'))).toBe(2026);
  });
  it('counts January for the year before, by the clock in Việt Nam (UTC+7), not UTC', () => {
    expect(assessmentYearAt(at('2027-01-15T10:00:00+07:00'))).toBe(2026);
    expect(assessmentYearAt(at('2026-12-31T17:30:00Z'))).toBe(2026);
    expect(assessmentYearAt(at('2026-01-31T16:59:00Z'))).toBe(2025);
    expect(assessmentYearAt(at('2026-01-31T17:00:00Z'))).toBe(2026);
  });
});

describe('ruleSetFitsYear', () => {
  it('holds each classification rule set to its years, and never limits other kinds', () => {
    expect(ruleSetFitsYear('QD366-2025', 2025)).toBe(true);
    expect(ruleSetFitsYear('QD366-2025', 2024)).toBe(false);
    expect(ruleSetFitsYear('QD124-2023', 2024)).toBe(true);
    expect(ruleSetFitsYear('QD124-2023', 2025)).toBe(false);
    expect(ruleSetFitsYear('QD132-2019', 2022)).toBe(true);
    expect(ruleSetFitsYear('QD132-2019', 2023)).toBe(false);
    expect(ruleSetFitsYear('QD96-2023', 1999)).toBe(true);
    expect(ruleSetFitsYear('motion', 1999)).toBe(true);
  });
});

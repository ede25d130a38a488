// Who a meeting asks about by default: the organiser's form shows this list and the server builds the
// manifest from it, so one function answers for both (issue 11: they used to disagree on the collective).
import { describe, expect, it } from 'vitest';
import {
  cardsToPrint,
  defaultSubjects,
  type Eligible,
  pollHasClosed,
  rosterAttendance,
  spareCards,
  voters,
} from '../../src/shared/domain.ts';

const roster: Eligible[] = [
  { id: 'secretary', status: 'official', role: 'secretary', exclusion: null },
  { id: 'deputy', status: 'official', role: 'leader', exclusion: null },
  { id: 'member', status: 'official', role: 'member', exclusion: null },
  { id: 'probationary-leader', status: 'probationary', role: 'leader', exclusion: null },
  { id: 'suspended-leader', status: 'official', role: 'leader', exclusion: 'suspended' },
  { id: 'exempt-member', status: 'official', role: 'member', exclusion: 'exempt' },
  { id: 'committee', status: 'official', role: 'collective', exclusion: null },
];
const ids = (kind: 'classification' | 'confidence' | 'motion') =>
  defaultSubjects(kind, roster).map((m) => m.id);

describe('defaultSubjects', () => {
  it('a classification asks about every member not excluded, the collective included', () => {
    expect(ids('classification')).toEqual([
      'secretary',
      'deputy',
      'member',
      'probationary-leader',
      'committee',
    ]);
  });

  it('a confidence vote asks about the official members holding a leading post, never the collective', () => {
    expect(ids('confidence')).toEqual(['secretary', 'deputy']);
  });

  it('a motion asks about no member', () => {
    expect(ids('motion')).toEqual([]);
  });
});

describe('pollHasClosed', () => {
  it('is true from the close on, and not before', () => {
    expect((['ceremony', 'ready', 'open'] as const).map(pollHasClosed)).toEqual([false, false, false]);
    expect((['closed', 'decrypted'] as const).map(pollHasClosed)).toEqual([true, true]);
  });
});

describe('the defaults a meeting takes from the roster', () => {
  it('counts as voters the official members not excluded, never the collective', () => {
    expect(voters(roster).map((m) => m.id)).toEqual(['secretary', 'deputy', 'member']);
  });

  it('summons every official member and leaves the exempt and suspended out of the percentages', () => {
    expect(rosterAttendance(roster)).toEqual({ summoned: 5, excluded: 2 });
    expect(rosterAttendance([])).toEqual({ summoned: 0, excluded: 0 });
  });

  it('prints one card per voter and the spares, less the usable cards already made', () => {
    expect([0, 3, 20, 21, 60].map(spareCards)).toEqual([2, 2, 2, 3, 6]);
    expect(cardsToPrint(23, 3, 0)).toBe(26);
    expect(cardsToPrint(23, 3, 20)).toBe(6);
    expect(cardsToPrint(23, 3, 30)).toBe(0);
  });
});

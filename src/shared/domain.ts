// The shared room (src/shared/): code that both the server and the pages run. Like crypto/ it is pure: no
// I/O, no clock, no console; it may import crypto/, itself, fflate and @rgrove/parse-xml
// (test/boundary.test.ts holds it to that). This file is the domain's vocabulary, written once: what a
// meeting is, its statuses, the levels a member is classified at, the roles a subject holds, and who a
// meeting asks about by default.
import type { MeetingKind } from '../../crypto/index.ts';

/** A text in both languages the product speaks, Vietnamese first. */
export type Text = { vi: string; en: string };

/** What a meeting decides (SPEC §1): a classification, a confidence vote, or motions. */
export type Kind = MeetingKind;
export const KINDS = ['classification', 'confidence', 'motion'] as const satisfies readonly Kind[];

/**
 * A meeting's status, in the order its record reaches them (SPEC §6): the trustees' key ceremony, ready to
 * open, the poll open, closed and tallied, the totals decrypted.
 */
export const MEETING_STATUSES = ['ceremony', 'ready', 'open', 'closed', 'decrypted'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** True once the poll can take no more ballots. */
export const pollHasClosed = (status: MeetingStatus): boolean =>
  status === 'closed' || status === 'decrypted';

/** The four quality levels of a classification, best first (QĐ 366-QĐ/TW and the earlier rules alike). */
export const LEVEL_IDS = ['htxsnv', 'httnv', 'htnv', 'khtnv'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

/** What a subject is to the rules: a member, a leader, the secretary (bí thư), or the collective (chi ủy). */
export const SUBJECT_ROLES = ['member', 'leader', 'secretary', 'collective'] as const;
export type Role = (typeof SUBJECT_ROLES)[number];

/** An account's role: admin of the server, organiser of a chi bộ, committee member of a đảng ủy. */
export const ACCOUNT_ROLES = ['admin', 'organiser', 'committee'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Why a member of the roster is not assessed: exempt from work and meetings, suspended, or newly admitted. */
export const EXCLUSIONS = ['exempt', 'suspended', 'new'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** A roster entry as far as the choice of subjects needs it. */
export type Eligible = {
  id: string;
  status: 'official' | 'probationary';
  role: string;
  exclusion: string | null;
};

/**
 * Who a meeting of this kind asks about unless the organiser chooses: a classification every member not
 * excluded; a confidence vote the official members who hold a leading post (bí thư, cấp ủy viên), never the
 * collective, which QĐ 96-QĐ/TW does not put to a confidence vote. The server and the organiser's form
 * both call this, so the form shows what the server will build.
 */
export function defaultSubjects<M extends Eligible>(kind: Kind, roster: readonly M[]): M[] {
  if (kind === 'classification') return roster.filter((m) => m.exclusion === null);
  if (kind === 'motion') return [];
  return roster.filter(
    (m) => m.status === 'official' && m.exclusion === null && (m.role === 'leader' || m.role === 'secretary'),
  );
}

/** Who may vote (Điều lệ Đảng Điều 3): the official members not excluded; the collective is no person. */
export const voters = <M extends Eligible>(roster: readonly M[]): M[] =>
  roster.filter((m) => m.status === 'official' && m.exclusion === null && m.role !== 'collective');

/**
 * The attendance a meeting starts from, before the organiser corrects it: every official member summoned,
 * and of them the exempt and suspended not counted for the percentages (an exempt member who comes and
 * votes is counted again by the organiser).
 */
export function rosterAttendance(roster: readonly Eligible[]): { summoned: number; excluded: number } {
  const officials = roster.filter((m) => m.status === 'official' && m.role !== 'collective');
  return { summoned: officials.length, excluded: officials.filter((m) => m.exclusion !== null).length };
}

/** Spare cards for spoilt or lost ones: a tenth of the voters, at least two. */
export const spareCards = (voterCount: number): number => Math.max(2, Math.ceil(voterCount / 10));

/** The cards still to print: one per voter and the spares, less those already made (never below zero). */
export const cardsToPrint = (voterCount: number, spares: number, issued: number): number =>
  Math.max(0, voterCount + spares - issued);

/**
 * Whether a result is certified: at least k of the board's trustees have signed it (SPEC §7). One
 * definition for the server, the minutes and the committee; each signature was checked when it was
 * recorded (and again by the verifier), so here only distinct signers are counted.
 */
export function isCertified(k: number, certifications: readonly { index: number }[]): boolean {
  return new Set(certifications.map((c) => c.index)).size >= k;
}

/**
 * The groups a committee's table makes by itself: the whole committee when it sets none, and the members
 * outside the groups it sets. A group is filed under its Vietnamese name; pages show it in their language.
 */
export const COMMITTEE_GROUPS = {
  whole: { vi: 'Toàn đảng ủy', en: 'The whole committee' },
  others: { vi: 'Ngoài các nhóm', en: 'Outside the groups' },
} as const satisfies Record<string, Text>;

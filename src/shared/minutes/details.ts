// What a biên bản names beyond the numbers: where the meeting sat, who chaired it, who kept the minutes,
// and the ban kiểm phiếu by name and position, each member tied to the trustee seat (SPEC §2) whose key
// signs the result. The organiser enters them with the attendance, before the poll opens, so they travel
// in the `attendance` event (docs/protocol.md §6: an extra field) and the board's certification covers
// them through the result's recordHead. Read defensively: a record written by anyone may hold anything.

export type BoardPosition = 'head' | 'member';
export type BoardMember = { seat: number; name: string; position: BoardPosition };

export type MeetingDetails = {
  /** The upper party organisation, as the header's first line (e.g. "Đảng bộ phường Bến Nghé"). */
  upper: string | null;
  /** The place name of the date line (địa danh: "Phường Bến Nghé"). */
  place: string | null;
  /** Where the count took place (e.g. "Hội trường khu phố 3"). */
  venue: string | null;
  chair: string | null;
  secretary: string | null;
  board: BoardMember[];
  /** Absent members who had leave (vắng có lý do); the rest of the absent had none. */
  absentWithLeave: number | null;
  /** Why members were left out of the count (e.g. "01 đồng chí miễn sinh hoạt"). */
  exclusionReason: string | null;
};

export const NO_DETAILS: MeetingDetails = {
  upper: null,
  place: null,
  venue: null,
  chair: null,
  secretary: null,
  board: [],
  absentWithLeave: null,
  exclusionReason: null,
};

/** Limits the organiser's form and the server both apply. */
export const DETAIL_LIMITS = { text: 200, board: 32 } as const;

const text = (x: unknown): string | null =>
  typeof x === 'string' && x.trim() !== '' ? x.trim().slice(0, DETAIL_LIMITS.text) : null;

function boardOf(x: unknown, seats: number): BoardMember[] {
  if (!Array.isArray(x)) return [];
  const seen = new Set<number>();
  const board: BoardMember[] = [];
  for (const b of x.slice(0, DETAIL_LIMITS.board)) {
    if (typeof b !== 'object' || b === null) continue;
    const { seat, name, position } = b as Record<string, unknown>;
    const n = text(name);
    if (!Number.isInteger(seat) || (seat as number) < 1 || (seat as number) > seats || !n) continue;
    if (seen.has(seat as number)) continue;
    seen.add(seat as number);
    board.push({ seat: seat as number, name: n, position: position === 'head' ? 'head' : 'member' });
  }
  return board.sort((a, b) => (a.position === b.position ? a.seat - b.seat : a.position === 'head' ? -1 : 1));
}

/** The details an attendance payload carries (its `details` field), with `seats` trustee seats. */
export function detailsOf(attendance: unknown, seats: number): MeetingDetails {
  const d =
    typeof attendance === 'object' && attendance !== null
      ? (attendance as { details?: unknown }).details
      : undefined;
  if (typeof d !== 'object' || d === null) return NO_DETAILS;
  const r = d as Record<string, unknown>;
  const leave = r.absentWithLeave;
  return {
    upper: text(r.upper),
    place: text(r.place),
    venue: text(r.venue),
    chair: text(r.chair),
    secretary: text(r.secretary),
    board: boardOf(r.board, seats),
    absentWithLeave: Number.isInteger(leave) && (leave as number) >= 0 ? (leave as number) : null,
    exclusionReason: text(r.exclusionReason),
  };
}

/** A subject's post as the summary table's "Chức vụ" column says it, in both languages. */
export const ROLE_WORDS: Record<string, { vi: string; en: string }> = {
  member: { vi: 'Đảng viên', en: 'Party member' },
  leader: { vi: 'Cấp ủy viên', en: 'Committee member' },
  secretary: { vi: 'Bí thư chi bộ', en: 'Branch secretary' },
  collective: { vi: 'Tập thể chi ủy', en: 'Branch committee as a whole' },
};

/** The post in Vietnamese, as the biên bản prints it. */
export const ROLE_TEXT: Record<string, string> = Object.fromEntries(
  Object.entries(ROLE_WORDS).map(([role, words]) => [role, words.vi]),
);

export const POSITION_TEXT: Record<BoardPosition, string> = { head: 'Trưởng ban', member: 'Thành viên' };

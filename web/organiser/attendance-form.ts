// The attendance form, with what the biên bản names beyond the numbers (docs/api.md: the attendance's
// `details`): summoned, present, absent with leave, excluded and why; the upper party organisation, the
// place of the date line, where the count sits, chủ tọa and thư ký; and the ban kiểm phiếu, one row per
// trustee seat (the key whose signature certifies the result, SPEC §2), each with a name and trưởng ban or
// thành viên. Every value is checked here by its field before it goes; what was saved is shown again.
import type { InferRequestType } from 'hono/client';
import { DETAIL_LIMITS, detailsOf } from '../../src/shared/minutes/details.ts';
import { answer } from '../shared/client.ts';
import { h } from '../shared/dom.ts';
import { actionForm, FieldProblem, field, labelled, numberInput, textInput } from '../shared/forms.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { signedIn } from '../shared/session.ts';

const route = signedIn.meetings[':id'].attendance;
type AttendanceBody = InferRequestType<(typeof route)['$put']>['json'];
type Details = NonNullable<AttendanceBody['details']>;

/** The meeting as this form needs it: its trustee seats and the attendance saved last (if any). */
export type AttendanceMeeting = { trustees: { n: number }; attendance: unknown };

export const ATTENDANCE_FORM = 'attendance-form';

const TEXTS = [
  ['upper', 'organiser.details.upper'],
  ['place', 'organiser.details.place'],
  ['venue', 'organiser.details.venue'],
  ['chair', 'organiser.details.chair'],
  ['secretary', 'organiser.details.secretary'],
] as const satisfies ReadonlyArray<readonly [keyof Details, MessageKey]>;

const limited = (input: HTMLInputElement) => {
  input.maxLength = DETAIL_LIMITS.text;
  return input;
};

function boardRow(seat: number, name: string, head: boolean): HTMLElement {
  const position = h(
    'select',
    { attrs: { name: `board-position-${seat}` } },
    h('option', { attrs: { value: 'member', selected: !head }, text: t('minutes.board.member') }),
    h('option', { attrs: { value: 'head', selected: head }, text: t('minutes.board.head') }),
  );
  return h(
    'div',
    { class: 'board-row', attrs: { 'data-seat': seat } },
    h(
      'div',
      {},
      ...labelled(t('organiser.details.boardName', { seat }), limited(textInput(`board-name-${seat}`, name))),
    ),
    h('div', {}, ...labelled(t('organiser.details.boardPosition', { seat }), position)),
  );
}

/**
 * The form, filled with the attendance saved last, or before that with what the roster gives (`fromRoster`:
 * the official members summoned, the exempt and suspended not counted); `run` is called on submit.
 */
export function attendanceForm(
  m: AttendanceMeeting,
  run: (form: HTMLElement) => void,
  fromRoster: { summoned: number; excluded: number },
): HTMLElement {
  const saved = (m.attendance ?? fromRoster) as { summoned?: number; present?: number; excluded?: number };
  const details = detailsOf(m.attendance, m.trustees.n);
  const named = new Map(details.board.map((b) => [b.seat, b]));
  const form: HTMLElement = actionForm(
    'organiser.attendance.title',
    'organiser.save',
    [
      field('organiser.attendance.summoned', numberInput('summoned', saved.summoned ?? '')),
      field('organiser.attendance.present', numberInput('present', saved.present ?? '')),
      field(
        'organiser.details.absentWithLeave',
        numberInput('absentWithLeave', details.absentWithLeave ?? ''),
      ),
      field('organiser.details.excluded', numberInput('excluded', saved.excluded ?? 0)),
      h('p', { class: 'muted small', text: t('organiser.details.excludedHelp') }),
      field(
        'organiser.details.exclusionReason',
        limited(textInput('exclusionReason', details.exclusionReason ?? '')),
      ),
      h(
        'fieldset',
        { class: 'plain form-part' },
        h('legend', { text: t('organiser.details.minutes') }),
        h('p', { class: 'muted small', text: t('organiser.details.minutesHelp') }),
        ...TEXTS.flatMap(([name, label]) => field(label, limited(textInput(name, details[name] ?? '')))),
      ),
      h(
        'fieldset',
        { class: 'plain form-part', attrs: { id: 'board-fields' } },
        h('legend', { text: t('organiser.details.board') }),
        h('p', { class: 'muted small', text: t('organiser.details.boardHelp', { n: m.trustees.n }) }),
        ...Array.from({ length: m.trustees.n }, (_, i) => {
          const b = named.get(i + 1);
          return boardRow(i + 1, b?.name ?? '', b?.position === 'head');
        }),
      ),
    ],
    () => run(form),
    ATTENDANCE_FORM,
  );
  return form;
}

const typed = (form: HTMLElement, name: string) =>
  (form.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement).value.trim();

/** A whole number typed in `name` (null when left empty and `optional`), or a FieldProblem there. */
function whole(form: HTMLElement, name: string, optional = false): number | null {
  const raw = typed(form, name);
  if (raw === '' && optional) return null;
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < 0)
    throw new FieldProblem(name, t('organiser.form.whole'));
  return value;
}

function boardOf(form: HTMLElement, seats: number): NonNullable<Details['board']> {
  const rows = Array.from({ length: seats }, (_, i) => ({
    seat: i + 1,
    name: typed(form, `board-name-${i + 1}`),
    position: typed(form, `board-position-${i + 1}`) === 'head' ? ('head' as const) : ('member' as const),
  }));
  const heads = rows.filter((r) => r.position === 'head');
  for (const extra of heads.slice(1))
    throw new FieldProblem(
      `board-position-${extra.seat}`,
      t('organiser.details.oneHead', { seat: heads[0]!.seat }),
    );
  const board = rows.filter((r) => r.name !== '');
  if (heads[0] && heads[0].name === '')
    throw new FieldProblem(`board-name-${heads[0].seat}`, t('organiser.details.headName'));
  if (board.length > 0 && heads.length === 0)
    throw new FieldProblem(`board-position-${board[0]!.seat}`, t('organiser.details.noHead'));
  return board;
}

/** What the form says, checked field by field (a FieldProblem names the first field that is wrong). */
export function attendanceOf(form: HTMLElement, seats: number): AttendanceBody {
  const summoned = whole(form, 'summoned')!;
  const present = whole(form, 'present')!;
  if (present > summoned)
    throw new FieldProblem('present', t('organiser.attendance.tooMany', { present, summoned }));
  const absentWithLeave = whole(form, 'absentWithLeave', true);
  if (absentWithLeave !== null && absentWithLeave > summoned - present)
    throw new FieldProblem(
      'absentWithLeave',
      t('organiser.details.leaveTooMany', { leave: absentWithLeave, absent: summoned - present }),
    );
  const excluded = whole(form, 'excluded')!;
  if (excluded > summoned)
    throw new FieldProblem('excluded', t('organiser.details.excludedTooMany', { excluded, summoned }));
  const details: Details = { board: boardOf(form, seats) };
  for (const [name] of TEXTS) {
    const value = typed(form, name);
    if (value) details[name] = value;
  }
  const reason = typed(form, 'exclusionReason');
  if (reason) details.exclusionReason = reason;
  if (absentWithLeave !== null) details.absentWithLeave = absentWithLeave;
  return { summoned, present, excluded, details };
}

/** Saves the form's attendance for the meeting (the last one saved counts). */
export async function saveAttendance(meetingId: string, form: HTMLElement, seats: number): Promise<void> {
  await answer(route.$put({ param: { id: meetingId }, json: attendanceOf(form, seats) }));
}

/** The field a refusal of the server is about. */
export const attendanceFieldOf = (code: string): string | null =>
  code === 'attendance_invalid' ? 'present' : code === 'board_seat_invalid' ? 'board-name-1' : null;

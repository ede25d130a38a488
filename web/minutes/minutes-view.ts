// The minutes of the count (biên bản kiểm phiếu), for A4 and for a phone: the meeting and its rule set,
// attendance, cards and ballots, per subject each option's votes and percentage over the stated base with
// the blanks, the rule set's proposal with its trace, the board's signatures, the record's hashes, and a
// QR code that opens the verifier for this record. Numbers come from the server's minutes JSON.
import { type Minutes, type MinutesSubject, vietnamDate } from '../../src/shared/minutes/minutes.ts';
import { explanations, summaryTable } from '../../src/shared/minutes/summary.ts';
import { citationWords } from '../../src/shared/rules/index.ts';
import { h } from '../shared/dom.ts';
import { lang, type MessageKey, percentText, pick, t } from '../shared/i18n.ts';

export type MinutesPage = { minutes: Minutes; verifyUrl: string; verifyQr: HTMLElement };

const percent = percentText;
const short = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

function table(head: string[], rows: string[][], numeric: number[]): HTMLElement {
  const cell = (tag: 'th' | 'td', text: string, i: number) =>
    h(tag, { class: numeric.includes(i) ? 'num' : '', text });
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((text, i) => cell('th', text, i)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((text, i) => cell('td', text, i))))),
  );
}

function meetingPart(m: Minutes): Array<HTMLElement | null> {
  const { meeting } = m;
  const rules = meeting.ruleSetTitle ? pick(meeting.ruleSetTitle) : null;
  return [
    h('h2', { text: t('minutes.meeting') }),
    h('p', {
      text: `${t(`minutes.meeting.kind.${meeting.kind}` as MessageKey)}.`,
    }),
    meeting.createdAtText
      ? h('p', { text: t('minutes.meeting.created', { time: meeting.createdAtText }) })
      : null,
    h('p', {
      text: rules ? t('minutes.meeting.ruleSet', { ruleSet: rules }) : t('minutes.meeting.noRuleSet'),
    }),
    meeting.settings.length > 0
      ? h(
          'ul',
          { class: 'small' },
          ...meeting.settings.map((s) => {
            const notes = [
              s.value !== s.default ? t('minutes.setting.default', { value: pick(s.defaultText) }) : '',
              t('minutes.setting.basis', { basis: s.basis ?? pick(s.citation) }),
            ].filter(Boolean);
            return h('li', {
              text: `${pick(s.name)}: ${pick(s.valueText)} (${notes.join('; ')})`,
            });
          }),
        )
      : null,
  ];
}

function countsPart(m: Minutes): HTMLElement[] {
  const { attendance: a, cards, ballots } = m;
  return [
    h('h2', { text: t('minutes.attendance') }),
    h('p', {
      attrs: { id: 'attendance' },
      text: t('minutes.attendance.line', {
        summoned: a.summoned,
        present: a.present,
        absent: a.absent,
        excluded: a.excluded,
      }),
    }),
    ...(a.absentWithLeave === null
      ? []
      : [
          h('p', {
            text: t('minutes.attendance.leave', {
              leave: a.absentWithLeave,
              without: a.absentWithoutLeave ?? 0,
            }),
          }),
        ]),
    ...(m.details.exclusionReason
      ? [h('p', { text: t('minutes.attendance.reason', { reason: m.details.exclusionReason }) })]
      : []),
    ...(a.recorded ? [] : [h('p', { class: 'small muted', text: t('minutes.attendance.none') })]),
    h('h2', { text: t('minutes.cards') }),
    h(
      'p',
      { attrs: { id: 'cards' } },
      cards.issued === null ? '' : `${t('minutes.cards.issued', { issued: cards.issued })} `,
      t('minutes.cards.line', { activated: cards.activated, voided: cards.voided, notUsed: cards.notUsed }),
    ),
    h(
      'p',
      { attrs: { id: 'ballots' } },
      t('minutes.ballots.line', { ...ballots }),
      ballots.paper > 0 ? ` ${t('minutes.ballots.paper', { paper: ballots.paper })}` : '',
      ballots.decidedByHand > 0
        ? ` ${t('minutes.ballots.decidedByHand', { decidedByHand: ballots.decidedByHand })}`
        : '',
    ),
  ];
}

function subjectSection(s: MinutesSubject, n: number): HTMLElement {
  return h(
    'section',
    { class: 'minutes-subject', attrs: { 'data-subject': s.id } },
    h('h3', { text: `4.${n}. ${s.name}` }),
    table(
      [t('minutes.option'), t('minutes.votes'), t('minutes.percent')],
      [
        ...s.options.map((o) => [pick(o.label), String(o.votes), percent(o.percent)]),
        [t('minutes.blank'), String(s.blank), percent(s.blankPercent)],
      ],
      [1, 2],
    ),
    h('p', { class: 'small', text: t('minutes.base', { base: pick(s.base.text), answered: s.answered }) }),
    s.proposalLabel
      ? h(
          'p',
          { class: 'proposal' },
          h('strong', { text: t('minutes.proposal') }),
          ` ${pick(s.proposalLabel)} `,
          h('span', { class: 'small muted', text: t('minutes.proposal.note') }),
        )
      : null,
    ...s.flags.map((f) =>
      h('p', { class: 'small notice warn', text: `${pick(f.text)} (${pick(citationWords(f.citation))})` }),
    ),
    s.trace.length > 0
      ? h(
          'ol',
          { class: 'small trace' },
          ...s.trace.map((line) =>
            h('li', { text: `${pick(line.text)} (${pick(citationWords(line.citation))})` }),
          ),
        )
      : null,
  );
}

function boardPart(m: Minutes): HTMLElement[] {
  const { board } = m;
  return [
    h('h2', { text: t('minutes.board') }),
    h('p', {
      text: t('minutes.board.line', { n: board.n, k: board.k, used: board.trusteesUsed.join(', ') }),
    }),
    h(
      'ul',
      { class: 'small hash', attrs: { id: 'signatures' } },
      ...board.signatures.map((s) =>
        h(
          'li',
          {},
          h('strong', { text: t('minutes.board.index', { index: s.index }) }),
          ` ${t('minutes.board.key')}: ${short(s.publicKey)}; ${t('minutes.board.signature')}: ${short(s.signature)}; ${t('minutes.board.valid')}: `,
          h('strong', { text: s.valid ? t('minutes.yes') : t('minutes.no') }),
        ),
      ),
    ),
    h('p', {
      attrs: { id: 'certified' },
      class: board.certified ? 'notice ok' : 'notice error',
      text: board.certified ? t('minutes.certified') : t('minutes.notCertified'),
    }),
    h(
      'div',
      { class: 'minutes-signatures' },
      ...Array.from({ length: board.n }, (_, i) =>
        h('div', { class: 'signature', text: t('minutes.signature', { index: i + 1 }) }),
      ),
    ),
  ];
}

/** The two header blocks of a Party document: the upper organisation, the chi bộ and "*"; the party and the date line. */
function heading(m: Minutes): HTMLElement {
  const when = m.meeting.countedAt ?? m.meeting.createdAt;
  const date = when === null ? '' : lang() === 'vi' ? vietnamDate(when) : (m.meeting.countedAtText ?? '');
  const place = m.details.place ?? t('minutes.dateLine.unknown');
  return h(
    'div',
    { class: 'minutes-head' },
    h(
      'div',
      {},
      m.details.upper ? h('p', { text: m.details.upper.toUpperCase() }) : null,
      h('p', { class: 'strong', text: m.meeting.organisation.toUpperCase() }),
      h('p', { text: '*' }),
    ),
    h(
      'div',
      {},
      h('p', { class: 'strong party', text: t('minutes.party') }),
      h('p', { class: 'date-line', attrs: { id: 'date-line' }, text: `${place}, ${date}` }),
    ),
  );
}

/** When and where, the board by name and seat with its electronic signatures, chủ tọa and thư ký. */
function officersPart(m: Minutes): Array<HTMLElement | null> {
  const { details, board } = m;
  const signed = new Map(board.signatures.map((s) => [s.index, s.valid]));
  const named = new Map(details.board.map((b) => [b.seat, b]));
  const seats = [
    ...details.board.map((b) => b.seat),
    ...Array.from({ length: board.n }, (_, i) => i + 1).filter((i) => !named.has(i)),
  ];
  const state = (seat: number) =>
    signed.get(seat) === true
      ? t('minutes.board.signed')
      : signed.has(seat)
        ? t('minutes.board.invalid')
        : t('minutes.board.unsigned');
  return [
    m.meeting.countedAtText
      ? h('p', { attrs: { id: 'counted' }, text: t('minutes.counted', { time: m.meeting.countedAtText }) })
      : null,
    details.venue ? h('p', { text: t('minutes.venue', { venue: details.venue }) }) : null,
    h(
      'div',
      { class: 'table-scroll', attrs: { id: 'board' } },
      table(
        [
          t('minutes.board.name'),
          t('minutes.board.position'),
          t('minutes.board.seat'),
          t('minutes.board.state'),
        ],
        seats.map((seat) => {
          const b = named.get(seat);
          const position = b?.position === 'head' ? t('minutes.board.head') : t('minutes.board.member');
          return [b?.name ?? t('minutes.board.unnamed'), position, String(seat), state(seat)];
        }),
        [2],
      ),
    ),
    h('p', {
      attrs: { id: 'officers' },
      text: t('minutes.officers', { chair: details.chair ?? '…', secretary: details.secretary ?? '…' }),
    }),
  ];
}

/** The summary table of the meeting's kind, and the plain reasons for the subjects that need them. */
function summaryPart(m: Minutes): HTMLElement[] {
  const table_ = summaryTable(m, lang());
  const heads = table_.columns.map((c) => (c.group ? `${c.group}: ${c.head}` : c.head));
  const rows = table_.rows.map((row) =>
    row.map((cell, i) =>
      table_.columns[i]!.type === 'percent' && cell !== '' ? percent(String(cell)) : String(cell),
    ),
  );
  const numeric = table_.columns.flatMap((c, i) => (c.type === 'text' ? [] : [i]));
  const reasons = explanations(m, lang());
  return [
    h('h3', { text: t('minutes.summary') }),
    h(
      'div',
      { class: 'table-scroll minutes-summary', attrs: { id: 'summary' } },
      table(heads, rows, numeric),
    ),
    ...(table_.legend.length ? [h('p', { class: 'small', text: table_.legend.join('; ') })] : []),
    ...(reasons.length ? [h('h3', { text: t('minutes.explain') })] : []),
    ...reasons.map((r) =>
      h('p', {
        class: 'small',
        text: `${r.rows.length === 1 ? t('minutes.explain.one', { row: r.rows[0]!, name: r.names[0]! }) : t('minutes.explain.many', { rows: r.rows.join(', ') })}: ${r.text}`,
      }),
    ),
  ];
}

export function minutesView(p: MinutesPage): Array<HTMLElement | null> {
  const m = p.minutes;
  return [
    heading(m),
    h('h1', { class: 'minutes-title', text: t('minutes.title') }),
    h('p', { class: 'minutes-title', text: m.meeting.title }),
    ...officersPart(m),
    ...meetingPart(m),
    ...countsPart(m),
    h('h2', { text: t('minutes.results') }),
    h('p', { class: 'small', text: t('minutes.rounding') }),
    ...summaryPart(m),
    ...m.subjects.map((s, i) => subjectSection(s, i + 1)),
    ...m.warnings.map((w) =>
      h('p', { class: 'notice warn small', text: `${pick(w.text)} (${pick(citationWords(w.citation))})` }),
    ),
    ...boardPart(m),
    h('h2', { text: t('minutes.record') }),
    h(
      'p',
      { class: 'small hash' },
      `${t('minutes.record.result')} `,
      h('code', { text: m.record.resultHash }),
    ),
    m.record.recordHead
      ? h(
          'p',
          { class: 'small hash' },
          `${t('minutes.record.head')} `,
          h('code', { text: m.record.recordHead }),
        )
      : null,
    h('h2', { text: t('minutes.verify') }),
    h('p', { class: 'small', text: t('minutes.verify.help') }),
    p.verifyQr,
    h('p', { class: 'small hash' }, h('a', { attrs: { href: p.verifyUrl }, text: p.verifyUrl })),
  ];
}

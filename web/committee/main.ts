// The committee page (/committee): a committee member logs in, sees the meetings of every chi bộ under its
// node with their minutes, verifier and record file (to check offline, without trusting this server),
// computes the combined table for a year (by default the year the server files meetings under) with the
// cap over the groups it sets and the chi bộ still missing named, records or amends a decision per member
// (held to the cap unless a căn cứ is given) or approves all within the cap at once, and exports them.

import { COMMITTEE_GROUPS, LEVEL_IDS, type LevelId } from '../../src/shared/domain.ts';
import { assessmentYearAt } from '../../src/shared/rules/index.ts';
import { LEVELS } from '../../src/shared/rules/tables/common.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { actionForm, field, labelled, restoreTypedValues, typedValues } from '../shared/forms.ts';
import { lang, type MessageKey, pick, t } from '../shared/i18n.ts';
import { type Notice, noticeAfter } from '../shared/notice.ts';
import { startPage } from '../shared/page.ts';
import { roleOf } from '../shared/session.ts';
import {
  approveAll,
  type Branch,
  type BranchStatus,
  type CapChoice,
  currentSession,
  type Decision,
  decide,
  history,
  logIn,
  type MeetingRow,
  type MemberHistory,
  meetings,
  type Session,
  type Table,
  type TableRow,
  table,
  tableBody,
} from './committee-api.ts';

let session: Session | null = null;
let branches: Branch[] = [];
let rows: MeetingRow[] = [];
let result: Table | null = null;
let notice: Notice | null = null;
let year = assessmentYearAt(Date.now());
let groupingMode: 'whole' | 'branches' | 'roles' = 'whole';
let versions: MemberHistory[] = [];
/** The members whose row is unfolded, kept open across renders. */
const opened = new Set<string>();
/** The forms whose decision was just recorded: their fields start empty again. */
const recorded = new Set<string>();
const choice: CapChoice = { capPercent: 20, capBase: 'httnv', groups: [] };
const groupOf = new Map<string, string>();

async function act(run: () => Promise<string | null>): Promise<void> {
  notice = await noticeAfter(run);
  render();
}

async function load(): Promise<void> {
  session = await currentSession();
  if (session.loggedIn && session.role === 'committee') ({ branches, meetings: rows } = await meetings());
}

/** A form that runs one action and shows its notice. */
const form = (id: string, submit: MessageKey, parts: HTMLElement[], run: () => Promise<string | null>) =>
  actionForm(null, submit, parts, () => void act(run), id);

function loginView(): HTMLElement[] {
  const account = h('input', { attrs: { id: 'account', type: 'text', autocomplete: 'username' } });
  const password = h('input', {
    attrs: { id: 'password', type: 'password', autocomplete: 'current-password' },
  });
  return [
    form(
      'login-form',
      'committee.login',
      [...field('committee.account', account), ...field('committee.password', password)],
      async () => {
        session = await logIn(account.value, password.value);
        await load();
        return null;
      },
    ),
  ];
}

const LEVEL_NAME = (id: string) => {
  const level = LEVELS.find((l) => l.id === id);
  return level ? pick(level.label) : id;
};
const STATUS_TEXT: Record<BranchStatus['status'], MessageKey> = {
  certified: 'committee.branch.certified',
  open: 'committee.branch.open',
  missing: 'committee.branch.missing',
};
const timeText = (ms: number) =>
  new Date(ms).toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });

function meetingsView(): HTMLElement {
  const items = rows.map((m) =>
    h(
      'li',
      { class: 'check' },
      h('strong', { text: `${m.branchName}: ${m.title}` }),
      h('span', { class: 'muted small', text: ` ${t(`poll.${m.status}` as MessageKey)}` }),
      h('span', {
        class: `status ${m.certified ? 'pass' : 'pending'}`,
        text: ` ${t(m.certified ? 'committee.certified' : 'committee.notCertified')}`,
      }),
      m.certified
        ? h(
            'span',
            { class: 'links' },
            ' ',
            h('a', { attrs: { href: m.links.minutes }, text: t('committee.minutes') }),
            ' · ',
            h('a', { attrs: { href: m.links.verify }, text: t('committee.verify') }),
            ' · ',
            h('a', {
              attrs: { href: m.links.record, download: `ho-so-${m.id}.json`, 'data-record': m.id },
              text: t('committee.record'),
            }),
          )
        : null,
    ),
  );
  return h(
    'section',
    { attrs: { id: 'meetings' } },
    h('h2', { text: t('committee.meetings.title') }),
    items.length
      ? h('ul', { class: 'checks' }, ...items)
      : h('p', { class: 'muted', text: t('committee.meetings.none') }),
    h(
      'p',
      { class: 'muted small' },
      t('committee.verify.offline'),
      ' ',
      h('a', { attrs: { href: '/verify', id: 'open-verifier' }, text: t('committee.verify.open') }),
    ),
  );
}

function tableForm(): HTMLElement {
  const yearInput = h('input', { attrs: { id: 'year', type: 'number', inputmode: 'numeric', value: year } });
  const percent = h(
    'select',
    { attrs: { id: 'cap-percent' } },
    ...[20, 25].map((p) =>
      h('option', { attrs: { value: p, selected: p === choice.capPercent }, text: `${p}%` }),
    ),
  );
  const base = h(
    'select',
    { attrs: { id: 'cap-base' } },
    ...(['httnv', 'httnv-and-better'] as const).map((b) =>
      h('option', {
        attrs: { value: b, selected: b === choice.capBase },
        text: t(b === 'httnv' ? 'committee.capBase.httnv' : 'committee.capBase.better'),
      }),
    ),
  );
  const grouping = h(
    'select',
    { attrs: { id: 'grouping' } },
    ...(['whole', 'branches', 'roles'] as const).map((g) =>
      h('option', {
        attrs: { value: g, selected: g === groupingMode },
        text: t(`committee.grouping.${g}`),
      }),
    ),
  );
  const groupInputs = branches.map((b) =>
    h('input', {
      attrs: { id: `group-${b.id}`, type: 'text', value: groupOf.get(b.id) ?? '', 'data-branch': b.id },
    }),
  );
  return form(
    'table-form',
    'committee.compute',
    [
      h('h2', { text: t('committee.table.title') }),
      ...field('committee.year', yearInput),
      ...field('committee.capPercent', percent),
      ...field('committee.capBase', base),
      ...field('committee.grouping', grouping),
      h(
        'details',
        { class: 'groups' },
        h('summary', { text: t('committee.grouping.branches') }),
        h('p', { class: 'muted small', text: t('committee.groups.help') }),
        ...branches.flatMap((b, i) =>
          labelled(t('committee.group.label', { branch: b.name }), groupInputs[i]!),
        ),
      ),
    ],
    async () => {
      year = Number(yearInput.value);
      choice.capPercent = Number(percent.value);
      choice.capBase = base.value as CapChoice['capBase'];
      groupingMode = grouping.value as typeof groupingMode;
      const named = new Map<string, string[]>();
      groupInputs.forEach((input, i) => {
        const name = input.value.trim();
        groupOf.set(branches[i]!.id, name);
        if (name) named.set(name, [...(named.get(name) ?? []), branches[i]!.id]);
      });
      choice.groups =
        groupingMode === 'roles'
          ? [
              { name: t('committee.group.leaders'), roles: ['leader', 'secretary'] },
              { name: t('committee.group.members'), roles: ['member'] },
            ]
          : groupingMode === 'branches'
            ? [...named].map(([name, branchIds]) => ({ name, branchIds }))
            : [];
      await refresh();
      return null;
    },
  );
}

async function refresh(): Promise<void> {
  result = await table(year, choice);
  versions = await history(year);
}

/** A group's name in the page's language when it is one the table makes by itself. */
const groupName = (name: string) => {
  const builtIn = Object.values(COMMITTEE_GROUPS).find((g) => g.vi === name);
  return builtIn ? pick(builtIn) : name;
};

const CAP_TEXT: Record<string, MessageKey> = {
  within: 'committee.cap.within',
  'exceeds-cap': 'committee.cap.exceeds',
  'tied-at-cap': 'committee.cap.tied',
};

const versionName = (d: Decision) =>
  d.version > 1 ? t('committee.decision.amended', { n: d.version - 1 }) : t('committee.decision.first');

function decisionText(d: Decision): string {
  const author = result?.authors[d.authorId] ?? d.authorId;
  return [
    t('committee.decision.current', {
      version: versionName(d),
      level: LEVEL_NAME(d.level),
      reason: d.reason,
    }),
    d.override ? t('committee.decision.override', { basis: d.override }) : '',
    t('committee.decision.by', { author, time: timeText(d.createdAt) }),
  ]
    .filter(Boolean)
    .join(' ');
}

function memberView(row: TableRow): HTMLElement {
  const key = `${row.branchId}-${row.memberId}`;
  const beyond = row.cap !== null && row.cap !== 'within';
  const preselected = row.decision?.level ?? (beyond ? 'httnv' : row.proposal);
  const level = h(
    'select',
    { attrs: { id: `level-${key}`, name: 'level' } },
    ...LEVEL_IDS.map((l) =>
      h('option', { attrs: { value: l, selected: l === preselected }, text: LEVEL_NAME(l) }),
    ),
  );
  const reason = h('input', {
    attrs: { id: `reason-${key}`, name: 'reason', type: 'text', autocomplete: 'off' },
  });
  const basis = h('input', {
    attrs: { id: `basis-${key}`, name: 'basis', type: 'text', autocomplete: 'off' },
  });
  const earlier = (
    versions.find((m) => m.branchId === row.branchId && m.memberId === row.memberId)?.history ?? []
  )
    .filter((d) => d.id !== row.decision?.id)
    .reverse();
  const state = row.decision
    ? t('committee.row.decided', { level: LEVEL_NAME(row.decision.level) })
    : t('committee.row.undecided');
  const details = h(
    'details',
    {
      class: `member${beyond ? ' beyond' : ''}${row.decision ? ' decided' : ''}`,
      attrs: { 'data-member': key, open: opened.has(key) },
      on: { toggle: () => (details.open ? opened.add(key) : opened.delete(key)) },
    },
    h(
      'summary',
      {},
      h('strong', { text: row.name }),
      ` (${row.branchName}) · `,
      h('span', { text: LEVEL_NAME(row.proposal) }),
      beyond ? h('span', { class: 'status fail', text: ` · ${t(CAP_TEXT[row.cap!]!)}` }) : null,
      h('span', { class: `status ${row.decision ? 'pass' : 'pending'}`, text: ` · ${state}` }),
    ),
    h('p', { text: t('committee.row.proposal', { level: LEVEL_NAME(row.proposal) }) }),
    row.rank === null
      ? null
      : h('p', {
          class: 'small',
          text: `${t('committee.row.votes', { votes: row.htxsnvVotes, denominator: row.denominator, rank: row.rank })} · ${t(CAP_TEXT[row.cap!]!)}`,
        }),
    row.decision ? h('p', { class: 'notice ok', text: decisionText(row.decision) }) : null,
    earlier.length
      ? h(
          'div',
          { class: 'history' },
          h('p', { class: 'small', text: t('committee.decision.history') }),
          h('ul', { class: 'small' }, ...earlier.map((d) => h('li', { text: decisionText(d) }))),
        )
      : null,
    form(
      `decide-${key}`,
      row.decision ? 'committee.decision.amend' : 'committee.decision.record',
      [
        ...field('committee.decision.level', level),
        ...field('committee.decision.reason', reason),
        ...field('committee.decision.basis', basis),
      ],
      async () => {
        await decide(choice, {
          branchId: row.branchId,
          memberId: row.memberId,
          assessmentYear: year,
          level: level.value as LevelId,
          reason: reason.value.trim() || undefined,
          override: basis.value.trim() || undefined,
          supersedes: row.decision?.id ?? null,
        });
        await refresh();
        recorded.add(`decide-${key}`);
        return t('committee.decision.done', { name: row.name });
      },
    ),
  );
  return details;
}

function exportHref(kind: 'xlsx' | 'pdf'): string {
  const table = encodeURIComponent(JSON.stringify(tableBody(choice)));
  return `/api/committee/decisions.${kind}?year=${year}&table=${table}`;
}

function branchesView(statuses: BranchStatus[]): HTMLElement {
  const lacking = statuses.filter((b) => b.status !== 'certified');
  return h(
    'section',
    { attrs: { id: 'branches' } },
    h('h3', { text: t('committee.branches.title', { year }) }),
    h(
      'ul',
      { class: 'checks' },
      ...statuses.map((b) =>
        h(
          'li',
          { class: 'check', attrs: { 'data-branch': b.id, 'data-status': b.status } },
          h('strong', { text: b.name }),
          h('span', {
            class: `status ${b.status === 'certified' ? 'pass' : 'fail'}`,
            text: ` ${t(STATUS_TEXT[b.status])}`,
          }),
        ),
      ),
    ),
    lacking.length
      ? h('p', {
          class: 'notice warn',
          attrs: { id: 'incomplete' },
          text: t('committee.incomplete', { names: lacking.map((b) => b.name).join(', ') }),
        })
      : null,
  );
}

function tableView(): HTMLElement | null {
  if (!result) return null;
  const groups = result.groups.filter((g) => g.rows.length > 0);
  return h(
    'section',
    { attrs: { id: 'table' } },
    branchesView(result.branches),
    groups.length === 0 ? h('p', { class: 'muted', text: t('committee.noProposals') }) : null,
    groups.length
      ? form(
          'approve-all',
          'committee.approve',
          [h('p', { class: 'muted small', text: t('committee.approve.help') })],
          async () => {
            const done = await approveAll(year, choice);
            await refresh();
            return t('committee.approve.done', { recorded: done.recorded.length, left: done.left.length });
          },
        )
      : null,
    ...groups.map((g) =>
      h(
        'div',
        { class: 'group' },
        h('h3', {
          text: t('committee.group.head', {
            name: groupName(g.name),
            base: g.base,
            max: g.max,
            best: g.proposedBest,
            decided: g.decidedBest,
          }),
        }),
        g.missing.length
          ? h('p', {
              class: 'notice warn small',
              text: t('committee.group.missing', { names: g.missing.map((b) => b.name).join(', ') }),
            })
          : null,
        ...g.rows.map(memberView),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('a', {
        class: 'button',
        attrs: { href: exportHref('xlsx'), id: 'export-xlsx' },
        text: t('committee.export.xlsx'),
      }),
      h('a', {
        class: 'button',
        attrs: { href: exportHref('pdf'), id: 'export-pdf' },
        text: t('committee.export.pdf'),
      }),
    ),
  );
}

function render(): void {
  const loggedIn = session?.loggedIn === true;
  const parts: Array<HTMLElement | null> = [
    h('h1', { text: t('committee.title') }),
    notice ? h('p', { class: `notice ${notice.tone}`, attrs: { role: 'status' }, text: notice.text }) : null,
  ];
  if (!loggedIn) parts.push(...loginView());
  else if (roleOf(session) !== 'committee')
    parts.push(
      h(
        'p',
        { class: 'notice warn', text: t('committee.notCommittee') },
        ' ',
        h('a', {
          attrs: { href: roleOf(session) === 'admin' ? '/admin' : '/', id: 'own-page' },
          text: t('committee.ownPage'),
        }),
      ),
    );
  else parts.push(meetingsView(), tableForm(), tableView());
  const app = byId('app');
  const kept = typedValues(app);
  mount(app, ...parts);
  restoreTypedValues(app, kept, recorded);
  recorded.clear();
}

startPage(() => t('committee.title'), render);
void act(async () => {
  await load();
  return null;
});

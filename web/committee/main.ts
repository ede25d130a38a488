// The committee page (/committee): a committee member of a đảng ủy logs in, sees the meetings of every chi
// bộ under it with their minutes and verifier, computes the combined classification table for a year with
// the cap over the groups it sets, records or amends its decision for a member, and exports them.

import { LEVEL_IDS } from '../../src/shared/domain.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { actionForm, field, labelled } from '../shared/forms.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { type Notice, noticeAfter } from '../shared/notice.ts';
import { startPage } from '../shared/page.ts';
import { roleOf } from '../shared/session.ts';
import {
  type Branch,
  type CapChoice,
  currentSession,
  decide,
  logIn,
  type MeetingRow,
  meetings,
  type Session,
  type Table,
  type TableRow,
  table,
} from './committee-api.ts';

let session: Session | null = null;
let branches: Branch[] = [];
let rows: MeetingRow[] = [];
let result: Table | null = null;
let notice: Notice | null = null;
let year = new Date().getFullYear();
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
            {},
            ' ',
            h('a', { attrs: { href: m.links.minutes }, text: t('committee.minutes') }),
            ' · ',
            h('a', { attrs: { href: m.links.verify }, text: t('committee.verify') }),
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
      h('p', { class: 'muted small', text: t('committee.groups.help') }),
      ...branches.flatMap((b, i) =>
        labelled(t('committee.group.label', { branch: b.name }), groupInputs[i]!),
      ),
    ],
    async () => {
      year = Number(yearInput.value);
      choice.capPercent = Number(percent.value);
      choice.capBase = base.value;
      const named = new Map<string, string[]>();
      groupInputs.forEach((input, i) => {
        const name = input.value.trim();
        groupOf.set(branches[i]!.id, name);
        if (name) named.set(name, [...(named.get(name) ?? []), branches[i]!.id]);
      });
      choice.groups = [...named].map(([name, branchIds]) => ({ name, branchIds }));
      result = await table(year, choice);
      return null;
    },
  );
}

const CAP_TEXT: Record<string, MessageKey> = {
  within: 'committee.cap.within',
  'exceeds-cap': 'committee.cap.exceeds',
  'tied-at-cap': 'committee.cap.tied',
};

function memberView(row: TableRow): HTMLElement {
  const key = `${row.branchId}-${row.memberId}`;
  const level = h(
    'select',
    { attrs: { id: `level-${key}` } },
    ...LEVEL_IDS.map((l) =>
      h('option', {
        attrs: { value: l, selected: l === (row.decision?.level ?? row.proposal) },
        text: l.toUpperCase(),
      }),
    ),
  );
  const reason = h('input', { attrs: { id: `reason-${key}`, type: 'text', autocomplete: 'off' } });
  return h(
    'fieldset',
    { class: `question${row.cap && row.cap !== 'within' ? ' changed' : ''}`, attrs: { 'data-member': key } },
    h('legend', { text: `${row.name} (${row.branchName})` }),
    h('p', { text: t('committee.row.proposal', { level: row.proposal.toUpperCase() }) }),
    row.rank === null
      ? null
      : h('p', {
          class: 'small',
          text: `${t('committee.row.votes', { votes: row.htxsnvVotes, denominator: row.denominator, rank: row.rank })} · ${t(CAP_TEXT[row.cap!]!)}`,
        }),
    row.decision
      ? h('p', {
          class: 'notice ok',
          text: t('committee.decision.current', {
            version: row.decision.version,
            level: row.decision.level.toUpperCase(),
            reason: row.decision.reason,
          }),
        })
      : null,
    form(
      `decide-${key}`,
      row.decision ? 'committee.decision.amend' : 'committee.decision.record',
      [...field('committee.decision.level', level), ...field('committee.decision.reason', reason)],
      async () => {
        await decide({
          branchId: row.branchId,
          memberId: row.memberId,
          assessmentYear: year,
          level: level.value,
          reason: reason.value,
          supersedes: row.decision?.id ?? null,
        });
        result = await table(year, choice);
        return t('committee.decision.done', { name: row.name });
      },
    ),
  );
}

function tableView(): HTMLElement | null {
  if (!result) return null;
  const groups = result.groups.filter((g) => g.rows.length > 0);
  return h(
    'section',
    { attrs: { id: 'table' } },
    groups.length === 0 ? h('p', { class: 'muted', text: t('committee.noProposals') }) : null,
    ...groups.map((g) =>
      h(
        'div',
        {},
        h('h3', {
          text: t('committee.group.head', { name: g.name, base: g.base, max: g.max, best: g.proposedBest }),
        }),
        ...g.rows.map(memberView),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('a', {
        class: 'button',
        attrs: { href: `/api/committee/decisions.xlsx?year=${year}`, id: 'export-xlsx' },
        text: t('committee.export.xlsx'),
      }),
      h('a', {
        class: 'button',
        attrs: { href: `/api/committee/decisions.pdf?year=${year}`, id: 'export-pdf' },
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
  mount(byId('app'), ...parts);
}

startPage(() => t('committee.title'), render);
void act(async () => {
  await load();
  return null;
});

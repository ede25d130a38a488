// The organiser console (/): log in, import the roster, create a meeting, then for one meeting
// (/?meeting=<id>) the trustee QR, the printed cards, attendance, activation, and opening and closing the
// poll. Card tokens are made here and never leave this page.
import { ApiError } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { type MessageKey, pick, type Text, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import type { CardsPerSheet } from './card-layout.ts';
import { printedCards } from './card-print.ts';
import { cardScanPanel } from './card-scan.ts';
import { makeCards } from './card-sheet.ts';
import { actionForm, field, numberInput, textInput } from './forms.ts';
import { type MeetingDetails, meetingView, qrImage } from './meeting-view.ts';
import { currentSession, get, logIn, send } from './organiser-api.ts';
import { rememberAccount, rememberedAccount } from './remembered-account.ts';
import { parseRosterCsv, RosterError } from './roster-csv.ts';

type MeetingSummary = { id: string; title: string; kind: string; status: string };

const meetingId = new URLSearchParams(location.search).get('meeting');
let loggedIn: boolean | null = null;
let setupDone = true;
let meetings: MeetingSummary[] = [];
let details: MeetingDetails | null = null;
let extra: HTMLElement | null = null;
let scanPanel: HTMLElement | null = null;
let message: { text: string; tone: 'ok' | 'error' } | null = null;

function notice(): HTMLElement | null {
  if (!message) return null;
  return h('p', {
    class: `notice ${message.tone}`,
    attrs: { role: message.tone === 'error' ? 'alert' : 'status', id: 'message' },
    text: message.text,
  });
}

async function act(run: () => Promise<string | null>): Promise<void> {
  try {
    const done = await run();
    message = done ? { text: done, tone: 'ok' } : null;
  } catch (e) {
    message = {
      text: e instanceof ApiError || e instanceof RosterError ? e.message : String(e),
      tone: 'error',
    };
  }
  await load();
}

function loginView(): Array<HTMLElement | null> {
  const account = h('input', {
    attrs: {
      id: 'account',
      type: 'text',
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: 'false',
      value: rememberedAccount(),
    },
  });
  const password = h('input', {
    attrs: { id: 'password', type: 'password', autocomplete: 'current-password' },
  });
  return [
    h('h1', { text: t('organiser.title') }),
    notice(),
    setupDone ? null : h('p', { class: 'notice warn', text: t('organiser.setupFirst') }),
    actionForm(
      null,
      'organiser.login',
      [
        field('organiser.account', account),
        h('p', { class: 'muted small', text: t('organiser.accountHelp') }),
        field('organiser.password', password),
      ],
      () =>
        void act(async () => {
          const name = account.value.trim();
          rememberAccount(name);
          await logIn(name, password.value);
          return null;
        }),
      'login-form',
    ),
  ];
}

function rosterForm(): HTMLElement {
  const text = h('textarea', {
    attrs: { rows: 6, spellcheck: 'false', placeholder: 'id,name,status,role,proposedLevel' },
  });
  return actionForm(
    'organiser.roster.title',
    'organiser.roster.import',
    [h('p', { class: 'muted small', text: t('organiser.roster.help') }), field('organiser.roster.csv', text)],
    () =>
      void act(async () => {
        const members = parseRosterCsv(text.value);
        await send('PUT', '/roster', { members });
        return t('organiser.roster.done', { count: members.length });
      }),
    'roster-form',
  );
}

function newMeetingForm(): HTMLElement {
  const title = textInput('title');
  const kind = h(
    'select',
    { attrs: { name: 'kind' } },
    ...(['classification', 'confidence', 'motion'] as const).map((k) =>
      h('option', { attrs: { value: k }, text: t(`organiser.kind.${k}`) }),
    ),
  );
  const n = numberInput('n', 3);
  const k = numberInput('k', 2);
  const motions = h('textarea', { attrs: { rows: 3 } });
  return actionForm(
    'organiser.new.title',
    'organiser.new.create',
    [
      field('organiser.new.name', title),
      field('organiser.new.kind', kind),
      field('organiser.new.n', n),
      field('organiser.new.k', k),
      field('organiser.new.motions', motions),
    ],
    () =>
      void act(async () => {
        const prompts = motions.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        const created = await send<{ id: string }>('POST', '/meetings', {
          title: title.value.trim(),
          kind: kind.value,
          trustees: { n: Number(n.value), k: Number(k.value) },
          ...(kind.value === 'motion' ? { motions: prompts.map((prompt) => ({ prompt })) } : {}),
        });
        location.assign(`/?meeting=${encodeURIComponent(created.id)}`);
        return null;
      }),
    'new-meeting-form',
  );
}

function homeView(): Array<HTMLElement | null> {
  return [
    h('h1', { text: t('organiser.title') }),
    notice(),
    h('h2', { text: t('organiser.meetings') }),
    meetings.length === 0
      ? h('p', { class: 'muted', text: t('organiser.noMeetings') })
      : h(
          'ul',
          { attrs: { id: 'meetings' } },
          ...meetings.map((m) =>
            h(
              'li',
              {},
              h('a', { attrs: { href: `/?meeting=${encodeURIComponent(m.id)}` }, text: m.title }),
              ` (${t(`poll.${m.status}` as MessageKey)})`,
            ),
          ),
        ),
    newMeetingForm(),
    rosterForm(),
  ];
}

const path = (rest = '') => `/meetings/${encodeURIComponent(meetingId!)}${rest}`;

const actions = {
  trusteeQr: () =>
    void act(async () => {
      const { url } = await send<{ url: string }>('POST', path('/trustee-code'));
      extra = h(
        'section',
        { attrs: { id: 'trustee-link' } },
        await qrImage(url, t('organiser.ceremony.qrAlt')),
        h('p', { class: 'small', text: url }),
      );
      return null;
    }),
  makeCards: (count: number, perSheet: CardsPerSheet) =>
    void act(async () => {
      const existing = (await get<{ cards: Array<{ serial: number }> }>(path('/cards'))).cards;
      const first = Math.max(0, ...existing.map((c) => c.serial)) + 1;
      const cards = await makeCards(meetingId!, first, count);
      extra = await printedCards(meetingId!, details!.title, cards, perSheet);
      return t('organiser.cards.done', { first, last: first + count - 1 });
    }),
  attendance: (summoned: number, present: number) =>
    void act(async () => {
      await send('PUT', path('/attendance'), { summoned, present });
      return t('organiser.saved');
    }),
  activate: (from: number, to: number) =>
    void act(async () => {
      const r = await send<{ activated: number }>('POST', path('/cards/activate'), { from, to });
      return t('organiser.activate.done', { count: r.activated });
    }),
  voidCard: (serial: number) =>
    void act(async () => {
      await send('POST', path(`/cards/${serial}/void`));
      return t('organiser.void.done', { serial });
    }),
  open: () =>
    void act(async () => {
      const opened = await send<{ warnings: Array<{ message: Text }> }>('POST', path('/open'));
      return [t('poll.open'), ...opened.warnings.map((w) => pick(w.message))].join(' ');
    }),
  close: () =>
    void act(async () => {
      if (!window.confirm(t('organiser.closeConfirm'))) return null;
      await send('POST', path('/close'));
      return t('poll.closed');
    }),
};

function content(): Array<HTMLElement | null> {
  if (loggedIn === null) return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
  if (!loggedIn) return loginView();
  if (meetingId && details) {
    scanPanel ??= cardScanPanel(meetingId, () => void load());
    return [notice(), ...meetingView(details, actions, extra, scanPanel)];
  }
  return homeView();
}

function render(): void {
  mount(byId('app'), ...content());
}

async function load(): Promise<void> {
  try {
    const session = await currentSession();
    loggedIn = session.loggedIn;
    setupDone = session.setupDone;
    if (loggedIn && meetingId) details = await get<MeetingDetails>(path());
    else if (loggedIn) meetings = (await get<{ meetings: MeetingSummary[] }>('/meetings')).meetings;
  } catch (e) {
    message = { text: (e as Error).message, tone: 'error' };
  }
  render();
}

startPage(() => t('organiser.title'), render);
void load();

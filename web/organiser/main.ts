// The organiser console (/): log in, the roster (import from XLSX or CSV with a checked preview, edits),
// create a meeting, then for one meeting (/?meeting=<id>) the trustee QR, the printed cards, attendance,
// activation, opening and closing the poll, and the certified result. Card tokens are made here and never
// leave this page.
import type { Manifest } from '../../crypto/index.ts';
import { rosterAttendance } from '../../src/shared/domain.ts';
import { ApiError } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import {
  actionForm,
  FieldProblem,
  field,
  focusedField,
  refocus,
  restoreTypedValues,
  showFieldError,
  typedValues,
} from '../shared/forms.ts';
import { type MessageKey, pick, type Text, t } from '../shared/i18n.ts';
import { type Counts, liveCounts } from '../shared/live-counts.ts';
import { startPage } from '../shared/page.ts';
import { ATTENDANCE_FORM, attendanceFieldOf, saveAttendance } from './attendance-form.ts';
import type { CardsPerSheet } from './card-layout.ts';
import { cardAddressWarning, printedCards } from './card-print.ts';
import { cardScanPanel } from './card-scan.ts';
import { makeCards } from './card-sheet.ts';
import { closeConfirmation } from './close-confirm.ts';
import { type MeetingSummary, meetingForm, takeCreatedWarnings } from './meeting-form.ts';
import { type MeetingDetails, meetingView, qrImage } from './meeting-view.ts';
import { answer, currentSession, logIn, meetingApi, signedIn } from './organiser-api.ts';
import { paperBallotPanel } from './paper-ballots.ts';
import { rememberAccount, rememberedAccount } from './remembered-account.ts';
import { type MeetingResult, resultView } from './result-view.ts';
import type { RosterMember } from './roster-rows.ts';
import { rosterSection } from './roster-section.ts';

const meetingId = new URLSearchParams(location.search).get('meeting');
let loggedIn: boolean | null = null;
let setupDone = true;
let meetings: MeetingSummary[] = [];
let roster: RosterMember[] = [];
/** The meeting page's attendance before one is saved: the official members on the roster. */
let fromRoster = { summoned: 0, excluded: 0 };
let details: (MeetingDetails & { manifest: string }) | null = null;
let result: MeetingResult | null = null;
let createdWarnings: Text[] = [];
let trusteeLink: HTMLElement | null = null;
let printed: HTMLElement | null = null;
let scanPanel: HTMLElement | null = null;
let paperPanel: HTMLElement | null = null;
let message: { text: string; tone: 'ok' | 'error' } | null = null;
/** The organiser asked to close the poll and is looking at the confirmation. */
let closing = false;
/** The meeting form an action came from: its error is shown by its field, its values kept on error. */
type FormAction = { form: string; fieldOf?: (code: string) => string | null };
let formError: { form: string; field: string | null; text: string } | null = null;
const doneForms = new Set<string>();

function notice(): HTMLElement | null {
  if (!message) return null;
  return h('p', {
    class: `notice ${message.tone}`,
    attrs: { role: message.tone === 'error' ? 'alert' : 'status', id: 'message' },
    text: message.text,
  });
}

async function act(run: () => Promise<string | null>, from?: FormAction): Promise<void> {
  formError = null;
  try {
    const done = await run();
    message = done ? { text: done, tone: 'ok' } : null;
    if (from && done) doneForms.add(from.form);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (from) {
      message = null;
      const field =
        e instanceof FieldProblem ? e.field : e instanceof ApiError ? (from.fieldOf?.(e.code) ?? null) : null;
      formError = { form: from.form, field, text };
    } else message = { text, tone: 'error' };
  }
  await load();
}

/** A whole number of at least `min` typed in `name`, or a FieldProblem for that field. */
function count(form: HTMLElement, name: string, min = 0): number {
  const raw = (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value.trim();
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < min)
    throw new FieldProblem(name, t(min > 0 ? 'organiser.form.positive' : 'organiser.form.whole'));
  return value;
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

const problem = (text: string) => {
  message = { text, tone: 'error' };
  render();
};

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
    rosterSection(roster, { act: (run) => void act(run), problem, render }),
    meetingForm(roster, meetings, { act: (run) => void act(run), problem }),
  ];
}

/** This meeting's id, for the meeting's routes. */
const param = () => ({ id: meetingId! });

const actions = {
  trusteeQr: () =>
    void act(async () => {
      const { url } = await answer(meetingApi['trustee-code'].$post({ param: param() }));
      trusteeLink = h(
        'section',
        { attrs: { id: 'trustee-link' } },
        await qrImage(url, t('organiser.ceremony.qrAlt')),
        h('p', { class: 'small', text: url }),
      );
      return null;
    }),
  makeCards: (form: HTMLElement, perSheet: CardsPerSheet) =>
    void act(
      async () => {
        const wanted = count(form, 'count', 1);
        const existing = (await answer(meetingApi.cards.$get({ param: param() }))).cards;
        const first = Math.max(0, ...existing.map((c) => c.serial)) + 1;
        const cards = await makeCards(meetingId!, first, wanted);
        printed = await printedCards(
          cardOrigin(details!),
          meetingId!,
          {
            title: details!.title,
            organisation: (JSON.parse(details!.manifest) as { organisation: string }).organisation,
            kind: details!.kind,
            createdAt: details!.createdAt,
          },
          cards,
          perSheet,
          (from, to) =>
            void act(async () => {
              printed = null;
              return t('organiser.cards.voided', { first: from, last: to });
            }),
        );
        return t('organiser.cards.done', { first, last: first + wanted - 1 });
      },
      { form: 'cards-form' },
    ),
  attendance: (form: HTMLElement) =>
    void act(
      async () => {
        await saveAttendance(meetingId!, form, details!.trustees.n);
        return t('organiser.saved');
      },
      { form: ATTENDANCE_FORM, fieldOf: attendanceFieldOf },
    ),
  activate: (form: HTMLElement) =>
    void act(
      async () => {
        const from = count(form, 'from', 1);
        const to = count(form, 'to', 1);
        if (to < from) throw new FieldProblem('to', t('organiser.activate.order'));
        const r = await answer(meetingApi.cards.activate.$post({ param: param(), json: { from, to } }));
        return t('organiser.activate.done', { count: r.activated });
      },
      { form: 'activate-form', fieldOf: () => 'from' },
    ),
  voidCard: (form: HTMLElement) =>
    void act(
      async () => {
        const serial = count(form, 'serial', 1);
        await answer(
          meetingApi.cards[':serial'].void.$post({ param: { ...param(), serial: String(serial) } }),
        );
        return t('organiser.void.done', { serial });
      },
      { form: 'void-form', fieldOf: () => 'serial' },
    ),
  open: () =>
    void act(async () => {
      const opened = await answer(meetingApi.open.$post({ param: param() }));
      return [t('poll.open'), ...opened.warnings.map((w) => pick(w.message))].join(' ');
    }),
  close: () => {
    closing = true;
    render();
    const title = document.getElementById('close-confirm-title');
    title?.focus();
    title?.scrollIntoView({ block: 'start' });
  },
};

/** The answers to the close confirmation: close now, or back to the open poll. */
const closeAnswers = {
  confirm: () =>
    void act(async () => {
      closing = false;
      await answer(meetingApi.close.$post({ param: param() }));
      return t('poll.closed');
    }),
  cancel: () => {
    closing = false;
    render();
    document.getElementById('close-poll')?.focus();
  },
};

function content(): Array<HTMLElement | null> {
  if (loggedIn === null) return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
  if (!loggedIn) return loginView();
  if (meetingId && details) {
    scanPanel ??= cardScanPanel(meetingId, () => void load());
    const manifest = JSON.parse(details.manifest) as Manifest;
    paperPanel ??= paperBallotPanel(meetingId, manifest, (done) => void act(async () => done));
    return [
      notice(),
      ...createdWarnings.map((w) =>
        h('p', { class: 'notice warn created-warning', attrs: { role: 'status' }, text: pick(w) }),
      ),
      ...meetingView(details, actions, {
        trusteeLink,
        printed,
        scanPanel,
        paperPanel,
        addressWarning: cardAddressWarning(cardOrigin(details)),
        electorate: manifest.electorate,
        rosterAttendance: fromRoster,
        closeConfirm:
          closing && details.status === 'open' ? closeConfirmation(details, manifest, closeAnswers) : null,
      }),
      result ? resultView(manifest, result, details.attendance?.summoned ?? manifest.electorate) : null,
    ];
  }
  return homeView();
}

/** The origin phones reach the server at, from the meeting's booth link (the server's public address). */
const cardOrigin = (m: MeetingDetails) => new URL(m.links.vote).origin;

function render(): void {
  const app = byId('app');
  const kept = meetingId ? typedValues(app) : new Map<string, string>();
  const focus = meetingId ? focusedField(app) : null;
  mount(app, ...content());
  restoreTypedValues(app, kept, doneForms);
  refocus(app, focus, doneForms);
  doneForms.clear();
  const form = formError && document.getElementById(formError.form);
  if (formError && form) showFieldError(form, formError.field, formError.text);
}

async function load(): Promise<void> {
  try {
    const session = await currentSession();
    loggedIn = session.loggedIn;
    setupDone = session.setupDone;
    if (loggedIn && meetingId) {
      [details, fromRoster] = await Promise.all([
        answer(meetingApi.$get({ param: param() })),
        answer(signedIn.roster.$get()).then((r) => rosterAttendance(r.members)),
      ]);
      result =
        details.status === 'decrypted' ? await answer(meetingApi.result.$get({ param: param() })) : null;
    } else if (loggedIn) {
      [meetings, roster] = await Promise.all([
        answer(signedIn.meetings.$get()).then((r) => r.meetings),
        answer(signedIn.roster.$get()).then((r) => r.members),
      ]);
    }
  } catch (e) {
    message = { text: (e as Error).message, tone: 'error' };
  }
  render();
}

/**
 * The console follows the meeting on the projector's live stream: when the status (the ceremony done, the
 * poll opened or closed, the result), the counts or the trustees' signatures on the result change, the page
 * loads the meeting again; what the organiser is typing and the field they are in are kept through the redraw.
 */
function follow(id: string): void {
  let loading: Promise<void> | null = null;
  let again = false;
  const signed = () => new Set(result?.certifications.map((c) => c.index)).size;
  const changed = (c: Counts) =>
    details !== null &&
    (c.status !== details.status ||
      c.cast !== details.counts.cast ||
      c.activated !== details.counts.activated ||
      c.signatures !== signed());
  const reload = () => {
    if (loading) {
      again = true;
      return;
    }
    loading = load().finally(() => {
      loading = null;
      if (again) {
        again = false;
        reload();
      }
    });
  };
  liveCounts(
    id,
    (c) => {
      if (loggedIn && changed(c)) reload();
    },
    () => {},
  );
}

if (meetingId) createdWarnings = takeCreatedWarnings(meetingId);
startPage(() => t('organiser.title'), render);
void load().then(() => {
  if (meetingId) follow(meetingId);
});

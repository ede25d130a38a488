// The booth (/v/<meetingId>#<token>): the card's token never leaves the phone; the ballot is encrypted
// while the voter reads, sent once (a retry sends the very same ballot), and answered by a signed receipt
// that the phone checks and keeps. "Gửi phiếu" works only once the poll is open and the ballot encrypted;
// a booth opened early follows the meeting's live numbers and notices by itself when the poll opens.
// `?kiosk=1`: a shared tablet that keeps nothing and clears itself.

import { type Choices, type Manifest, parseManifest, receiptValid } from '../../crypto/index.ts';
import { pollHasClosed } from '../../src/shared/domain.ts';
import { ApiError } from '../shared/api.ts';
import { cameraAvailable, type Scanner, startScanner } from '../shared/camera-scan.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { liveCounts } from '../shared/live-counts.ts';
import { startPage } from '../shared/page.ts';
import { proposedChoices } from './ballot-form.ts';
import { boothStorage, type KeptReceipt, type PendingBallot } from './booth-storage.ts';
import { type CardProblem, cardProblem, cardState } from './card-check.ts';
import {
  meetingIdFromPath,
  publicKeyOf,
  readTypedToken,
  takeTokenFromFragment,
  tokenFromScan,
} from './card-token.ts';
import type { EncryptedBallot } from './encrypt-worker.ts';
import { type Encryption, type EncryptionState, startEncryption } from './encryption.ts';
import { fetchMeeting, type MeetingInfo, type Refusal, refusalOf, submitBallot } from './submit.ts';
import {
  type Action,
  ballotChanges,
  ballotView,
  doneView,
  problemView,
  reviewView,
  sendingView,
  tokenView,
} from './views.ts';

const KIOSK_CLEAR_SECONDS = 60;
const kiosk = new URLSearchParams(location.search).get('kiosk') === '1';
const meetingId = meetingIdFromPath(location.pathname) ?? '';
const storage = boothStorage(meetingId, kiosk);

type Screen =
  | { kind: 'token'; error: string | null; scanning?: boolean; typed?: string; pointAt?: number }
  | { kind: 'loading' }
  | { kind: 'problem'; title: string; message: string; actions: Action[]; tone?: string }
  | { kind: 'ballot'; opened?: boolean }
  | { kind: 'review' }
  | { kind: 'sending' }
  | { kind: 'done'; kept: KeptReceipt; seconds: number | null };

let screen: Screen = { kind: 'loading' };
let token: string | null = null;
let pk = '';
let meeting: MeetingInfo | null = null;
let manifest: Manifest | null = null;
let choices: Choices = [];
let encryption: Encryption | null = null;
let encryptionState: EncryptionState = { status: 'running', done: 0, total: 1, error: null };
let pending: PendingBallot | null = null;
let clearTimer: ReturnType<typeof setInterval> | null = null;
let scanner: Scanner | null = null;
/** The meeting's live numbers while the poll is not open yet: the booth notices when it opens. */
let watch: { stop(): void } | null = null;
const video = h('video', { class: 'camera', attrs: { id: 'camera', playsinline: true, muted: true } });

const progressBar = h('progress', { attrs: { id: 'encrypt-progress', max: 1, value: 0 } });
const progressLabel = h('p', {
  class: 'progress-label',
  attrs: { id: 'encrypt-status', 'aria-hidden': 'true' },
});
/** Screen readers hear only the changes of state (ready, failed), not every percent. */
const progressNews = h('p', { class: 'visually-hidden', attrs: { role: 'status' } });
const progress = h('div', {}, progressBar, progressLabel, progressNews);

function showProgress(): void {
  const s = encryptionState;
  progressBar.setAttribute('aria-label', t('booth.encrypt.label'));
  progressBar.max = Math.max(s.total, 1);
  progressBar.value = s.status === 'done' ? s.total : s.done;
  progressLabel.textContent =
    s.status === 'done'
      ? t(meeting?.status === 'open' || pending !== null ? 'booth.encrypt.done' : 'booth.encrypt.waiting')
      : s.status === 'failed'
        ? t('booth.encrypt.failed', { message: s.error ?? '' })
        : t('booth.encrypt.running', { percent: Math.floor((100 * s.done) / Math.max(s.total, 1)) });
  const news = s.status === 'running' ? '' : progressLabel.textContent;
  if (progressNews.textContent !== news) progressNews.textContent = news;
  const submitButton = document.getElementById('submit') as HTMLButtonElement | null;
  if (submitButton) submitButton.disabled = !ballotReady();
}

/** The ballot can be sent: the poll is open, and the ballot is encrypted (or was sent once already). */
const ballotReady = (): boolean =>
  meeting?.status === 'open' && (pending !== null || encryptionState.status === 'done');

function show(next: Screen): void {
  screen = next;
  render();
}

function content(): Array<HTMLElement | null> {
  switch (screen.kind) {
    case 'token':
      return tokenView({
        error: screen.error,
        typed: screen.typed,
        pointAt: screen.pointAt,
        camera: cameraAvailable() ? { video, scanning: screen.scanning === true } : null,
        onToken: openWithTypedToken,
        onScan: () => void scan(),
        onStopScan: stopScanning,
      });
    case 'loading':
      return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
    case 'problem':
      return problemView(screen.title, screen.message, screen.actions, screen.tone);
    case 'ballot':
      showProgress();
      return ballotView({
        manifest: manifest!,
        choices,
        locked: pending !== null,
        notOpen: meeting?.status !== 'open',
        opened: screen.opened === true,
        ready: ballotReady(),
        progress,
        onChoose: choose,
        onSubmit: () => void submit(false),
      });
    case 'review':
      return reviewView(
        manifest!,
        choices,
        () => show({ kind: 'ballot' }),
        () => void submit(true),
      );
    case 'sending':
      showProgress();
      return sendingView(progress);
    case 'done': {
      const next: Action | null = kiosk ? { label: 'booth.done.next', run: clearForNextVoter } : null;
      return doneView(screen.kept, kiosk, next, screen.seconds);
    }
  }
}

function render(): void {
  mount(byId('app'), ...content());
}

function choose(index: number, choice: number | null): void {
  choices[index] = choice;
  encryption?.update(choices);
}

async function scan(): Promise<void> {
  show({ kind: 'token', error: null, scanning: true });
  try {
    scanner = await startScanner(video, (text) => {
      scanner = null;
      const found = tokenFromScan(text, meetingId);
      if (found === 'other-meeting') show({ kind: 'token', error: t('booth.camera.otherMeeting') });
      else if (found === null) show({ kind: 'token', error: t('booth.camera.notACard') });
      else void open(found);
    });
  } catch {
    show({ kind: 'token', error: t('booth.camera.denied') });
  }
}

function stopScanning(): void {
  scanner?.stop();
  scanner = null;
  show({ kind: 'token', error: null });
}

function openWithTypedToken(text: string): void {
  const read = readTypedToken(text);
  if ('token' in read) void open(read.token);
  else if ('unreadable' in read) {
    const { at, character } = read.unreadable;
    const error = t('booth.token.unreadable', { position: at + 1, character });
    show({ kind: 'token', error, typed: text, pointAt: at });
  } else if ('length' in read)
    show({ kind: 'token', error: t('booth.token.length', { count: read.length }), typed: text });
  else show({ kind: 'token', error: t('booth.token.malformed'), typed: text });
}

const reload: Action = { label: 'booth.action.reload', run: () => void open(token!) };

async function open(cardToken: string): Promise<void> {
  scanner?.stop();
  scanner = null;
  token = cardToken;
  storage.setToken(cardToken);
  pk = publicKeyOf(meetingId, cardToken);
  const kept = storage.receipt(pk);
  if (kept) {
    show({ kind: 'done', kept, seconds: null });
    return;
  }
  show({ kind: 'loading' });
  try {
    meeting = await fetchMeeting(meetingId);
    manifest = parseManifest(meeting.manifest);
  } catch (error) {
    const message = error instanceof ApiError ? error.message : t('booth.error.manifest');
    const retry = error instanceof ApiError && (error.status === 0 || error.status >= 500);
    show({ kind: 'problem', title: t('booth.error.title'), message, actions: retry ? [reload] : [] });
    return;
  }
  if (pollHasClosed(meeting.status)) {
    show({
      kind: 'problem',
      title: t('booth.closed.title'),
      message: t('booth.closed.text'),
      actions: [],
    });
    return;
  }
  if (meeting.status === 'ceremony' || !meeting.jointKey) {
    show({
      kind: 'problem',
      title: t('booth.notReady.title'),
      message: t('booth.notReady.text'),
      actions: [reload],
      tone: 'warn',
    });
    watchForOpening();
    return;
  }
  pending = storage.pending();
  if (pending && pending.ballot.pk !== pk) pending = null;
  if (!pending && !(await cardMayVote(pk))) return;
  if (!encryption) {
    choices = pending ? [...pending.choices] : proposedChoices(manifest);
    encryption = startEncryption(
      { manifestText: meeting.manifest, jointKey: meeting.jointKey.K, token: cardToken },
      choices,
      (state) => {
        encryptionState = state;
        showProgress();
      },
    );
  }
  show({ kind: 'ballot' });
  if (meeting.status !== 'open') watchForOpening();
}

/**
 * Until the poll opens, the meeting's live numbers (the projector's stream) carry its status: the key made
 * opens the ballot for reading, the poll opened enables "Gửi phiếu", a poll closed meanwhile says so.
 */
function watchForOpening(): void {
  if (watch) return;
  watch = liveCounts(
    meetingId,
    (counts) => {
      if (!meeting || counts.status === meeting.status || counts.status === 'ceremony') return;
      if (counts.status === 'open' || pollHasClosed(counts.status)) {
        watch?.stop();
        watch = null;
      }
      void meetingMoved(counts.status === 'open');
    },
    () => {},
  );
}

async function meetingMoved(opened: boolean): Promise<void> {
  if (!token) return;
  if (screen.kind === 'problem') return open(token);
  meeting = await fetchMeeting(meetingId).catch(() => meeting);
  if (meeting && pollHasClosed(meeting.status)) return open(token);
  // the ballot stays as marked, where the voter is reading it; only its notice and button change
  if (screen.kind === 'ballot') show({ kind: 'ballot', opened });
}

/**
 * Asks the card's state before the ballot is shown; a card that cannot vote gets its message now. A ballot
 * already sent from this phone (pending) skips this: its card is spent by that very ballot.
 */
async function cardMayVote(cardPk: string): Promise<boolean> {
  let problem: CardProblem | null;
  try {
    problem = cardProblem(await cardState(meetingId, cardPk));
  } catch (error) {
    const message = error instanceof ApiError ? error.message : String(error);
    show({ kind: 'problem', title: t('booth.error.title'), message, actions: [reload] });
    return false;
  }
  if (!problem) return true;
  const list: Action[] = problem.reload ? [reload] : [];
  if (kiosk) list.push({ label: 'booth.done.next', run: clearForNextVoter, primary: !problem.reload });
  show({ kind: 'problem', title: problem.title, message: problem.message, actions: list, tone: 'error' });
  return false;
}

async function submit(reviewed: boolean): Promise<void> {
  if (!pending && !reviewed && manifest) {
    const { changed, blank } = ballotChanges(manifest, choices);
    if (changed.length + blank.length > 0) {
      show({ kind: 'review' });
      return;
    }
  }
  show({ kind: 'sending' });
  try {
    pending ??= { ...(await encryption!.result()), choices: [...choices] };
  } catch (error) {
    show({
      kind: 'problem',
      title: t('booth.error.title'),
      message: t('booth.encrypt.failed', { message: (error as Error).message }),
      actions: [{ label: 'booth.action.back', run: remark }],
    });
    return;
  }
  storage.setPending(pending);
  try {
    const answer = await submitBallot(meetingId, pending.ballot);
    await accept(pending, answer.receipt, answer.confirmationCode);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'poll_not_open')
      meeting = await fetchMeeting(meetingId).catch(() => meeting);
    refuse(refusalOf(error, meeting?.status ?? null));
  }
}

async function accept(sent: EncryptedBallot, receipt: KeptReceipt['receipt'], code: string): Promise<void> {
  let serverKey = meeting?.serverKey ?? null;
  if (!serverKey) serverKey = (await fetchMeeting(meetingId).catch(() => null))?.serverKey ?? null;
  const valid =
    serverKey !== null &&
    receipt.meetingId === meetingId &&
    receipt.ballotHash === sent.ballotHash &&
    code === sent.confirmationCode &&
    receiptValid(receipt, serverKey);
  const kept: KeptReceipt = {
    meetingId,
    pk,
    confirmationCode: sent.confirmationCode,
    receipt,
    serverKey: serverKey ?? '',
    valid,
    keptAt: Date.now(),
  };
  storage.keepReceipt(kept);
  storage.setPending(null);
  storage.setToken(null);
  encryption?.stop();
  show({ kind: 'done', kept, seconds: kiosk ? KIOSK_CLEAR_SECONDS : null });
  if (kiosk) startKioskCountdown();
}

function remark(): void {
  pending = null;
  storage.setPending(null);
  encryption?.update(choices, true);
  show({ kind: 'ballot' });
}

function refuse(refusal: Refusal): void {
  const list: Action[] = [];
  if (refusal.next === 'retry') list.push({ label: 'booth.action.retry', run: () => void submit(true) });
  if (refusal.next === 'remark') list.push({ label: 'booth.action.back', run: remark });
  if (kiosk) list.push({ label: 'booth.done.next', run: clearForNextVoter, primary: false });
  show({ kind: 'problem', title: refusal.title, message: refusal.message, actions: list });
}

function startKioskCountdown(): void {
  clearTimer = setInterval(() => {
    if (screen.kind !== 'done' || screen.seconds === null) return;
    if (screen.seconds <= 1) {
      clearForNextVoter();
      return;
    }
    show({ ...screen, seconds: screen.seconds - 1 });
  }, 1000);
}

/** Kiosk: forget everything about the last voter and wait for the next card. */
function clearForNextVoter(): void {
  if (clearTimer) clearInterval(clearTimer);
  clearTimer = null;
  encryption?.stop();
  encryption = null;
  token = null;
  pk = '';
  pending = null;
  choices = [];
  history.replaceState(null, '', location.pathname + location.search);
  show({ kind: 'token', error: null });
}

function start(): void {
  if (!meetingId) {
    show({
      kind: 'problem',
      title: t('booth.error.title'),
      message: t('booth.error.noMeeting'),
      actions: [],
    });
    return;
  }
  const fromFragment = takeTokenFromFragment();
  if (fromFragment === 'malformed') {
    show({ kind: 'token', error: t('booth.token.badLink') });
    return;
  }
  const cardToken = fromFragment ?? storage.token();
  if (cardToken) void open(cardToken);
  else show({ kind: 'token', error: null });
}

startPage(() => (manifest ? manifest.title : t('booth.title')), render);
start();

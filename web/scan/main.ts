// The board's scanning page (/scan/<meetingId>, SPEC §3.1): the camera reads the marked paper ballots one
// after another (a beep and a vibration per page read, a running count); when every page of a ballot is
// read, the board looks at what was read, decides the unsure rows by tapping, and confirms. This phone then
// encrypts the choices and casts them as an ordinary ballot signed by the sheet's own credential, so a
// sheet counted once (here or on another phone) is refused as spent when it comes again. Two or three
// phones can scan the same meeting at once: each sheet's credential is good for one ballot only.
import { type Manifest, parseManifest } from '../../crypto/index.ts';
import { type BoardDecisions, paperChoices } from '../../src/shared/paper/choices.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import type { PageReading } from '../../src/shared/paper/read.ts';
import { publicKeyOf } from '../booth/card-token.ts';
import type { EncryptedBallot, EncryptRequest } from '../booth/encrypt-worker.ts';
import { fetchMeeting, type MeetingInfo, submitBallot } from '../booth/submit.ts';
import { ApiError } from '../shared/api.ts';
import { cameraAvailable } from '../shared/camera-scan.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { runJob } from '../shared/worker-job.ts';
import { type PaperCamera, type ReadFrame, startPaperCamera } from './paper-camera.ts';
import { reviewView } from './review.ts';

/** A sheet seen again within this time is the same sheet still held up, not a second scan. */
const SAME_SHEET_MS = 3000;
const LOG_LENGTH = 30;
const SAY_AGAIN_MS = 20_000;
const COUNT_EVERY_MS = 4000;

const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const api = apiClient().vote[':id'];

let meeting: MeetingInfo | null = null;
let manifest: Manifest | null = null;
let loadError: string | null = null;
let camera: PaperCamera | null = null;
let cameraProblem = false;
/** Pages read of each ballot not yet reviewed: serial → page → frame. */
const pending = new Map<string, Map<number, ReadFrame>>();
let review: { serial: string; token: string; frames: ReadFrame[]; decisions: BoardDecisions } | null = null;
let busy: { serial: string; done: number; total: number } | null = null;
let checking = false;
/** Sheets this phone knows are spent (counted here or elsewhere): refused without reading further. */
const spent = new Set<string>();
let mine = 0;
let cast: number | null = null;
const lastSeen = new Map<string, number>();
const lastSaid = new Map<string, number>();
const log: Array<{ text: string; tone: 'ok' | 'error' }> = [];
let audio: AudioContext | null = null;

const video = h('video', { class: 'camera', attrs: { id: 'scan-video' } });

/** A short beep and a vibration: a page or a ballot accepted. */
function signal(): void {
  navigator.vibrate?.(120);
  if (!audio) return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.value = 0.2;
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.12);
}

function say(text: string, tone: 'ok' | 'error'): void {
  log.unshift({ text, tone });
  log.length = Math.min(log.length, LOG_LENGTH);
}

/** Whether this sheet was in view a moment ago (the same sheet still held up); notes it as seen now. */
function stillInView(key: string): boolean {
  const now = Date.now();
  const before = lastSeen.get(key);
  lastSeen.set(key, now);
  return before !== undefined && now - before < SAME_SHEET_MS;
}

/** Whether this was said within the last SAY_AGAIN_MS (a stack shown again repeats nothing new). */
function saidLately(key: string): boolean {
  const now = Date.now();
  const before = lastSaid.get(key);
  if (before !== undefined && now - before < SAY_AGAIN_MS) return true;
  lastSaid.set(key, now);
  return false;
}

const PROBLEM_WORDS: Array<[string, MessageKey]> = [
  ['wrong meeting', 'scan.wrongMeeting'],
  ['no page found: a corner mark', 'scan.wholePage'],
];

function onProblem(reading: PageReading): void {
  const problem = reading.problems[0] ?? '';
  const words = PROBLEM_WORDS.find(([prefix]) => problem.startsWith(prefix))?.[1];
  if (!words || stillInView(`problem:${reading.ballot}:${words}`)) return;
  say(t(words), 'error');
  render();
}

const countText = () => t('scan.count', { mine, cast: cast ?? '…' });

/** The meeting's count of ballots (every phone's and the board's), kept up to date on the page. */
async function refreshCount(): Promise<void> {
  try {
    cast = (await answer(apiClient().meetings[':id'].counts.$get({ param: { id: meetingId } }))).cast;
    const shown = document.getElementById('scan-count');
    if (shown) shown.textContent = countText();
  } catch {
    // the count shown stays as it was; the next refresh tries again
  }
}

/** The sheet's credential as the server knows it: may it still vote? Refusals are said in words. */
async function mayCount(serial: string, token: string): Promise<boolean> {
  const pk = publicKeyOf(meetingId, token);
  try {
    const { state } = await answer(api.cards[':pk'].$get({ param: { id: meetingId, pk } }));
    if (state === 'activated') return true;
    if (state === 'spent') spent.add(serial);
    say(
      t(state === 'spent' ? 'scan.spent' : state === 'voided' ? 'scan.voided' : 'scan.notActive', { serial }),
      'error',
    );
  } catch (e) {
    say(
      e instanceof ApiError && e.code === 'card_unknown'
        ? t('scan.unknown')
        : t('scan.failed', { serial, reason: (e as Error).message }),
      'error',
    );
  }
  return false;
}

async function onRead(frame: ReadFrame): Promise<void> {
  if (review || busy || checking || !manifest) return;
  const { reading } = frame;
  if (reading.problems.length > 0) return onProblem(reading);
  const serial = reading.ballot!;
  const again = stillInView(`sheet:${serial}:${reading.page}`);
  if (spent.has(serial)) {
    if (!again && !saidLately(`spent:${serial}`)) {
      say(t('scan.spent', { serial }), 'error');
      render();
    }
    return;
  }
  const pages = pending.get(serial) ?? new Map<number, ReadFrame>();
  pending.set(serial, pages);
  const fresh = !pages.has(reading.page!);
  pages.set(reading.page!, frame);
  const total = ballotPages(manifest, serial).length;
  if (pages.size < total) {
    if (fresh) {
      signal();
      say(t('scan.pageRead', { serial, page: reading.page!, pages: total }), 'ok');
      render();
    }
    return;
  }
  checking = true;
  pending.delete(serial);
  const frames = [...pages.values()].sort((a, b) => a.reading.page! - b.reading.page!);
  if (await mayCount(serial, reading.token!)) {
    signal();
    review = { serial, token: reading.token!, frames, decisions: {} };
  }
  checking = false;
  render();
}

function refusal(e: unknown, serial: string): string {
  if (!(e instanceof ApiError)) return t('scan.failed', { serial, reason: String(e) });
  switch (e.code) {
    case 'credential_spent':
      spent.add(serial);
      return t('scan.spent', { serial });
    case 'credential_voided':
      return t('scan.voided', { serial });
    case 'credential_not_active':
      return t('scan.notActive', { serial });
    case 'poll_not_open':
      return t('scan.notOpen');
    case 'network':
      return t('scan.network', { serial });
    default:
      return t('scan.failed', { serial, reason: e.message });
  }
}

async function confirm(): Promise<void> {
  if (!review || !manifest || !meeting?.jointKey) return;
  const current = review;
  const choices = paperChoices(
    manifest,
    current.frames.map((f) => f.reading),
    current.decisions,
  );
  if (!choices.ok) return;
  review = null;
  busy = { serial: current.serial, done: 0, total: manifest.questions.length };
  render();
  try {
    const job = runJob<EncryptRequest, EncryptedBallot>(
      new Worker('/assets/encrypt-worker.js'),
      {
        manifestText: meeting.manifest,
        jointKey: meeting.jointKey.K,
        token: choices.token,
        choices: choices.choices,
      },
      (done, total) => {
        busy = { serial: current.serial, done, total };
        render();
      },
    );
    await submitBallot(meetingId, { ...(await job.result).ballot, decidedByHand: choices.decidedByHand });
    spent.add(current.serial);
    mine++;
    signal();
    say(
      choices.decidedByHand.length > 0
        ? t('scan.countedByHand', { serial: current.serial, count: choices.decidedByHand.length })
        : t('scan.counted', { serial: current.serial }),
      'ok',
    );
    await refreshCount();
  } catch (e) {
    const network = e instanceof ApiError && e.code === 'network';
    say(refusal(e, current.serial), 'error');
    if (network) review = current;
  }
  busy = null;
  render();
}

function discard(): void {
  if (!review) return;
  say(t('scan.discarded', { serial: review.serial }), 'error');
  review = null;
  render();
}

async function startCamera(): Promise<void> {
  if (!meeting || !manifest) return;
  cameraProblem = false;
  audio ??= new AudioContext();
  try {
    camera = await startPaperCamera(video, meeting.manifest, (frame) => void onRead(frame));
  } catch {
    cameraProblem = true;
  }
  render();
}

function stopCamera(): void {
  camera?.stop();
  camera = null;
  render();
}

function statusNotice(): HTMLElement | null {
  if (!meeting || meeting.status === 'open') return null;
  const closed = meeting.status === 'closed' || meeting.status === 'decrypted';
  return h('p', {
    class: 'notice warn',
    attrs: { role: 'status' },
    text: t(closed ? 'scan.closed' : 'scan.notOpenYet'),
  });
}

function scanningView(): Array<HTMLElement | null> {
  video.hidden = !camera || review !== null || busy !== null;
  if (review && manifest)
    return [
      reviewView(manifest, review.serial, review.frames, review.decisions, {
        decide: (question, option) => {
          review!.decisions[question] = option;
          render();
        },
        confirm: () => void confirm(),
        discard,
      }),
    ];
  if (busy)
    return [
      h('p', {
        class: 'notice',
        attrs: { role: 'status', id: 'scan-busy' },
        text: t('scan.casting', { serial: busy.serial, done: busy.done, total: busy.total }),
      }),
    ];
  if (!cameraAvailable()) return [h('p', { class: 'notice warn', text: t('scan.noCamera') })];
  return [
    h('p', { class: 'muted small', text: t('scan.help') }),
    cameraProblem
      ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: t('scan.denied') })
      : null,
    h(
      'div',
      { class: 'actions' },
      camera
        ? h('button', {
            attrs: { type: 'button', id: 'scan-stop' },
            text: t('scan.stop'),
            on: { click: stopCamera },
          })
        : h('button', {
            class: 'primary',
            attrs: { type: 'button', id: 'scan-start' },
            text: t('scan.start'),
            on: { click: () => void startCamera() },
          }),
    ),
  ];
}

function page(): HTMLElement[] {
  if (loadError) return [h('p', { class: 'notice error', attrs: { role: 'alert' }, text: loadError })];
  if (!meeting) return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
  return [
    h('h1', { text: t('scan.title') }),
    h('p', { class: 'muted', text: meeting.title }),
    ...[statusNotice()].filter((n) => n !== null),
    h('p', {
      class: 'scan-count',
      attrs: { id: 'scan-count', role: 'status', 'data-mine': mine },
      text: countText(),
    }),
    ...scanningView().filter((n) => n !== null),
    video,
    h(
      'ul',
      { class: 'scan-log', attrs: { id: 'scan-log', role: 'log', 'aria-live': 'polite' } },
      ...log.map((entry) => h('li', { class: `scan-${entry.tone}`, text: entry.text })),
    ),
  ];
}

function render(): void {
  mount(byId('app'), ...page());
}

async function load(): Promise<void> {
  try {
    meeting = await fetchMeeting(meetingId);
    manifest = parseManifest(meeting.manifest);
    await refreshCount();
  } catch (e) {
    loadError = e instanceof ApiError && e.status === 404 ? t('scan.noMeeting') : (e as Error).message;
  }
  render();
}

startPage(() => t('scan.title'), render);
void load();
setInterval(() => void refreshCount(), COUNT_EVERY_MS);

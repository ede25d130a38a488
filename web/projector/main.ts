// The projector (/projector/<meetingId>), on the wall of the meeting room: the meeting's title; during the
// key ceremony the board's progress, and for the organiser (this browser has its session) a button that
// shows the board's joining QR; then the cards activated and ballots cast, live (Server-Sent Events, with
// polling when the stream fails); then, once the board has certified it, the result per subject with QR
// codes to the minutes and the verifier. Public data only: nothing about what anyone chose.

import type { InferResponseType } from 'hono/client';
import { type Manifest, parseManifest } from '../../crypto/index.ts';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { type Counts, type Feed, liveCounts } from '../shared/live-counts.ts';
import { startPage } from '../shared/page.ts';
import { currentSession, signedIn } from '../shared/session.ts';
import {
  type Ceremony,
  ceremonyView,
  countsView,
  qrImage,
  type ResultScreen,
  resultView,
  type TrusteeQr,
} from './views.ts';

const api = apiClient();
type ResultReply = InferResponseType<(typeof api)['meetings'][':id']['result']['$get']>;

const REFRESH_MS = 3000;
const PAGE_TURN_MS = 8000;
const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const id = encodeURIComponent(meetingId);

let title = '';
let manifest: Manifest | null = null;
let counts: Counts | null = null;
let feed: Feed = 'stream';
let ceremony: Ceremony | null = null;
let organiser = false;
let trusteeQr: { image: HTMLElement; url: string } | null = null;
let result: ResultScreen | null = null;
let error: string | null = null;

function trusteeQrState(): TrusteeQr {
  if (trusteeQr) return { kind: 'shown', ...trusteeQr };
  if (!organiser) return { kind: 'none' };
  return { kind: 'offer', onShow: () => void showTrusteeQr(), joined: ceremony?.commitments.length ?? 0 };
}

function render(): void {
  const status = counts?.status ?? null;
  mount(
    byId('app'),
    h('h1', { class: 'projector-title', text: title || t('projector.title') }),
    error ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: error }) : null,
    result
      ? resultView(result)
      : status === 'ceremony'
        ? ceremonyView(ceremony, trusteeQrState())
        : counts
          ? countsView(counts, feed)
          : h('p', { attrs: { role: 'status' }, text: t('projector.loading') }),
  );
}

/**
 * A fresh trustee code stops the previous one, so it is made only on the organiser's tap, once per page
 * load; the same QR then stays on the wall.
 */
async function showTrusteeQr(): Promise<void> {
  try {
    const { url } = await answer(signedIn.meetings[':id']['trustee-code'].$post({ param: { id } }));
    trusteeQr = { url, image: await qrImage(url, t('projector.qr.alt')) };
    error = null;
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

async function loadResult(): Promise<void> {
  let reply: ResultReply;
  try {
    reply = await answer(api.meetings[':id'].result.$get({ param: { id } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'result_missing') return;
    throw e;
  }
  if (!reply.certified || !manifest) return;
  const minutesUrl = `${location.origin}/minutes/${id}`;
  const verifyUrl = `${location.origin}/verify?meeting=${id}`;
  result = {
    manifest,
    result: reply.result,
    minutes: { url: minutesUrl, image: await qrImage(minutesUrl, t('projector.result.minutes')) },
    verify: { url: verifyUrl, image: await qrImage(verifyUrl, t('projector.result.verify')) },
  };
  live.stop();
}

/**
 * On a wall screen the subjects scroll in their own box (style.css); when they do not all fit, the box
 * turns a page every few seconds and starts again at the top, since nobody scrolls a projector.
 */
function turnResultPage(): void {
  const list = document.querySelector<HTMLElement>('.projector-subjects');
  if (!list || list.scrollHeight <= list.clientHeight + 1) return;
  const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  list.scrollTo({ top: atEnd ? 0 : list.scrollTop + list.clientHeight, behavior: still ? 'auto' : 'smooth' });
}

/** What the live counts do not carry: the ceremony's progress, and the result once the board has signed it. */
async function refresh(): Promise<void> {
  if (result) return;
  try {
    if (!manifest) {
      const info = await answer(api.vote[':id'].$get({ param: { id } }));
      title = info.title;
      manifest = parseManifest(info.manifest);
      counts ??= { status: info.status, activated: 0, cast: 0, height: 0, signatures: 0 };
    }
    const status = counts?.status;
    if (status === 'ceremony') ceremony = await answer(api.meetings[':id'].ceremony.$get({ param: { id } }));
    if (status === 'decrypted') await loadResult();
    error = null;
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

async function findOrganiser(): Promise<void> {
  try {
    const session = await currentSession();
    organiser =
      session.loggedIn && ['organiser', 'admin'].includes((session as { role?: string }).role ?? '');
  } catch {
    organiser = false;
  }
  render();
}

const live = liveCounts(
  meetingId,
  (next) => {
    const changed = next.status !== counts?.status || next.signatures !== counts?.signatures;
    counts = next;
    if (changed) void refresh();
    else render();
  },
  (next) => {
    if (next === feed) return;
    feed = next;
    render();
  },
);

document.body.classList.add('projector');
startPage(() => title || t('projector.title'), render);
void findOrganiser();
void refresh();
setInterval(() => void refresh(), REFRESH_MS);
setInterval(turnResultPage, PAGE_TURN_MS);

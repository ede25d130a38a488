// The trustee page (/t/<meetingId>#<trustee code>, the QR on the projector): joins the key ceremony and
// runs it on this phone, then decrypts the totals when asked and signs the result. The secrets never
// leave the phone; the page checks the server every moment and takes the next step itself.
import {
  CHECKS,
  type Check,
  certifyResult,
  type DecryptionSharePayload,
  fromBase64url,
  parseManifest,
  type TallyPayload,
  type VerifyReport,
} from '../../crypto/index.ts';
import { CHECK_STATUS_TEXTS, CHECK_TEXTS, reasonLines } from '../../src/shared/verify-reasons.ts';
import { ApiError, apiText } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { formatNumber, lang, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { runJob, workerSupply } from '../shared/worker-job.ts';
import { feedRecord } from '../verify/record-feed.ts';
import {
  board,
  type CeremonyProgress,
  type CeremonyView,
  joinCeremony,
  type ResultView,
  stepCeremony,
  type TallyView,
} from './board.ts';
import type { DecryptRequest } from './decrypt-worker.ts';
import { encodeKeyShare, loadTrustee, saveTrustee } from './trustee-storage.ts';
import { boardSummary, button, ceremonyView, resultTable, trusteeLine } from './views.ts';

const POLL_MS = 1500;
const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const state = loadTrustee(meetingId);
const fragment = location.hash.replace(/^#/, '');
if (fragment) {
  state.code = fragment;
  saveTrustee(meetingId, state);
  history.replaceState(null, '', location.pathname + location.search);
}
const keep = () => saveTrustee(meetingId, state);
const api = state.code ? board(meetingId, state.code) : null;
const nextWorker = workerSupply('/assets/decrypt-worker.js');
const nextVerifier = workerSupply('/assets/verify-worker.js');

let ceremony: CeremonyView | null = null;
let progress: CeremonyProgress | null = null;
let tally: TallyView | null = null;
let result: ResultView | null = null;
let error: string | null = null;
let busy = false;
let refreshing = false;
/** Before signing, this phone checks the whole record: every check but certification must pass. */
let recordCheck: { resultPayload: string; failing: Check[]; resultDiffers: boolean } | null = null;
/** The counts per question are folded until the trustee opens them; they stay open through the redraws. */
let countsOpen = false;

const index = () => state.keyShare?.index ?? state.secrets?.index ?? null;

function body(): Array<HTMLElement | null> {
  if (!api) return [h('p', { class: 'notice error', text: t('trustee.noCode') })];
  if (!ceremony) return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
  const manifest = parseManifest(ceremony.manifest);
  const head = [h('h1', { text: manifest.title }), trusteeLine(index())];
  const problem = error ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: error }) : null;
  if (ceremony.status === 'ceremony' && progress)
    return [...head, problem, ...ceremonyView(progress, busy, join)];
  if (!state.keyShare)
    return [...head, problem, h('p', { class: 'notice warn', text: t('trustee.noShare') })];
  if (ceremony.status === 'ready' || ceremony.status === 'open')
    return [
      ...head,
      problem,
      h('p', { class: 'notice ok', attrs: { id: 'key-made' }, text: t('trustee.keyMade') }),
      h(
        'p',
        {},
        h('a', { attrs: { href: `/scan/${encodeURIComponent(meetingId)}` }, text: t('organiser.link.scan') }),
      ),
    ];
  if (ceremony.status === 'closed' && tally) {
    const sent = tally.sharesFrom.includes(state.keyShare.index);
    const { k } = ceremony.trustees;
    const have = tally.sharesFrom.length;
    return [
      ...head,
      problem,
      boardSummary(
        sent
          ? t('trustee.now.decrypted', { have, k })
          : t('trustee.now.decrypt', { ballots: formatNumber(tally.ballots ?? 0), k, have }),
        { have, need: k },
        sent ? 'share-sent' : null,
      ),
      sent
        ? null
        : button(busy ? 'trustee.decrypting' : 'trustee.decrypt', () => void decrypt(), busy, 'decrypt'),
    ];
  }
  if (ceremony.status === 'decrypted' && result) {
    const signed = result.certifications.some((c) => c.index === state.keyShare!.index);
    const { k } = ceremony.trustees;
    const have = new Set(result.certifications.map((c) => c.index)).size;
    const now = result.certified
      ? t('trustee.certified', { have })
      : signed
        ? t('trustee.signed', { have, k })
        : recordFails(result)
          ? t('trustee.now.recordBad')
          : t('trustee.now.sign', { have, k });
    return [
      ...head,
      problem,
      boardSummary(now, { have, need: k }, signed ? 'signed' : null),
      signed ? null : signPart(),
      resultTable(manifest, result.result, {
        open: countsOpen,
        toggle: (open) => {
          countsOpen = open;
        },
      }),
      h(
        'p',
        {},
        h('a', {
          attrs: { href: `/minutes/${encodeURIComponent(meetingId)}` },
          text: t('organiser.link.minutes'),
        }),
      ),
    ];
  }
  return [...head, problem];
}

function signPart(): HTMLElement | null {
  if (!recordCheck || recordCheck.resultPayload !== result?.resultPayload)
    return h('p', { attrs: { role: 'status' }, text: t('trustee.checking') });
  if (recordFails(result))
    return h(
      'div',
      { class: 'notice error', attrs: { role: 'alert', id: 'record-bad' } },
      h('p', { text: t('trustee.recordBad') }),
      h('ul', { class: 'problems' }, ...recordProblems(recordCheck).map((p) => h('li', { text: p }))),
    );
  return h(
    'div',
    {},
    h('p', { class: 'notice ok', attrs: { id: 'record-ok' }, text: t('trustee.recordOk') }),
    button('trustee.sign', () => void sign(), busy, 'sign'),
  );
}

type RecordEvent = { type: string; payload: string };

/** The record as the server gives it, checked on this phone with crypto/ and the rules only. */
async function checkedRecord(): Promise<{ report: VerifyReport; events: RecordEvent[] }> {
  const recordText = await apiText(`/api/meetings/${encodeURIComponent(meetingId)}/record`);
  // the same worker as the verify page, fed the text this page already holds (its events are read below)
  const body = new Blob([recordText]).stream();
  const { report } = await feedRecord(
    nextVerifier(),
    body,
    0,
    async () => undefined,
    () => {},
  ).result;
  return { report, events: (JSON.parse(recordText) as { events: RecordEvent[] }).events };
}

/** The payload of the last event of `type` in the record, or null. */
function lastPayload<T>(events: RecordEvent[], type: string): T | null {
  const event = events.findLast((e) => e.type === type);
  return event ? (JSON.parse(event.payload) as T) : null;
}

/** Checks the record before the trustee may sign its result: every check but certification must pass. */
async function checkRecord(view: ResultView): Promise<void> {
  const { report, events } = await checkedRecord();
  recordCheck = {
    resultPayload: view.resultPayload,
    failing: report.checks.filter((c) => c.name !== 'certification' && c.status !== 'pass'),
    resultDiffers: events.find((e) => e.type === 'result')?.payload !== view.resultPayload,
  };
}

/** The record this phone checked fails for the result the server shows: the trustee may not sign it. */
const recordFails = (result: ResultView): boolean =>
  recordCheck?.resultPayload === result.resultPayload &&
  (recordCheck.failing.length > 0 || recordCheck.resultDiffers);

/** Why the trustee may not sign, in the page's language at each render (the reasons by their codes). */
function recordProblems(check: NonNullable<typeof recordCheck>): string[] {
  const lines = check.failing.map((c) => {
    const reasons = reasonLines([...c.problems, ...(c.note ? [c.note] : [])], lang());
    return `${CHECK_TEXTS[c.name].name[lang()]}: ${reasons.join('; ') || CHECK_STATUS_TEXTS[c.status][lang()]}`;
  });
  return check.resultDiffers ? [...lines, t('trustee.resultDiffers')] : lines;
}

function render(): void {
  mount(byId('app'), ...body());
}

async function act(run: () => Promise<void>): Promise<void> {
  busy = true;
  error = null;
  render();
  try {
    await run();
  } catch (e) {
    error = e instanceof ApiError && e.code === 'board_full' ? t('trustee.boardFull') : (e as Error).message;
  }
  busy = false;
  await refresh();
}

const join = () => void act(() => joinCeremony(api!, ceremony!, state, keep));

/** The checks a record must pass before this phone decrypts its tally: all that come before decryption. */
const BEFORE_DECRYPTION = CHECKS.slice(0, CHECKS.indexOf('decryption'));

/**
 * The encrypted tally and joint key as this phone recomputed them from the record. A share decrypts
 * whatever it is given (crypto/tally.ts, decryptionShare), so the phone never decrypts a tally on the
 * server's word: one voter's ciphertext passed off as the tally would open that voter's ballot.
 */
async function checkedTally(): Promise<{ jointKey: string; tally: TallyPayload }> {
  const { report, events } = await checkedRecord();
  const passed = report.checks.every((c) => !BEFORE_DECRYPTION.includes(c.name) || c.status === 'pass');
  const tally = lastPayload<TallyPayload>(events, 'encrypted-tally');
  const jointKey = lastPayload<{ K: string }>(events, 'joint-key');
  if (!passed || !tally || !jointKey) throw new Error(t('trustee.tallyUnchecked'));
  return { jointKey: jointKey.K, tally };
}

const decrypt = () =>
  act(async () => {
    const checked = await checkedTally();
    const request: DecryptRequest = {
      manifestText: ceremony!.manifest,
      jointKey: checked.jointKey,
      keyShare: encodeKeyShare(state.keyShare!),
      tally: checked.tally,
    };
    const share = await runJob<DecryptRequest, DecryptionSharePayload>(nextWorker(), request, () => {})
      .result;
    await api!.decryptionShare(share);
  });

const sign = () =>
  act(async () => {
    const mh = fromBase64url(ceremony!.manifestHash, 64);
    const ks = state.keyShare!;
    await api!.certify(certifyResult(mh, result!.resultPayload, ks.index, ks.signingKey));
  });

async function refresh(): Promise<void> {
  if (!api) return render();
  if (refreshing) return;
  refreshing = true;
  try {
    ceremony = await api.ceremony();
    const s = state.secrets;
    if (ceremony.status === 'ceremony' && s && s.round < ceremony.round && !busy)
      await joinCeremony(api, ceremony, state, keep);
    if (ceremony.status === 'ceremony' && !busy)
      progress = await stepCeremony(api, await api.ceremony(), state, keep);
    if (ceremony.status === 'closed') tally = await api.tally();
    if (ceremony.status === 'decrypted') {
      result = await api.result();
      if (recordCheck?.resultPayload !== result.resultPayload) await checkRecord(result);
    }
  } catch (e) {
    error = (e as Error).message;
  }
  refreshing = false;
  render();
}

startPage(() => t('trustee.title'), render);
void refresh();
setInterval(() => {
  if (!busy) void refresh();
}, POLL_MS);

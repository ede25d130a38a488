// The verifier (/verify): loads a meeting record from this server (?meeting=<id>) or from a file on the
// device, checks it in a Web Worker with crypto/ and the rules engine only, shows every named check, and
// finds a voter's confirmation code. A service worker (offline-worker.ts) keeps the page, so once it has
// been opened it opens again and checks a file with no connection.
import {
  base64url,
  type CodeList,
  type MeetingRecord,
  resultHash,
  type VerifyReport,
} from '../../crypto/index.ts';
import { ApiError, apiText } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { type Job, JobCancelled, runJob, workerSupply } from '../shared/worker-job.ts';
import { checksView } from './checks-view.ts';
import { type CodeAnswer, codeLookupView, lookUpCode } from './code-lookup.ts';
import { keepRecord, recordPath } from './kept-records.ts';
import type { VerifyRequest } from './verify-worker.ts';

type Source = { kind: 'server'; meetingId: string } | { kind: 'file'; name: string };
type State = {
  source: Source | null;
  loading: boolean;
  error: string | null;
  report: VerifyReport | null;
  running: boolean;
  codeText: string;
  answer: CodeAnswer | null;
  /** The result's fingerprint as the signed minutes print it (null: the record has no result yet). */
  fingerprint: string | null;
};

const params = new URLSearchParams(location.search);
const state: State = {
  source: null,
  loading: false,
  error: null,
  report: null,
  running: false,
  codeText: params.get('code') ?? '',
  answer: null,
  fingerprint: null,
};

/** resultHash of the record's result event (SPEC §7), the "Mã băm kết quả" line of the minutes. */
function fingerprintOf(recordText: string): string | null {
  try {
    const record = JSON.parse(recordText) as MeetingRecord;
    const result = record.events.find((e) => e.type === 'result');
    return result ? base64url(resultHash(result.payload)) : null;
  } catch {
    return null;
  }
}
/** Inside the service worker's scope (/verify), so the worker also starts offline (build-web.ts). */
const nextWorker = workerSupply('/verify-worker.js');
let job: Job<VerifyReport> | null = null;
const progress = h('progress', { attrs: { max: 1, value: 0, id: 'verify-progress' } });
const progressLabel = h('p', { class: 'progress-label', attrs: { role: 'status' } });

/** done/total: how much of the record is read; `ballots`: how many ballots are checked so far. */
function showProgress(done: number, total: number, ballots?: string): void {
  progress.max = Math.max(total, 1);
  progress.value = done;
  progressLabel.textContent =
    ballots === undefined
      ? t('verify.progress.start')
      : t('verify.progress.ballots', {
          ballots: Number(ballots),
          percent: Math.floor((100 * done) / Math.max(total, 1)),
        });
}

function verify(recordText: string, source: Source, codeList?: CodeList): void {
  job?.cancel();
  Object.assign(state, {
    source,
    report: null,
    error: null,
    running: true,
    answer: null,
    fingerprint: fingerprintOf(recordText),
  });
  showProgress(0, 1);
  render();
  const current = runJob<VerifyRequest, VerifyReport>(nextWorker(), { recordText, codeList }, showProgress);
  job = current;
  current.result.then(
    (report) => {
      if (job !== current) return;
      Object.assign(state, { report, running: false });
      if (state.codeText) state.answer = lookUpCode(state.codeText, report.confirmationCodes);
      render();
    },
    (error: Error) => {
      if (error instanceof JobCancelled || job !== current) return;
      Object.assign(state, { running: false, error: t('verify.error.worker', { message: error.message }) });
      render();
    },
  );
}

async function loadFromServer(meetingId: string): Promise<void> {
  Object.assign(state, { loading: true, error: null, source: { kind: 'server', meetingId } });
  render();
  try {
    const path = recordPath(meetingId);
    const text = await apiText(path);
    if (!navigator.serviceWorker?.controller) keepForOfflineReload(path, text);
    // read after the record, so every ballot in the record is in the list (SPEC §8, check ballots)
    const codeList = navigator.onLine
      ? await answer(apiClient().meetings[':id'].codes.$get({ param: { id: meetingId } })).catch(
          () => undefined,
        )
      : undefined;
    state.loading = false;
    verify(text, { kind: 'server', meetingId }, codeList ?? undefined);
  } catch (error) {
    Object.assign(state, {
      loading: false,
      error: error instanceof ApiError ? error.message : String(error),
    });
    render();
  }
}

async function loadFile(file: File): Promise<void> {
  try {
    verify(await file.text(), { kind: 'file', name: file.name });
  } catch {
    Object.assign(state, { error: t('verify.error.file', { name: file.name }) });
    render();
  }
}

function sourceForm(): HTMLElement {
  const meeting = h('input', {
    attrs: {
      id: 'meeting',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      value: state.source?.kind === 'server' ? state.source.meetingId : (params.get('meeting') ?? ''),
    },
  });
  const file = h('input', {
    attrs: { id: 'record-file', type: 'file', accept: '.json,application/json' },
    on: { change: () => file.files?.[0] && loadFile(file.files[0]) },
  });
  return h(
    'section',
    {},
    h('p', { text: t('verify.intro') }),
    h(
      'form',
      {
        on: {
          submit: (event) => {
            event.preventDefault();
            const id = meeting.value.trim();
            if (id) void loadFromServer(id);
          },
        },
      },
      h('label', { class: 'field', attrs: { for: 'meeting' }, text: t('verify.meeting.label') }),
      meeting,
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', attrs: { type: 'submit' }, text: t('verify.meeting.load') }),
      ),
    ),
    h('label', { class: 'field', attrs: { for: 'record-file' }, text: t('verify.file.label') }),
    file,
  );
}

function summary(report: VerifyReport): HTMLElement {
  return h(
    'div',
    {
      class: `notice ${report.ok ? 'ok' : 'error'}`,
      attrs: { id: 'verdict', role: 'status', 'data-ok': String(report.ok) },
    },
    h('h2', { text: report.ok ? t('verify.valid') : t('verify.invalid') }),
    h('p', {
      text: t('verify.summary', { meeting: report.meetingId ?? '?', ballots: report.ballots }),
    }),
    state.fingerprint
      ? h(
          'p',
          {},
          t('verify.fingerprint'),
          ' ',
          h('code', { attrs: { id: 'result-fingerprint' }, text: state.fingerprint }),
        )
      : null,
  );
}

function sourceLine(source: Source): string {
  return source.kind === 'server'
    ? t('verify.source.server', { meeting: source.meetingId })
    : t('verify.source.file', { name: source.name });
}

function render(): void {
  const codes = state.report?.confirmationCodes ?? null;
  mount(
    byId('app'),
    h('h1', { text: t('verify.title') }),
    sourceForm(),
    state.error ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: state.error }) : null,
    state.loading ? h('p', { attrs: { role: 'status' }, text: t('verify.loading') }) : null,
    state.source && !state.loading && !state.error
      ? h(
          'section',
          { attrs: { id: 'report' } },
          h('h2', { text: t('verify.report') }),
          h('p', { class: 'muted', text: sourceLine(state.source) }),
          state.running ? h('div', {}, progress, progressLabel) : null,
          state.report ? summary(state.report) : null,
          checksView(state.report?.checks ?? null),
          codeLookupView(
            codes,
            state.codeText,
            (text) => {
              state.codeText = text;
            },
            (text) => {
              state.codeText = text;
              state.answer = codes ? lookUpCode(text, codes) : null;
              render();
            },
            state.answer,
          ),
        )
      : null,
  );
}

/** The first visit, before the service worker runs: the page keeps the record it loaded itself. */
function keepForOfflineReload(path: string, text: string): void {
  const response = new Response(text, { headers: { 'content-type': 'application/json' } });
  keepRecord(path, response).catch(() => {
    // storage refused: an offline reload will ask for a file instead
  });
}

/** Keeps the page for offline use; without a service worker (an old browser) it only needs the network. */
function keepForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(() => {
    // not kept (private mode, storage refused): the page works online as before
  });
}

startPage(() => t('verify.title'), render);
keepForOffline();
const initialMeeting = params.get('meeting');
if (initialMeeting) void loadFromServer(initialMeeting);

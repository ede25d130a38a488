// The verifier (/verify): loads a meeting record from this server (?meeting=<id>) or from a file on the
// device, checks it as it arrives in a Web Worker (record-feed.ts) with crypto/ and the rules engine only, shows every named check, and
// finds a voter's confirmation code. A service worker (offline-worker.ts) keeps the page, so once it has
// been opened it opens again and checks a file with no connection.
import type { CodeList, VerifyReport } from '../../crypto/index.ts';
import { ApiError, apiResponse } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { filePicker } from '../shared/forms.ts';
import { formatNumber, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { JobCancelled, workerSupply } from '../shared/worker-job.ts';
import { checksView } from './checks-view.ts';
import { type CodeAnswer, codeLookupView, lookUpCode } from './code-lookup.ts';
import { keepWhileReading, recordPath } from './kept-records.ts';
import { type Feed, type FeedProgress, FeedReadError, feedRecord } from './record-feed.ts';

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

/** Inside the service worker's scope (/verify), so the worker also starts offline (build-web.ts). */
const nextWorker = workerSupply('/verify-worker.js');
let feed: Feed | null = null;
const progress = h('progress', { attrs: { max: 1, value: 0, id: 'verify-progress' } });
const progressLabel = h('p', { class: 'progress-label', attrs: { role: 'status' } });

/** Megabytes with two decimals (a small record is tens of kilobytes), as the page's language writes numbers. */
const megabytes = (bytes: number) => formatNumber(Math.round(bytes / 1e4) / 100);

/** How much of the record is read (of its size, when the server or the file gave it) and checked. */
function showProgress({ read, total, ballots }: FeedProgress): void {
  progress.max = Math.max(total, read, 1);
  progress.value = read;
  progressLabel.textContent =
    read === 0
      ? t('verify.progress.start')
      : total > 0
        ? t('verify.progress.ballots', { ballots, read: megabytes(read), total: megabytes(total) })
        : t('verify.progress.read', { ballots, read: megabytes(read) });
}

/** Checks the record streamed in `body`, replacing any check still running. */
function verify(
  body: ReadableStream<Uint8Array>,
  total: number,
  source: Source,
  codeList: () => Promise<CodeList | undefined> = async () => undefined,
): void {
  feed?.cancel();
  Object.assign(state, { source, report: null, error: null, running: true, answer: null, fingerprint: null });
  showProgress({ read: 0, total, ballots: 0 });
  render();
  const current = feedRecord(nextWorker(), body, total, codeList, showProgress);
  feed = current;
  current.result.then(
    ({ report, fingerprint }) => {
      if (feed !== current) return;
      Object.assign(state, { report, fingerprint, running: false });
      if (state.codeText) state.answer = lookUpCode(state.codeText, report.confirmationCodes);
      render();
    },
    (error: Error) => {
      if (error instanceof JobCancelled || feed !== current) return;
      Object.assign(state, {
        running: false,
        error:
          error instanceof FeedReadError
            ? source.kind === 'file'
              ? t('verify.error.file', { name: source.name })
              : t('error.network')
            : t('verify.error.worker', { message: error.message }),
      });
      render();
    },
  );
}

const sizeOf = (response: Response) => Number(response.headers.get('content-length')) || 0;

async function loadFromServer(meetingId: string): Promise<void> {
  feed?.cancel();
  feed = null;
  Object.assign(state, { loading: true, error: null, source: { kind: 'server', meetingId } });
  render();
  try {
    const path = recordPath(meetingId);
    const fresh = await apiResponse(path);
    // the first visit, before the service worker runs: the page keeps the record it loads itself
    const response = navigator.serviceWorker?.controller ? fresh : keepWhileReading(path, fresh);
    if (!response.body) throw new ApiError(response.status, 'bad_response', t('error.badResponse'));
    state.loading = false;
    // read after the record, so every ballot in the record is in the list (SPEC §8, check ballots)
    const codeList = async () =>
      navigator.onLine
        ? ((await answer(apiClient().meetings[':id'].codes.$get({ param: { id: meetingId } })).catch(
            () => undefined,
          )) ?? undefined)
        : undefined;
    verify(response.body, sizeOf(response), { kind: 'server', meetingId }, codeList);
  } catch (error) {
    Object.assign(state, {
      loading: false,
      error: error instanceof ApiError ? error.message : String(error),
    });
    render();
  }
}

function loadFile(file: File): void {
  try {
    verify(file.stream(), file.size, { kind: 'file', name: file.name });
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
    filePicker(file),
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

// `npm run bench:verify-browser [RECORD]`: the /verify page in Debian's Chromium (playwright-core) checks
// a record file chosen as a phone chooses it, on a phone BENCH_THROTTLE times slower (default 6, the
// issue's slow phone), and prints as JSON lines the wall time to the final report, whether every check
// passes, the peak JavaScript heap of the page (CDP Performance.getMetrics) and of its verifier worker
// (CDP Runtime.getHeapUsage on its target), sampled every second, and the load average.
// The slowing is of the whole renderer process, page and worker alike (throttleRenderer); CDP's own CPU
// throttling would slow the page's thread only, since Chromium refuses Emulation.setCPUThrottlingRate on a
// worker ("Operation is only supported for pages, not workers"), and the checks run in the worker.
// Without a RECORD it first writes a seeded demo record of BENCH_VOTERS (default 3) voters × 100 questions
// × 4 options, as bench/verify.ts does; a 100 × 100 record comes from `phieukin simulate --out`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser, PHONE } from '../test/e2e/browser.ts';
import { startE2eServer } from '../test/e2e/server.ts';
import { emit, seededRecordFile } from './figures.ts';

/**
 * The page's dedicated workers as CDP targets (auto-attached, not flattened: playwright's CDPSession sends
 * to one session only, so their messages travel inside Target.sendMessageToTarget), asked for their heap.
 */
async function workerSessions(cdp: CDPSession) {
  const sessions = new Set<string>();
  const waiting = new Map<number, (result: unknown) => void>();
  let next = 1;
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message) as { id?: number; result?: unknown; error?: unknown };
    if (answer.id !== undefined) waiting.get(answer.id)?.(answer.result ?? null);
    waiting.delete(answer.id ?? -1);
  });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') sessions.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.delete(sessionId));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    heaps: async () =>
      (
        await Promise.all(
          [...sessions].map(
            (id) => send(id, 'Runtime.getHeapUsage') as Promise<{ usedSize?: number } | null>,
          ),
        )
      ).flatMap((usage) => (usage?.usedSize === undefined ? [] : [usage.usedSize])),
  };
}

/**
 * Every thread of the browser's renderer processes (the page, its worker and the service worker) slowed
 * `rate` times: let go by SIGCONT for 10 ms at a time, then stopped by SIGSTOP until their running time is
 * 1/rate of the wall time, as on a phone whose cores are all `rate` times slower. Returns a stop that lets
 * them run again and gives the share of the wall time they were let run, as measured.
 */
async function throttleRenderer(browser: Browser, rate: number) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: Array<{ type: string; id: number }>;
  };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  if (renderers.length === 0) throw new Error('no renderer process to throttle');
  const signal = (name: NodeJS.Signals) => {
    for (const pid of renderers) process.kill(pid, name);
  };
  const RUN_MS = 10;
  const started = performance.now();
  let running = 0;
  let active = true;
  let timer: NodeJS.Timeout | undefined;
  const cycle = () => {
    if (!active) return;
    const resumed = performance.now();
    signal('SIGCONT');
    timer = setTimeout(() => {
      if (!active) return;
      signal('SIGSTOP');
      const now = performance.now();
      running += now - resumed;
      // stopped until the run so far is 1/rate of the wall time, which also makes up for late timers
      timer = setTimeout(cycle, Math.max(0, started + running * rate - now));
    }, RUN_MS);
  };
  if (rate > 1) cycle();
  return {
    stop() {
      active = false;
      clearTimeout(timer);
      signal('SIGCONT');
      const wall = performance.now() - started;
      return rate > 1 ? running / wall : 1;
    },
  };
}

const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 6);
const dir = mkdtempSync(join(tmpdir(), 'phieukin-bench-verify-browser-'));
const server = await startE2eServer();
const browser = await launchBrowser(['--enable-precise-memory-info']);
let throttle: Awaited<ReturnType<typeof throttleRenderer>> | undefined;
try {
  const record = process.argv[2]
    ? resolve(process.argv[2])
    : seededRecordFile(dir, Number(process.env.BENCH_VOTERS ?? 3));
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.origin}/verify`);
  await page.locator('#record-file').waitFor();
  const workers = await workerSessions(cdp);

  let pageHeap = 0;
  let workerHeap: number | null = null;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    pageHeap = Math.max(pageHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    for (const used of await workers.heaps()) workerHeap = Math.max(workerHeap ?? 0, used);
  };
  const loadStart = loadavg()[0]!;
  const started = performance.now();
  let lastLine = started;
  const sampler = setInterval(() => {
    void sample().then(async () => {
      // a line every minute, so a long throttled run shows where it is before it ends
      if (performance.now() - lastLine < 60_000) return;
      lastLine = performance.now();
      const label = await page
        .locator('.progress-label')
        .textContent()
        .catch(() => null);
      console.log(
        JSON.stringify({
          at: Number(((lastLine - started) / 1000).toFixed(1)),
          progress: label,
          pageHeapMB: pageHeap / 1e6,
          workerHeapMB: workerHeap === null ? null : workerHeap / 1e6,
          load: loadavg()[0],
        }),
      );
    });
  }, 1000);
  await page.locator('#record-file').setInputFiles(record);
  throttle = await throttleRenderer(browser, THROTTLE);
  const verdict = page.locator('#verdict');
  await verdict.waitFor();
  const wall = (performance.now() - started) / 1000;
  const runningShare = throttle.stop();
  clearInterval(sampler);
  await sample().catch(() => {});
  const failing = await page.locator('.check[data-status="fail"]').count();
  emit('verify-browser: record size', statSync(record).size / 1e6, 'MB');
  emit('verify-browser: slowed', THROTTLE, '×');
  emit('verify-browser: share of the time the renderer ran', runningShare * 100, '%');
  emit(
    'verify-browser: every check passes',
    (await verdict.getAttribute('data-ok')) === 'true' ? 1 : 0,
    'yes=1',
  );
  emit('verify-browser: failing checks', failing, '');
  emit('verify-browser: wall time to the report', wall, 's');
  emit('verify-browser: peak JS heap, page', pageHeap / 1e6, 'MB');
  emit('verify-browser: peak JS heap, worker', workerHeap === null ? null : workerHeap / 1e6, 'MB');
  emit('load average at the start', loadStart, '');
  emit('load average at the end', loadavg()[0]!, '');
} finally {
  throttle?.stop();
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

// `phieukin verify FILE [--codes LIST] [--json]`: every check of SPEC §8 with pass, fail or pending and the
// reasons; with --codes, the server's confirmation-code list (GET /api/meetings/:id/codes) is compared too.
// Imports crypto/ (and the pure rules engine to recompute outcomes) only: no server code.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CodeList, Reason, VerifyReport } from '../../crypto/index.ts';
import { CHECK_STATUS_TEXTS, CHECK_TEXTS, reasonText } from '../shared/verify-reasons.ts';
import { spawnTypeScriptWorker } from '../typescript-worker.ts';
import { parsedOrUsage } from './arguments.ts';
import { progressLine } from './progress.ts';
import type { VerifyJob } from './verify-worker.ts';

const USAGE = 'Usage: phieukin verify FILE [--codes LIST.json] [--json]';

/** A problem or note as the rest of the output speaks: Vietnamese, then the report's exact English. */
const bilingual = (r: Reason): string => `${reasonText(r, 'vi')} / ${r.text}`;

/**
 * The thread's heap bounds: a group of ballots checked at a time is the verifier's peak (about 10 MB live
 * after each collection for 8 ballots of 400 options; 48 MB was too little for the group's garbage), so
 * 64 MB holds the whole command to about 200 MB where an unbounded heap grew to 300–400 MB before
 * collecting. A record whose ballots do not fit is refused with "out of memory", not checked in part.
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

function verifiedInThread(
  job: VerifyJob,
  onProgress: (progress: { ballots: number; read: number }) => void,
): Promise<VerifyReport> {
  return new Promise((resolve, reject) => {
    const worker = spawnTypeScriptWorker(new URL('./verify-worker.ts', import.meta.url), {
      workerData: job,
      resourceLimits: THREAD_LIMITS,
    });
    worker.on(
      'message',
      (m: { progress?: { ballots: number; read: number }; report?: VerifyReport; error?: string }) => {
        if (m.progress) onProgress(m.progress);
        else if (m.report) resolve(m.report);
        else reject(new Error(m.error));
      },
    );
    worker.on('error', (e) =>
      reject(
        (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error('hết bộ nhớ khi kiểm một nhóm phiếu / out of memory checking a group of ballots')
          : e,
      ),
    );
    worker.on('exit', (code) => reject(new Error(`verifier thread exited (${code})`)));
  });
}

export async function run(args: string[]): Promise<number> {
  const parsed = parsedOrUsage(USAGE, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, codes: { type: 'string' } },
    }),
  );
  if (!parsed) return 2;
  const file = parsed.positionals[0];
  const json = parsed.values.json ?? false;
  if (!file) {
    console.error(`Thiếu tệp hồ sơ / missing record file\n${USAGE}`);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    console.error(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  let codeList: CodeList | undefined;
  if (parsed.values.codes) {
    try {
      codeList = JSON.parse(readFileSync(parsed.values.codes, 'utf8')) as CodeList;
    } catch (e) {
      console.error(
        `Không đọc được danh sách mã / cannot read ${parsed.values.codes}: ${(e as Error).message}`,
      );
      return 2;
    }
  }
  const show = progressLine();
  // The record is streamed: a 25 MB record is never held whole, only the group of ballots being checked.
  let report: VerifyReport;
  try {
    report = await verifiedInThread({ file, codeList }, ({ ballots, read }) =>
      show(
        `đã kiểm ${ballots} phiếu, đã đọc hồ sơ (MB) / ballots checked ${ballots}, record read (MB)`,
        Math.floor(read / 1e6),
        Math.ceil(size / 1e6),
      ),
    );
  } catch (e) {
    show.done();
    console.error(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  show.done();
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const c of report.checks) {
      const { name } = CHECK_TEXTS[c.name];
      const line = `${c.status.toUpperCase().padEnd(7)} ${c.name.padEnd(13)} ${CHECK_STATUS_TEXTS[c.status].vi}: ${name.vi} / ${name.en}`;
      console.log(c.note ? `${line} (${bilingual(c.note)})` : line);
      for (const p of c.problems) console.log(`        - ${bilingual(p)}`);
    }
    console.log(
      report.ok
        ? `Hợp lệ: cuộc họp ${report.meetingId}, ${report.ballots} phiếu, mọi mục đều đạt / valid: meeting ${report.meetingId}, ${report.ballots} ballots, every check passes`
        : 'KHÔNG hợp lệ: xem các mục trên / NOT valid: see the checks above',
    );
  }
  return report.ok ? 0 : 1;
}

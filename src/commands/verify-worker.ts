// The thread `phieukin verify` checks a record in: verifyRecordStream on the file, its progress and its
// report posted back. A thread of its own so that its heap can be bounded (verify.ts): streamed, the
// verifier holds about 10 MB after each collection, but V8 lets an unbounded heap grow to ten times that.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type CodeList, verifyRecordStream } from '../../crypto/index.ts';
import { outcomeForResult } from '../shared/rules/index.ts';

export type VerifyJob = { file: string; codeList?: CodeList };

const { file, codeList } = workerData as VerifyJob;
try {
  const report = await verifyRecordStream(createReadStream(file), {
    onProgress: ({ ballots, read }) => parentPort!.postMessage({ progress: { ballots, read } }),
    outcome: outcomeForResult,
    codeList,
  });
  parentPort!.postMessage({ report });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}

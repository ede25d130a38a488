// The verifier's Web Worker: runs verifyRecord (SPEC §8) with the rules engine recomputing the outcome,
// off the page's thread, reporting progress through the ballots.
import { type VerifyReport, verifyRecord } from '../../crypto/index.ts';
import { outcomeForResult } from '../../src/shared/rules/index.ts';
import { serveJobs } from '../shared/worker-job.ts';

export type VerifyRequest = { recordText: string };

serveJobs<VerifyRequest, VerifyReport>(({ recordText }, progress) =>
  verifyRecord(recordText, {
    outcome: outcomeForResult,
    onProgress: (stage, done, total) => progress(done, total, stage),
  }),
);

// The verifier's Web Worker: runs verifyRecord (SPEC §8) with the rules engine recomputing the outcome,
// off the page's thread, reporting progress through the ballots.
import { type CodeList, type VerifyReport, verifyRecord } from '../../crypto/index.ts';
import { outcomeForResult } from '../../src/shared/rules/index.ts';
import { serveJobs } from '../shared/worker-job.ts';

/** `codeList`: the server's confirmation-code list, read after the record, for check `ballots` to compare. */
export type VerifyRequest = { recordText: string; codeList?: CodeList };

serveJobs<VerifyRequest, VerifyReport>(({ recordText, codeList }, progress) =>
  verifyRecord(recordText, {
    outcome: outcomeForResult,
    codeList,
    // done/total: how much of the record is read; the stage carries how many ballots are checked
    onProgress: ({ ballots, read }) => progress(read, recordText.length, String(ballots)),
  }),
);

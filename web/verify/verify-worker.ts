// The verifier's Web Worker: the page hands it the record a piece at a time as the bytes arrive
// (record-feed.ts), and it feeds them to RecordVerifier (SPEC §8) with the rules engine recomputing the
// outcome, off the page's thread, so neither the page nor the worker ever holds the record's whole text.
import {
  base64url,
  type CodeList,
  RecordVerifier,
  resultHash,
  type VerifyReport,
} from '../../crypto/index.ts';
import { outcomeForResult } from '../../src/shared/rules/index.ts';

/** From the page: the record's next bytes, then the end with the server's confirmation-code list. */
export type FeedMessage = { type: 'piece'; bytes: Uint8Array } | { type: 'end'; codeList?: CodeList };

/**
 * To the page: `taken` after each piece (the page sends the next only then, so pieces do not pile up here
 * while the checks are slower than the network), the ballots checked so far, and at the end the report
 * with the result's fingerprint (null: the record has no result yet).
 */
export type VerifierMessage =
  | { type: 'taken'; bytes: number }
  | { type: 'ballots'; ballots: number }
  | { type: 'done'; report: VerifyReport; fingerprint: string | null }
  | { type: 'error'; message: string };

const post = (message: VerifierMessage) => (self as unknown as Worker).postMessage(message);
const verifier = new RecordVerifier({
  outcome: outcomeForResult,
  onProgress: ({ ballots }) => post({ type: 'ballots', ballots }),
});

self.onmessage = (event: MessageEvent<FeedMessage>) => {
  const message = event.data;
  try {
    if (message.type === 'piece') {
      verifier.read(message.bytes);
      post({ type: 'taken', bytes: message.bytes.length });
      return;
    }
    const report = verifier.finish(message.codeList);
    const payload = verifier.resultPayload;
    post({ type: 'done', report, fingerprint: payload === null ? null : base64url(resultHash(payload)) });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};

// The trustee's Web Worker: the decryption share D_i = s_i·A of every option with its proof (SPEC §5),
// off the page's thread. The key share stays on the phone; only the share and proofs are returned.
import {
  type DecryptionSharePayload,
  decodeTally,
  decryptionShare,
  meetingContext,
  type TallyPayload,
} from '../../crypto/index.ts';
import { serveJobs } from '../shared/worker-job.ts';
import { decodeKeyShare, type encodeKeyShare } from './trustee-storage.ts';

export type DecryptRequest = {
  manifestText: string;
  jointKey: string;
  keyShare: ReturnType<typeof encodeKeyShare>;
  tally: TallyPayload;
};

serveJobs<DecryptRequest, DecryptionSharePayload>(({ manifestText, jointKey, keyShare, tally }) => {
  const mc = meetingContext(manifestText, jointKey);
  return decryptionShare(mc, decodeKeyShare(keyShare), decodeTally(mc, tally));
});

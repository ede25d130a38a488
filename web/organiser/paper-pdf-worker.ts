// A Web Worker that makes the paper ballots' PDF (src/shared/paper/pdf.ts, the same file as
// `phieukin paper print`), off the page's thread and loaded only when the organiser saves one. The
// tokens arrive from the page and leave only as the PDF's bytes.
import type { Manifest } from '../../crypto/index.ts';
import type { PaperPage } from '../../src/shared/paper/layout.ts';
import { type PaperBallot, paperBallotsPdf } from '../../src/shared/paper/pdf.ts';
import type { WorkerMessage } from '../shared/worker-job.ts';

export type PaperPdfRequest = { manifest: Manifest; ballots: Array<PaperBallot & { pages: PaperPage[] }> };

async function font(file: string): Promise<Uint8Array> {
  const response = await fetch(new URL(file, self.location.href));
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

self.onmessage = (event: MessageEvent<PaperPdfRequest>) => {
  const post = (message: WorkerMessage<Uint8Array>) => (self as unknown as Worker).postMessage(message);
  const { manifest, ballots } = event.data;
  Promise.all([font('DejaVuSans.ttf'), font('DejaVuSans-Bold.ttf')])
    .then(([regular, bold]) => paperBallotsPdf(manifest, ballots, { regular, bold }))
    .then(
      (result) => post({ type: 'done', result }),
      (error: Error) => post({ type: 'error', message: error.message }),
    );
};

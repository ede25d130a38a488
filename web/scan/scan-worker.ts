// The board's scanning phone reads camera frames here, off the page's thread (SPEC §3.1): the QR names
// the ballot and the page, the meeting's manifest gives that ballot's layout, and the paper reader
// (src/shared/paper/read.ts) judges every box. One frame at a time; the page sends the next when the
// answer is back.
import { type Manifest, parseManifest } from '../../crypto/index.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { type PageReading, readPaperPage } from '../../src/shared/paper/read.ts';

export type ScanRequest =
  | { type: 'manifest'; manifestText: string }
  | { type: 'frame'; rgba: Uint8ClampedArray; width: number; height: number };
/** `reading` is null when the frame holds no QR code at all. */
export type ScanAnswer = { reading: PageReading | null };

let manifest: Manifest | null = null;

function read(rgba: Uint8ClampedArray, width: number, height: number): PageReading | null {
  const qr = findQr(rgba, width, height);
  if (!qr || !manifest) return null;
  const serial = qr.text.split(':').at(-4) ?? '';
  const layout = { meetingId: manifest.meetingId, pages: ballotPages(manifest, serial) };
  return readPaperPage({ rgba, width, height }, layout, () => qr);
}

self.onmessage = (event: MessageEvent<ScanRequest>) => {
  const message = event.data;
  if (message.type === 'manifest') {
    manifest = parseManifest(message.manifestText);
    return;
  }
  const answer: ScanAnswer = { reading: read(message.rgba, message.width, message.height) };
  (self as unknown as Worker).postMessage(answer);
};

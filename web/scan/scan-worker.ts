// The board's scanning phone reads camera frames here, off the page's thread (SPEC §3.1): the QR names
// the ballot and the page, the meeting's manifest gives that ballot's layout, and the paper reader
// (src/shared/paper/read.ts) judges every box. One frame at a time; the page sends the next when the
// answer is back.
import { type Manifest, parseManifest } from '../../crypto/index.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { NO_QR, type PageReading, readPage } from '../../src/shared/paper/read.ts';

export type ScanRequest =
  | { type: 'manifest'; manifestText: string }
  | { type: 'frame'; rgba: Uint8ClampedArray; width: number; height: number };
/** `reading` is null when the frame holds no QR code at all. */
export type ScanAnswer = { reading: PageReading | null };

let manifest: Manifest | null = null;

function read(rgba: Uint8ClampedArray, width: number, height: number): PageReading | null {
  const known = manifest;
  if (!known) return null;
  const pageOf = (serial: string, page: number) => ballotPages(known, serial).find((p) => p.page === page);
  const reading = readPage({ rgba, width, height }, known.meetingId, pageOf, findQr);
  return reading.problems[0] === NO_QR ? null : reading;
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

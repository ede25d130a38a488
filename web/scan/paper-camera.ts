// Continuous scanning of paper ballots: frames from the phone's camera (getUserMedia; a secure page) go
// one at a time to the reading worker (scan-worker.ts) as fast as it answers, at most every EVERY_MS.
// A frame in which a page was found comes back with a picture of that frame, for the board to look at.
import type { PageReading } from '../../src/shared/paper/read.ts';
import type { ScanAnswer, ScanRequest } from './scan-worker.ts';

/** The longest side of a frame as read: about 7 px per millimetre of an A4 page filling the picture. */
const MAX_SIDE = 2000;
export const EVERY_MS = 120;

export type ReadFrame = { reading: PageReading; picture: string; width: number; height: number };
export type PaperCamera = { stop: () => void };

export async function startPaperCamera(
  video: HTMLVideoElement,
  manifestText: string,
  onRead: (frame: ReadFrame) => void,
): Promise<PaperCamera> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1440 } },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
  const worker = new Worker('/assets/scan-worker.js');
  worker.postMessage({ type: 'manifest', manifestText } satisfies ScanRequest);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const next = () => {
    if (!stopped) timer = setTimeout(frame, EVERY_MS);
  };
  const frame = () => {
    const { videoWidth: w, videoHeight: h } = video;
    if (!w || !h) return next();
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const request: ScanRequest = {
      type: 'frame',
      rgba: image.data,
      width: image.width,
      height: image.height,
    };
    worker.postMessage(request, [image.data.buffer]);
  };
  worker.onmessage = (event: MessageEvent<ScanAnswer>) => {
    const { reading } = event.data;
    if (reading && !stopped)
      onRead({
        reading,
        picture: reading.problems.length === 0 ? canvas.toDataURL('image/jpeg', 0.8) : '',
        width: canvas.width,
        height: canvas.height,
      });
    next();
  };
  next();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      worker.terminate();
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}

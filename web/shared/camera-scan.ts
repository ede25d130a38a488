// Scanning cards with the page's own camera (the booth on a kiosk tablet or a phone whose camera app does
// not open links; the organiser activating a pile of cards): frames from getUserMedia go through jsQR.
// Needs a secure page (HTTPS or localhost); elsewhere the pages offer typing the code only.
import jsQR from 'jsqr';

export const cameraAvailable = (): boolean =>
  window.isSecureContext && typeof navigator.mediaDevices?.getUserMedia === 'function';

export type Scanner = { stop: () => void };

const MAX_SIDE = 640;
const EVERY_MS = 150;
/** In `many` mode, a code seen again within this time counts as the same card still held up. */
const SAME_CARD_MS = 3000;

/**
 * Starts the camera in `video` and calls `onText` with the first QR code read, then stops; with
 * `{ many: true }` it keeps reading, once per card shown (a code held in view is not read again).
 */
export async function startScanner(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  options: { many?: boolean } = {},
): Promise<Scanner> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  let timer: ReturnType<typeof setInterval> | null = null;
  let last = { text: '', at: 0 };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  timer = setInterval(() => {
    const { videoWidth: w, videoHeight: h } = video;
    if (!w || !h) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!code?.data) return;
    if (!options.many) {
      stop();
      onText(code.data);
      return;
    }
    const now = Date.now();
    const same = code.data === last.text && now - last.at < SAME_CARD_MS;
    last = { text: code.data, at: now };
    if (!same) onText(code.data);
  }, EVERY_MS);
  return { stop };
}

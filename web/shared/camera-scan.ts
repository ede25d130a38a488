// Scanning a card with the page's own camera (a kiosk tablet, or a phone whose camera app does not open
// links): frames from getUserMedia go through jsQR until a QR code is read. Needs a secure page (HTTPS or
// localhost); elsewhere the booth offers typing the code only.
import jsQR from 'jsqr';

export const cameraAvailable = (): boolean =>
  window.isSecureContext && typeof navigator.mediaDevices?.getUserMedia === 'function';

export type Scanner = { stop: () => void };

const MAX_SIDE = 640;
const EVERY_MS = 150;

/** Starts the camera in `video` and calls `onText` once with the first QR code read. */
export async function startScanner(
  video: HTMLVideoElement,
  onText: (text: string) => void,
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
    if (code?.data) {
      stop();
      onText(code.data);
    }
  }, EVERY_MS);
  return { stop };
}

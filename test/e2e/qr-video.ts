// A fake camera for Chromium: a Y4M video whose frames show one QR code, black on white with its quiet
// zone (--use-file-for-fake-video-capture).
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

export function writeQrVideo(file: string, text: string, frames = 5): void {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'Q' }).modules;
  const cell = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 8));
  const left = Math.floor((WIDTH - cell * size) / 2);
  const top = Math.floor((HEIGHT - cell * size) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < size * cell; y++)
    for (let x = 0; x < size * cell; x++)
      if (data[Math.floor(y / cell) * size + Math.floor(x / cell)]) luma[(top + y) * WIDTH + left + x] = 16;
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

// A fake camera for Chromium showing marked paper ballots one after another, as a board member holds the
// stack up to the phone: each page rendered from the real PDF, turned a little and set on a grey table, in
// a Y4M video (--use-file-for-fake-video-capture) that Chromium plays in a loop.
import { writeFileSync } from 'node:fs';
import type { Image } from '../paper/marking.ts';

const WIDTH = 960;
const HEIGHT = 1280;
const FPS = 2;

/** One frame's luma: the page filling most of the picture, turned by `degrees`, on a grey table. */
function frameLuma(page: Image, degrees: number): Buffer {
  const luma = Buffer.alloc(WIDTH * HEIGHT);
  const scale = Math.min((HEIGHT * 0.94) / page.height, (WIDTH * 0.94) / page.width);
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const dx = (x - WIDTH / 2) / scale;
      const dy = (y - HEIGHT / 2) / scale;
      const px = Math.round(cos * dx + sin * dy + page.width / 2);
      const py = Math.round(-sin * dx + cos * dy + page.height / 2);
      const inside = px >= 0 && py >= 0 && px < page.width && py < page.height;
      const p = (py * page.width + px) * 4;
      luma[y * WIDTH + x] = inside
        ? (page.rgba[p]! * 299 + page.rgba[p + 1]! * 587 + page.rgba[p + 2]! * 114) / 1000
        : 110;
    }
  return luma;
}

/** The pages in order, each held in view for `seconds`, slightly turned one way or the other. */
export function writePaperVideo(file: string, pages: Image[], seconds = 1.5): void {
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frames = pages.flatMap((page, i) => {
    const frame = Buffer.concat([Buffer.from('FRAME\n'), frameLuma(page, i % 2 ? 2.5 : -2), chroma]);
    return Array.from({ length: Math.round(seconds * FPS) }, () => frame);
  });
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...frames]));
}

// Reading printed cards back for the e2e tests: a PNG (a screenshot of a card's QR in print layout)
// decoded to pixels by the browser's own image decoder, and a saved card PDF taken apart with pdf-lib —
// each page's size, and its images in drawing order with their printed size (from the page's `cm`
// operators) and their pixels (the image streams inflated with fflate) — so jsQR reads exactly what prints.
import { unzlibSync } from 'fflate';
import jsQR from 'jsqr';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  type PDFStream,
} from 'pdf-lib';
import type { Page } from 'playwright-core';

/** The text of the QR code in an RGBA image, or null. */
export const readQr = (rgba: Uint8ClampedArray, width: number, height: number): string | null =>
  jsQR(rgba, width, height)?.data ?? null;

/** The pixels of a PNG, decoded in the page (drawn onto a canvas). */
export async function pngPixels(
  page: Page,
  png: Buffer,
): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const decoded = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (const byte of pixels.data) binary += String.fromCharCode(byte);
    return { width: pixels.width, height: pixels.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  return { ...decoded, rgba: new Uint8ClampedArray(Buffer.from(decoded.rgba, 'base64')) };
}

export type PdfImage = {
  widthPt: number;
  heightPt: number;
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
};
export type PdfPage = { widthPt: number; heightPt: number; images: PdfImage[] };

function streamBytes(stream: PDFStream): Uint8Array {
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw stream');
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return stream.contents;
  if (filter !== PDFName.of('FlateDecode')) throw new Error(`unexpected filter ${filter}`);
  return unzlibSync(stream.contents);
}

function imagePixels(stream: PDFStream): Omit<PdfImage, 'widthPt' | 'heightPt'> {
  const dict = stream.dict;
  const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
  const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
  const bits = (dict.get(PDFName.of('BitsPerComponent')) as PDFNumber).asNumber();
  const space = dict.get(PDFName.of('ColorSpace'));
  if (bits !== 8) throw new Error(`unexpected ${bits} bits per component`);
  const channels = space === PDFName.of('DeviceRGB') ? 3 : space === PDFName.of('DeviceGray') ? 1 : 0;
  if (!channels) throw new Error(`unexpected colour space ${space}`);
  const raw = streamBytes(stream);
  if (raw.length !== width * height * channels) throw new Error('image data of the wrong length');
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = raw[i * channels + (channels === 3 ? c : 0)]!;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** The images a content stream draws, in order, with the scale of the matrix in force (their size). */
function drawnImages(content: string): Array<{ name: string; widthPt: number; heightPt: number }> {
  const drawn: Array<{ name: string; widthPt: number; heightPt: number }> = [];
  const stack: Array<{ a: number; d: number }> = [];
  let scale = { a: 1, d: 1 };
  for (const line of content.split('\n').map((l) => l.trim())) {
    if (line === 'q') stack.push(scale);
    else if (line === 'Q') scale = stack.pop() ?? { a: 1, d: 1 };
    else if (line.endsWith(' cm')) {
      const [a, b, c, d] = line.split(/\s+/).map(Number) as [number, number, number, number];
      if (b !== 0 || c !== 0) throw new Error('rotated or skewed drawing');
      scale = { a: scale.a * a, d: scale.d * d };
    } else if (line.endsWith(' Do'))
      drawn.push({ name: line.split(/\s+/)[0]!.slice(1), widthPt: scale.a, heightPt: scale.d });
  }
  return drawn;
}

export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFStream)
        : contents
          ? [contents]
          : [];
    const text = streams.map((s) => Buffer.from(streamBytes(s)).toString('latin1')).join('\n');
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const images = drawnImages(text).map(({ name, widthPt, heightPt }) => {
      const stream = xobjects?.lookup(PDFName.of(name)) as PDFStream | undefined;
      if (!stream) throw new Error(`image ${name} is not among the page's resources`);
      return { widthPt, heightPt, ...imagePixels(stream) };
    });
    const { width, height } = page.getSize();
    return { widthPt: width, heightPt: height, images };
  });
}

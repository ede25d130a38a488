// The photos and scans `phieukin paper read` takes, decoded to RGBA for the reader: PNG (pngjs) and JPEG
// (jpeg-js, what a phone's camera writes), told apart by their first bytes, not by the file's name.
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../shared/paper/read.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Decodes a PNG or JPEG image; throws on anything else or on a damaged file. */
export function decodeImage(bytes: Uint8Array): RgbaImage {
  if (startsWith(bytes, PNG_SIGNATURE)) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { rgba: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
  }
  if (startsWith(bytes, JPEG_SIGNATURE)) {
    // a phone photo is 12–50 megapixels; the limits stop a crafted file from taking all memory
    const jpeg = decodeJpeg(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: 64,
      maxMemoryUsageInMB: 1024,
    });
    return {
      rgba: new Uint8ClampedArray(jpeg.data.buffer, jpeg.data.byteOffset, jpeg.data.length),
      width: jpeg.width,
      height: jpeg.height,
    };
  }
  throw new Error('not a PNG or JPEG image');
}

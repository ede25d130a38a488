// The QR finder the paper reader (read.ts) is given: jsQR over RGBA pixels, its corners clockwise from the
// symbol's top-left. The command line and the board's scanning phone use this one. Pure.
import jsQR from 'jsqr';
import type { FoundQr } from './read.ts';

export function findQr(rgba: Uint8ClampedArray, width: number, height: number): FoundQr | null {
  const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (!code) return null;
  const l = code.location;
  return {
    text: code.data,
    modules: 17 + 4 * code.version,
    corners: [l.topLeftCorner, l.topRightCorner, l.bottomRightCorner, l.bottomLeftCorner],
  };
}

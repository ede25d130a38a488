// Byte codecs of SPEC §0 and §3: base64url without padding (JSON form of bytes), RFC 4648 base32 upper
// case without padding (tokens, confirmation codes), u32be, UTF-8. Decoders throw on anything non-canonical.
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export { concatBytes, utf8ToBytes };

export class CodecError extends Error {
  override name = 'CodecError';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32_INDEX = new Map([...B32].map((ch, i) => [ch, i]));

/** Encodes bits in groups of `width` (6 for base64url, 5 for base32), no padding. */
function encodeBits(bytes: Uint8Array, alphabet: string, width: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= width) {
      bits -= width;
      out += alphabet[(acc >> bits) & ((1 << width) - 1)];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(acc << (width - bits)) & ((1 << width) - 1)];
  return out;
}

/** Strict inverse of encodeBits: rejects unknown characters, impossible lengths and non-zero pad bits. */
function decodeBits(text: string, index: Map<string, number>, width: number, what: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * width) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of text) {
    const v = index.get(ch);
    if (v === undefined) throw new CodecError(`${what}: invalid character ${JSON.stringify(ch)}`);
    acc = (acc << width) | v;
    bits += width;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits >= width || acc !== 0) throw new CodecError(`${what}: non-canonical length or padding bits`);
  return out;
}

export function base64url(bytes: Uint8Array): string {
  return encodeBits(bytes, B64, 6);
}

export function fromBase64url(text: string, length?: number): Uint8Array {
  if (typeof text !== 'string') throw new CodecError('base64url: expected a string');
  const bytes = decodeBits(text, B64_INDEX, 6, 'base64url');
  if (length !== undefined && bytes.length !== length)
    throw new CodecError(`base64url: expected ${length} bytes, got ${bytes.length}`);
  return bytes;
}

export function base32(bytes: Uint8Array): string {
  return encodeBits(bytes, B32, 5);
}

export function fromBase32(text: string, length?: number): Uint8Array {
  const bytes = decodeBits(text, B32_INDEX, 5, 'base32');
  if (length !== undefined && bytes.length !== length)
    throw new CodecError(`base32: expected ${length} bytes, got ${bytes.length}`);
  return bytes;
}

export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new CodecError(`u32: out of range: ${n}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** Equality of public byte strings (not constant-time: never use it on secrets). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Constant-time equality, for MACs. */
export function equalBytesCT(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

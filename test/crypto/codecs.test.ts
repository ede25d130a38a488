// SPEC §0 encodings (base64url, base32, u32be, enc, scalars, H and Hq) and the text forms of SPEC §3–§4
// (tokens, card URLs, confirmation codes). Decoders must refuse anything that is not the one canonical form,
// or two different strings would name the same bytes in a record.
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmationCode } from '../../crypto/ballot.ts';
import { base32, base64url, CodecError, fromBase32, fromBase64url, u32be } from '../../crypto/bytes.ts';
import { cardUrl, parseTokenText, tokenForDisplay, tokenText } from '../../crypto/credential.ts';
import { decodeScalar, encodeScalar, ORDER } from '../../crypto/group.ts';
import { enc, H, Hq, TAG } from '../../crypto/hash.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
/** ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4, RFC 8032 §5.1). */
const ELL = 2n ** 252n + 27742317777372353535851937790883648493n;
const le32 = (n: bigint) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};

describe('SPEC §0 base64url (RFC 4648 §5, no padding)', () => {
  // RFC 4648 §10 test vectors, with the padding removed.
  const VECTORS = [
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ] as const;

  it.each(VECTORS)('RFC 4648 §10: %j ↔ %j', (text, encoded) => {
    expect(base64url(ascii(text))).toBe(encoded);
    expect(fromBase64url(encoded)).toEqual(ascii(text));
  });

  it('uses - and _ (URL alphabet) where standard base64 has + and /', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64url('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
  });

  it.each([
    ['Zg==', 'padding'],
    ['Zm9v=', 'padding'],
    ['+/8', 'standard-alphabet +'],
    ['Zm9v Yg', 'space'],
    ['Zm9v\nYg', 'newline'],
    ['Zm9vYé', 'non-ASCII'],
    ['Z', 'impossible length (1 mod 4)'],
    ['Zm9vY', 'impossible length (5 chars)'],
    ['Zh', 'non-zero padding bits (Zg is canonical)'],
    ['Zm9', 'non-zero padding bits (Zm8 is canonical)'],
  ])('rejects %j (%s)', (text) => {
    expect(() => fromBase64url(text)).toThrow(CodecError);
  });

  it('rejects a value of the wrong length when a length is expected (32-byte point, 64-byte hash)', () => {
    expect(() => fromBase64url(base64url(new Uint8Array(31)), 32)).toThrow(/expected 32 bytes/);
    expect(() => fromBase64url(base64url(new Uint8Array(32)), 64)).toThrow(/expected 64 bytes/);
    expect(fromBase64url(base64url(new Uint8Array(32)), 32)).toHaveLength(32);
  });

  it('rejects what is not a string (a JSON number or null in a record)', () => {
    expect(() => fromBase64url(42 as unknown as string)).toThrow(CodecError);
    expect(() => fromBase64url(null as unknown as string)).toThrow(CodecError);
  });

  it('round-trips any bytes, and the encoding is the only string that decodes to them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = base64url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text).toHaveLength(Math.ceil((bytes.length * 8) / 6));
        expect(fromBase64url(text)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SPEC §0/§3 base32 (RFC 4648 §6, upper case, no padding)', () => {
  const VECTORS = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ] as const;

  it.each(VECTORS)('RFC 4648 §10: %j ↔ %j', (text, encoded) => {
    expect(base32(ascii(text))).toBe(encoded);
    expect(fromBase32(encoded)).toEqual(ascii(text));
  });

  it.each([
    ['MY======', 'padding'],
    ['my', 'lower case (only parseTokenText folds case)'],
    ['MY0', 'digit 0 is not in the alphabet'],
    ['M18', 'digits 1 and 8 are not in the alphabet'],
    ['MZ-XQ', 'dash'],
    ['M', 'impossible length (1)'],
    ['MZX', 'impossible length (3)'],
    ['MZXW6Y', 'impossible length (6)'],
    ['MZ', 'non-zero padding bits (MY is canonical)'],
  ])('rejects %j (%s)', (text) => {
    expect(() => fromBase32(text)).toThrow(CodecError);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = base32(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
        expect(fromBase32(text)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SPEC §3 token text and card URL', () => {
  const token = Uint8Array.from({ length: 16 }, (_, i) => i * 17);

  it('is 26 base32 characters, shown in groups of 4, read back with spaces, dashes and any case', () => {
    const text = tokenText(token);
    expect(text).toHaveLength(26);
    expect(text).toBe(base32(token));
    const shown = tokenForDisplay(token);
    expect(shown).toMatch(/^([A-Z2-7]{4} ){6}[A-Z2-7]{2}$/);
    expect(parseTokenText(shown)).toEqual(token);
    expect(parseTokenText(shown.toLowerCase().replaceAll(' ', '-'))).toEqual(token);
  });

  it('refuses a token text of 25 or 27 characters, a bad character, or non-zero padding bits', () => {
    const text = tokenText(new Uint8Array(16));
    expect(text).toBe('A'.repeat(26));
    expect(() => parseTokenText(text.slice(1))).toThrow(CodecError);
    expect(() => parseTokenText(`${text}A`)).toThrow(CodecError);
    expect(() => parseTokenText(`${text.slice(1)}1`)).toThrow(CodecError);
    // 26 characters carry 130 bits: the last 2 must be zero.
    expect(() => parseTokenText(`${text.slice(0, 25)}B`)).toThrow(CodecError);
  });

  it('puts the token in the URL fragment only (never sent to a server)', () => {
    const url = new URL(cardUrl('https://phieukin.example/', 'chi-bo 7', token));
    expect(url.origin).toBe('https://phieukin.example');
    expect(url.pathname).toBe('/v/chi-bo%207');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#${tokenText(token)}`);
    expect(url.href.split('#')[0]).not.toContain(tokenText(token));
  });
});

describe('SPEC §4 confirmation code', () => {
  it('is the first 10 bytes of ballotHash in base32, shown XXXX-XXXX-XXXX-XXXX', () => {
    const hash = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
    const code = confirmationCode(hash);
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(fromBase32(code.replaceAll('-', ''))).toEqual(hash.subarray(0, 10));
    const other = hash.slice();
    other[10] = other[10]! ^ 1;
    expect(confirmationCode(other)).toBe(code);
    other[9] = other[9]! ^ 1;
    expect(confirmationCode(other)).not.toBe(code);
  });
});

describe('SPEC §0 scalars: 32 bytes little-endian, < ℓ', () => {
  it('ℓ is the ristretto255 group order of RFC 9496', () => {
    expect(ORDER).toBe(ELL);
    expect(bytesToHex(le32(ELL))).toBe('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
  });

  it('encodes little-endian', () => {
    expect(bytesToHex(encodeScalar(1n))).toBe(`01${'00'.repeat(31)}`);
    expect(bytesToHex(encodeScalar(0x0102n))).toBe(`0201${'00'.repeat(30)}`);
    expect(encodeScalar(ELL - 1n)).toEqual(le32(ELL - 1n));
  });

  it('decodes 0 and ℓ − 1', () => {
    expect(decodeScalar(new Uint8Array(32))).toBe(0n);
    expect(decodeScalar(le32(ELL - 1n))).toBe(ELL - 1n);
  });

  it.each([
    ['ℓ', ELL],
    ['ℓ + 1', ELL + 1n],
    ['2ℓ', 2n * ELL],
    ['2^255', 2n ** 255n],
    ['2^256 − 1', 2n ** 256n - 1n],
  ])('decodeScalar rejects %s (value ≥ ℓ)', (_, value) => {
    expect(() => decodeScalar(le32(value))).toThrow(/≥ ℓ/);
  });

  it('decodeScalar rejects 31 and 33 bytes; encodeScalar refuses ℓ and negative values', () => {
    expect(() => decodeScalar(new Uint8Array(31))).toThrow(CodecError);
    expect(() => decodeScalar(new Uint8Array(33))).toThrow(CodecError);
    expect(() => encodeScalar(ELL)).toThrow(CodecError);
    expect(() => encodeScalar(-1n)).toThrow(CodecError);
  });

  it('round-trips every scalar below ℓ', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: ELL - 1n }), (s) => {
        expect(decodeScalar(encodeScalar(s))).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SPEC §0 u32be and enc', () => {
  it.each([
    [0, '00000000'],
    [1, '00000001'],
    [258, '00000102'],
    [0x01020304, '01020304'],
    [0xffffffff, 'ffffffff'],
  ])('u32be(%i) = %s', (n, h) => {
    expect(bytesToHex(u32be(n))).toBe(h);
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN])('u32be refuses %s', (n) => {
    expect(() => u32be(n)).toThrow(CodecError);
  });

  it('enc(b) = 4-byte big-endian length ‖ b, for strings (UTF-8), integers (u32be) and bytes', () => {
    expect(bytesToHex(enc(''))).toBe('00000000');
    expect(bytesToHex(enc(new Uint8Array(0)))).toBe('00000000');
    expect(bytesToHex(enc('abc'))).toBe('00000003616263');
    // ễ is U+1EC5: three UTF-8 bytes.
    expect(bytesToHex(enc('ễ'))).toBe('00000003e1bb85');
    expect(bytesToHex(enc(5))).toBe('0000000400000005');
    expect(bytesToHex(enc(0))).toBe('0000000400000000');
    const point = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(bytesToHex(enc(point))).toBe(`00000020${bytesToHex(point)}`);
  });
});

describe('SPEC §0 H and Hq', () => {
  it('every tag of SPEC §0 is defined, starts with phieukin/v1/, and there are no others', () => {
    const names = [
      'manifest',
      'context',
      'pok',
      'share-kdf',
      'share-mac',
      'zero-or-one',
      'ballot',
      'ballot-sig',
      'decryption',
      'event',
      'result',
      'certify',
      'credential',
      'receipt',
    ];
    expect(Object.values(TAG).sort()).toEqual(names.map((n) => `phieukin/v1/${n}`).sort());
  });

  it('H(tag, x1…xn) = SHA-512(enc(tag) ‖ enc(x1) ‖ … ‖ enc(xn)), preimage written out byte by byte', () => {
    const preimage =
      // enc("phieukin/v1/ballot"): 18 bytes
      `00000012${bytesToHex(ascii('phieukin/v1/ballot'))}` +
      // enc("ab")
      '000000026162' +
      // enc(258) = enc(u32be(258))
      '0000000400000102' +
      // enc(3 bytes)
      '00000003ff0001';
    const expected = sha512(hexToBytes(preimage));
    expect(H(TAG.ballot, 'ab', 258, new Uint8Array([0xff, 0, 1]))).toEqual(expected);
  });

  it('H with no arguments hashes enc(tag) alone', () => {
    expect(H(TAG.event)).toEqual(sha512(hexToBytes(`00000011${bytesToHex(ascii('phieukin/v1/event'))}`)));
  });

  it('matches SHA-512 of the enc’d concatenation for random arguments', () => {
    const arg = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.uint8Array({ maxLength: 70 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(TAG)), fc.array(arg, { maxLength: 5 }), (tag, args) => {
        const parts = [tag, ...args].map((a) => {
          const b =
            typeof a === 'string'
              ? new TextEncoder().encode(a)
              : typeof a === 'number'
                ? hexToBytes(a.toString(16).padStart(8, '0'))
                : a;
          return hexToBytes(b.length.toString(16).padStart(8, '0') + bytesToHex(b));
        });
        const preimage = hexToBytes(parts.map(bytesToHex).join(''));
        expect(bytesToHex(H(tag, ...args))).toBe(bytesToHex(sha512(preimage)));
      }),
      { numRuns: 100 },
    );
  });

  it('the length prefixes separate arguments: ("ab","c") and ("a","bc") hash differently', () => {
    expect(H(TAG.manifest, 'ab', 'c')).not.toEqual(H(TAG.manifest, 'a', 'bc'));
    // …and a tag is part of the hash: the same arguments under two tags differ.
    expect(H(TAG.manifest, 'x')).not.toEqual(H(TAG.context, 'x'));
  });

  it('Hq = H read as a little-endian integer, reduced mod ℓ', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const h = H(TAG.credential, s);
        const le = BigInt(`0x${bytesToHex(h.slice().reverse())}`);
        expect(Hq(TAG.credential, s)).toBe(le % ELL);
      }),
      { numRuns: 100 },
    );
  });
});

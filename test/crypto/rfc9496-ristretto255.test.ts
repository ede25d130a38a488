// RFC 9496 Appendix A (ristretto255 test vectors) against our point codec (SPEC §0: canonical 32-byte
// encodings only, identity refused unless the caller allows it) and the variable-time decode under it
// (crypto/ristretto-codec.ts). The hex below is the RFC's, unchanged.
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { CodecError } from '../../crypto/bytes.ts';
import { decodePoint, encodePoint, encodePublicPoint, G, IDENTITY, mulPublic } from '../../crypto/group.ts';
import { decodeRistrettoPublic } from '../../crypto/ristretto-codec.ts';

/** RFC 9496 §A.1: the encodings of 0·G, 1·G, …, 15·G. */
const MULTIPLES_OF_G = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919',
  '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259',
  'da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57',
  'e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e',
  'f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403',
  '44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d',
  '903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c',
  '02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031',
  '20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f',
  'bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42',
  'e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460',
  'aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f',
  '46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e',
  'e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e',
];

const NON_CANONICAL = 'non-canonical field encoding';
const NEGATIVE = 'negative field element';
const NON_SQUARE = 'non-square x²';
const NEGATIVE_XY = 'negative xy value';

/** RFC 9496 §A.2: encodings every decoder must reject, each with the RFC's reason. */
const INVALID_ENCODINGS: Array<{ hex: string; reason: string }> = [
  { hex: '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', reason: NON_CANONICAL },
  { hex: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', reason: NON_CANONICAL },
  { hex: 'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', reason: NON_CANONICAL },
  { hex: 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', reason: NON_CANONICAL },
  { hex: '0100000000000000000000000000000000000000000000000000000000000000', reason: NEGATIVE },
  { hex: '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', reason: NEGATIVE },
  { hex: 'ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20', reason: NEGATIVE },
  { hex: 'c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562', reason: NEGATIVE },
  { hex: 'c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78', reason: NEGATIVE },
  { hex: '47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24', reason: NEGATIVE },
  { hex: 'f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72', reason: NEGATIVE },
  { hex: '87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309', reason: NEGATIVE },
  { hex: '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371', reason: NON_SQUARE },
  { hex: '4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f', reason: NON_SQUARE },
  { hex: 'de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b', reason: NON_SQUARE },
  { hex: 'bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042', reason: NON_SQUARE },
  { hex: '2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08', reason: NON_SQUARE },
  { hex: 'f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22', reason: NON_SQUARE },
  { hex: '8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731', reason: NON_SQUARE },
  { hex: '2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b', reason: NON_SQUARE },
  { hex: '3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e', reason: NEGATIVE_XY },
  { hex: 'a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220', reason: NEGATIVE_XY },
  { hex: 'd483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e', reason: NEGATIVE_XY },
  { hex: '8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32', reason: NEGATIVE_XY },
  { hex: '32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b', reason: NEGATIVE_XY },
  { hex: '227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165', reason: NEGATIVE_XY },
  { hex: '5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e', reason: NEGATIVE_XY },
  { hex: '445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b', reason: NEGATIVE_XY },
  {
    hex: 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    reason: 's = -1, which causes y = 0',
  },
];

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('RFC 9496 §A.1: multiples of the generator', () => {
  it('lists 16 encodings, 0·G to 15·G', () => {
    expect(MULTIPLES_OF_G).toHaveLength(16);
  });

  it.each(MULTIPLES_OF_G.map((h, i) => [i, h] as const))('encodePoint(%i·G) is the RFC encoding', (i, h) => {
    // 0·G is the identity (noble's multiply refuses 0, SPEC §0): take it from IDENTITY.
    const P = i === 0 ? IDENTITY : mulPublic(G, BigInt(i));
    expect(hex(encodePoint(P))).toBe(h);
    expect(hex(encodePublicPoint(P))).toBe(h);
  });

  it('repeated addition of G walks the same 16 encodings', () => {
    let P = IDENTITY;
    for (const h of MULTIPLES_OF_G) {
      expect(hex(encodePoint(P))).toBe(h);
      P = P.add(G);
    }
  });

  it.each(MULTIPLES_OF_G.slice(1).map((h, i) => [i + 1, h] as const))(
    'decodePoint accepts the encoding of %i·G and re-encodes it unchanged',
    (i, h) => {
      const { x, y, t } = decodeRistrettoPublic(hexToBytes(h)) ?? { x: 0n, y: 0n, t: 1n };
      expect((x * y - t) % (2n ** 255n - 19n)).toBe(0n);
      const P = decodePoint(hexToBytes(h));
      expect(P.equals(mulPublic(G, BigInt(i)))).toBe(true);
      expect(hex(encodePoint(P))).toBe(h);
    },
  );
});

describe('SPEC §0: the identity (0·G, 32 zero bytes)', () => {
  const zero = hexToBytes(MULTIPLES_OF_G[0]!);

  it('is refused by default (public keys, credential keys, C_{i,0}, K)', () => {
    expect(() => decodePoint(zero)).toThrow(CodecError);
    expect(() => decodePoint(zero)).toThrow(/identity/);
  });

  it('is accepted with allowIdentity (a tally value, a proof commitment) and decodes to 0·G', () => {
    const P = decodePoint(zero, true);
    expect(P.is0()).toBe(true);
    expect(P.equals(IDENTITY)).toBe(true);
  });
});

describe('RFC 9496 §A.2: invalid encodings', () => {
  it('lists 29 invalid encodings, each 32 bytes with a reason', () => {
    expect(INVALID_ENCODINGS).toHaveLength(29);
    for (const { hex: h, reason } of INVALID_ENCODINGS) {
      expect(hexToBytes(h)).toHaveLength(32);
      expect(reason.length).toBeGreaterThan(0);
    }
  });

  it.each(INVALID_ENCODINGS)('decodePoint rejects $hex ($reason)', ({ hex: h }) => {
    expect(decodeRistrettoPublic(hexToBytes(h))).toBeUndefined();
    expect(() => decodePoint(hexToBytes(h))).toThrow(CodecError);
    // allowIdentity relaxes only the identity check, never canonicity: `edff…7f` is p itself, a
    // non-canonical way of writing 0, and must stay rejected.
    expect(() => decodePoint(hexToBytes(h), true)).toThrow(/not a canonical/);
  });
});

describe('SPEC §0: point bytes are exactly 32', () => {
  it.each([0, 31, 33, 64])('decodePoint rejects %i bytes', (n) => {
    const bytes = new Uint8Array(n);
    if (n >= 32) bytes.set(encodePoint(G));
    expect(() => decodePoint(bytes, true)).toThrow(/expected 32 bytes/);
  });
});

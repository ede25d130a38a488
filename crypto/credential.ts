// One-time credentials printed on the cards (SPEC §3): a 16-byte token, its base32 text, and the key pair
// derived from it. The token never leaves the organiser's device and the voter's phone.
import { base32, CodecError, fromBase32 } from './bytes.ts';
import { encodePoint, G, mulSecret, type Scalar } from './group.ts';
import { Hq, TAG } from './hash.ts';
import { type RandomSource, secureRandom } from './random.ts';

export const TOKEN_BYTES = 16;
export const TOKEN_TEXT_LENGTH = 26;

export type Credential = { sk: Scalar; pk: Uint8Array };

export function newToken(random: RandomSource = secureRandom): Uint8Array {
  return random(TOKEN_BYTES);
}

/** RFC 4648 base32, upper case, no padding: 26 characters. */
export function tokenText(token: Uint8Array): string {
  return base32(token);
}

/** The token as printed for typing: groups of 4 characters. */
export function tokenForDisplay(token: Uint8Array): string {
  return tokenText(token).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Reads a typed or scanned token: spaces and dashes ignored, case folded; throws CodecError otherwise. */
export function parseTokenText(text: string): Uint8Array {
  const clean = text.replace(/[\s-]/g, '').toUpperCase();
  if (clean.length !== TOKEN_TEXT_LENGTH)
    throw new CodecError(`token: expected ${TOKEN_TEXT_LENGTH} characters`);
  return fromBase32(clean, TOKEN_BYTES);
}

/** sk = Hq("phieukin/v1/credential", meetingId, token), pk = sk·G (sk is secret: constant-time multiply). */
export function credentialFromToken(meetingId: string, token: Uint8Array): Credential {
  if (token.length !== TOKEN_BYTES) throw new CodecError('token: expected 16 bytes');
  const sk = Hq(TAG.credential, meetingId, token);
  return { sk, pk: encodePoint(mulSecret(G, sk)) };
}

/** The card's QR content: `<origin>/v/<meetingId>#<token text>` (the fragment never reaches a server). */
export function cardUrl(origin: string, meetingId: string, token: Uint8Array): string {
  return `${origin.replace(/\/$/, '')}/v/${encodeURIComponent(meetingId)}#${tokenText(token)}`;
}

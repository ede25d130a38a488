// The card's token: read from the URL fragment (which no browser sends to a server) and wiped from the
// address bar at once, or typed from the card. Only its canonical text is kept, in this tab.
import { base64url, credentialFromToken, parseTokenText, tokenText } from '../../crypto/index.ts';
import { typedLetters } from '../shared/typed-code.ts';

/** The meeting id of a booth address `/v/<meetingId>`. */
export function meetingIdFromPath(path: string): string | null {
  const match = /^\/v\/([^/]+)\/?$/.exec(path);
  return match ? decodeURIComponent(match[1]!) : null;
}

const TOKEN_CHARACTERS = 26;

/**
 * A typed card code as the card means it (typed-code.ts). Otherwise where it cannot be read: the first
 * character (its position in what was typed, from 0) that is no card letter, or how many letters there were.
 */
export type TypedToken =
  | { token: string }
  | { unreadable: { at: number; character: string } }
  | { length: number }
  | { malformed: true };

export function readTypedToken(text: string): TypedToken {
  const read = typedLetters(text);
  if ('unreadable' in read) return read;
  const { letters } = read;
  if (letters.length !== TOKEN_CHARACTERS) return { length: letters.length };
  try {
    return { token: tokenText(parseTokenText(letters)) };
  } catch {
    return { malformed: true };
  }
}

/** The token text, or null when the text is not a card's token. */
export function canonicalToken(text: string): string | null {
  const read = readTypedToken(text);
  return 'token' in read ? read.token : null;
}

/** The fragment's token (null: none there, 'malformed'); the fragment leaves the address bar and history. */
export function takeTokenFromFragment(): string | 'malformed' | null {
  const fragment = location.hash.replace(/^#/, '');
  if (!fragment) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return canonicalToken(fragment) ?? 'malformed';
}

/**
 * A scanned card: its URL `<origin>/v/<meetingId>#<token>` (or the bare token text). Returns the token,
 * 'other-meeting' for a card of another meeting, or null when the code is not a card.
 */
export function tokenFromScan(text: string, meetingId: string): string | 'other-meeting' | null {
  const bare = canonicalToken(text);
  if (bare) return bare;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const token = canonicalToken(url.hash.replace(/^#/, ''));
  if (!token) return null;
  return meetingIdFromPath(url.pathname) === meetingId ? token : 'other-meeting';
}

/** The card's public key (base64url), as the server and the record know it. */
export function publicKeyOf(meetingId: string, token: string): string {
  return base64url(credentialFromToken(meetingId, parseTokenText(token)).pk);
}

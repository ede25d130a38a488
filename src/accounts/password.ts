// Organiser passwords: scrypt (@noble/hashes) with a random salt; the cost is stored with each hash.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64url, fromBase64url } from '../meeting/protocol.ts';

export type PasswordHash = { hash: string; salt: string; params: string };

export async function hashPassword(password: string, logN: number): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const params = { N: 2 ** logN, r: 8, p: 1, dkLen: 32 };
  const hash = await scryptAsync(utf8ToBytes(password.normalize('NFC')), salt, params);
  return { hash: base64url(hash), salt: base64url(salt), params: JSON.stringify(params) };
}

export async function checkPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const params = JSON.parse(stored.params) as { N: number; r: number; p: number; dkLen: number };
  const hash = await scryptAsync(utf8ToBytes(password.normalize('NFC')), fromBase64url(stored.salt), params);
  const expected = fromBase64url(stored.hash);
  if (hash.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < hash.length; i++) diff |= hash[i]! ^ expected[i]!;
  return diff === 0;
}

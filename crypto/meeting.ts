// What every ballot, share and result of one meeting is bound to: the manifest, its hash, the joint key K
// (with a fixed-base table, SPEC §4) and ctx (SPEC §1).
import { fromBase64url } from './bytes.ts';
import { decodePoint, type Point, withFixedBaseTable } from './group.ts';
import { contextHash, type Manifest, manifestHash, parseManifest } from './manifest.ts';

export type MeetingContext = {
  manifest: Manifest;
  manifestText: string;
  manifestHash: Uint8Array;
  K: Point;
  KBytes: Uint8Array;
  ctx: Uint8Array;
};

/** Throws (ManifestError, CodecError) when the manifest or K is not valid. */
export function meetingContext(manifestText: string, jointKey: string): MeetingContext {
  const manifest = parseManifest(manifestText);
  const mh = manifestHash(manifestText);
  const KBytes = fromBase64url(jointKey, 32);
  const K = withFixedBaseTable(decodePoint(KBytes));
  return { manifest, manifestText, manifestHash: mh, K, KBytes, ctx: contextHash(mh, KBytes) };
}

// What a trustee's phone keeps for one meeting, in this browser only: the trustee code from the projector,
// the ceremony secrets of the current round, and afterwards the key share s_j with the Ed25519 signing
// key. None of it is ever sent; losing it means this phone can no longer decrypt or sign.
import {
  base64url,
  decodeScalar,
  encodeScalar,
  fromBase64url,
  type TrusteeKeyShare,
  type TrusteeSecrets,
} from '../../crypto/index.ts';

type StoredSecrets = Omit<TrusteeSecrets, 'transport' | 'coefficients' | 'signingKey'> & {
  transport: string;
  coefficients: string[];
  signingKey: string;
};
type StoredKeyShare = { index: number; share: string; signingKey: string };
type Stored = { code: string | null; secrets: StoredSecrets | null; keyShare: StoredKeyShare | null };

export type TrusteeState = {
  code: string | null;
  secrets: TrusteeSecrets | null;
  keyShare: TrusteeKeyShare | null;
};

const keyOf = (meetingId: string) => `phieukin.trustee.${meetingId}`;

function encodeSecrets(s: TrusteeSecrets): StoredSecrets {
  return {
    ...s,
    transport: base64url(encodeScalar(s.transport)),
    coefficients: s.coefficients.map((c) => base64url(encodeScalar(c))),
    signingKey: base64url(s.signingKey),
  };
}

function decodeSecrets(s: StoredSecrets): TrusteeSecrets {
  return {
    ...s,
    transport: decodeScalar(fromBase64url(s.transport, 32)),
    coefficients: s.coefficients.map((c) => decodeScalar(fromBase64url(c, 32))),
    signingKey: fromBase64url(s.signingKey, 32),
  };
}

export const encodeKeyShare = (k: TrusteeKeyShare): StoredKeyShare => ({
  index: k.index,
  share: base64url(encodeScalar(k.share)),
  signingKey: base64url(k.signingKey),
});

export const decodeKeyShare = (k: StoredKeyShare): TrusteeKeyShare => ({
  index: k.index,
  share: decodeScalar(fromBase64url(k.share, 32)),
  signingKey: fromBase64url(k.signingKey, 32),
});

export function loadTrustee(meetingId: string): TrusteeState {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(meetingId)) ?? 'null') as Stored | null;
    return {
      code: stored?.code ?? null,
      secrets: stored?.secrets ? decodeSecrets(stored.secrets) : null,
      keyShare: stored?.keyShare ? decodeKeyShare(stored.keyShare) : null,
    };
  } catch {
    return { code: null, secrets: null, keyShare: null };
  }
}

export function saveTrustee(meetingId: string, state: TrusteeState): void {
  const stored: Stored = {
    code: state.code,
    secrets: state.secrets ? encodeSecrets(state.secrets) : null,
    keyShare: state.keyShare ? encodeKeyShare(state.keyShare) : null,
  };
  localStorage.setItem(keyOf(meetingId), JSON.stringify(stored));
}

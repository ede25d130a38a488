// What the booth keeps on the phone: the card's token for this tab only (so a reload does not lose it),
// the ballot being sent (so a retry sends the very same ballot and can never cast twice), and the
// server's signed receipts, kept for good. A kiosk keeps nothing.
import type { Choices, Receipt } from '../../crypto/index.ts';
import type { EncryptedBallot } from './encrypt-worker.ts';

/** A ballot being sent, with the choices it holds (shown, locked, if the page reloads meanwhile). */
export type PendingBallot = EncryptedBallot & { choices: Choices };

export type KeptReceipt = {
  meetingId: string;
  pk: string;
  confirmationCode: string;
  receipt: Receipt;
  serverKey: string;
  valid: boolean;
  keptAt: number;
};

const RECEIPTS = 'phieukin.receipts';
const tokenKey = (meetingId: string) => `phieukin.token.${meetingId}`;
const pendingKey = (meetingId: string) => `phieukin.pending.${meetingId}`;

function read<T>(storage: Storage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the booth still works, it only cannot remember
  }
}

export type BoothStorage = {
  token: () => string | null;
  setToken: (token: string | null) => void;
  pending: () => PendingBallot | null;
  setPending: (ballot: PendingBallot | null) => void;
  receipt: (pk: string) => KeptReceipt | null;
  keepReceipt: (receipt: KeptReceipt) => void;
};

export function boothStorage(meetingId: string, kiosk: boolean): BoothStorage {
  if (kiosk) {
    let pending: PendingBallot | null = null;
    return {
      token: () => null,
      setToken: () => {},
      pending: () => pending,
      setPending: (ballot) => {
        pending = ballot;
      },
      receipt: () => null,
      keepReceipt: () => {},
    };
  }
  const receipts = () => read<KeptReceipt[]>(localStorage, RECEIPTS) ?? [];
  return {
    token: () => read<string>(sessionStorage, tokenKey(meetingId)),
    setToken: (token) => write(sessionStorage, tokenKey(meetingId), token),
    pending: () => read<PendingBallot>(sessionStorage, pendingKey(meetingId)),
    setPending: (ballot) => write(sessionStorage, pendingKey(meetingId), ballot),
    receipt: (pk) => receipts().find((r) => r.meetingId === meetingId && r.pk === pk) ?? null,
    keepReceipt: (receipt) =>
      write(localStorage, RECEIPTS, [
        ...receipts().filter((r) => !(r.meetingId === receipt.meetingId && r.pk === receipt.pk)),
        receipt,
      ]),
  };
}

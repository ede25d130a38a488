// The server's Ed25519 receipt key: created on first start, kept in the store's own table from then on.

import type { Keys } from '../http/context.ts';
import type { Store } from '../store/store.ts';
import { newReceiptKey, receiptKeyFrom } from './protocol.ts';

export async function loadReceiptKey(store: Store): Promise<Keys['receipt']> {
  return receiptKeyFrom(await store.receiptKey(newReceiptKey));
}

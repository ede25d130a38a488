// First start: the branch exists, and while it has no organiser a one-time setup link is issued.

import type { Clock } from '../http/context.ts';
import { randomSecret, secretHash } from '../http/ids.ts';
import type { Store } from '../store/store.ts';

/** A fresh setup token for the branch if it has no organiser yet (the previous unused one stops working). */
export async function issueSetupToken(
  store: Store,
  clock: Clock,
  branch: { id: string; name: string },
): Promise<string | null> {
  await store.ensureBranch(branch, clock.now());
  if (await store.hasOrganiser(branch.id)) return null;
  const token = randomSecret();
  await store.createSetupToken(branch.id, secretHash(token), clock.now());
  return token;
}

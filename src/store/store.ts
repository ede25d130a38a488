// The Store: the domain operations the server needs, for any backend, as three aggregates with one
// contract test each (test/store/): accounts (account-store.ts), organisations (organisation-store.ts)
// and meetings (meeting-store.ts). One backend implements all three (src/store/drizzle-store.ts).

import type { AccountStore } from './account-store.ts';
import type { MeetingStore } from './meeting-store.ts';
import type { OrganisationStore } from './organisation-store.ts';

export * from './account-store.ts';
export * from './meeting-store.ts';
export * from './organisation-store.ts';

export interface Store extends AccountStore, OrganisationStore, MeetingStore {}

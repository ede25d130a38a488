// The app tests' TestApp with every request going through the Worker's fetch handler (SELF): either with
// a sandbox organiser from OPERATOR_KEY, or with the server admin as organiser (testAppOver's setup link).
import { env, SELF } from 'cloudflare:test';
import { Client, type TestApp, testAppOver } from '../app/helpers.ts';
import { openDatabase } from './d1-database.ts';

export const ORIGIN = 'http://phieukin.test';

const entry = {
  request: (path: string, init?: RequestInit) => SELF.fetch(`${ORIGIN}${path}`, init),
} as unknown as TestApp['app'];

function overEntry(): TestApp {
  const { store, close } = openDatabase();
  let now = Date.now();
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  return testAppOver(entry, store, clock, close);
}

export function throughEntry(): TestApp {
  return {
    ...overEntry(),
    setupToken: async () => env.SETUP_TOKEN!,
    async organiser() {
      const client = new Client(entry);
      const reply = await client.post('/api/auth/operator', { key: env.OPERATOR_KEY });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      client.csrf = reply.body.csrfToken;
      return client;
    },
  };
}

/** The Worker starts first: its start issues the SETUP_TOKEN link, which replaces any earlier one. */
export async function adminThroughEntry(): Promise<TestApp> {
  await SELF.fetch(`${ORIGIN}/api/auth/session`);
  return overEntry();
}

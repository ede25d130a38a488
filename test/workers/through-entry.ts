// The app tests' TestApp with every request going through the Worker's fetch handler (SELF). Its
// organiser is a sandbox organiser from OPERATOR_KEY; `asAdmin` makes it the server admin instead, who
// sets its password through a fresh setup link once the Worker is up (its start replaces any earlier link).
import { env, SELF } from 'cloudflare:test';
import { issueSetupToken } from '../../src/server/setup.ts';
import { Client, PASSWORD, type TestApp } from '../app/helpers.ts';
import { openDatabase } from './d1-database.ts';

export const ORIGIN = 'http://phieukin.test';

export function throughEntry(): TestApp {
  const { store, close } = openDatabase();
  const app = {
    request: (path: string, init?: RequestInit) => SELF.fetch(`${ORIGIN}${path}`, init),
  } as unknown as TestApp['app'];
  let now = Date.now();
  return {
    app,
    store,
    clock: {
      now: () => now,
      advance: (ms) => {
        now += ms;
      },
    },
    client: (headers) => new Client(app, headers),
    setupToken: async () => env.SETUP_TOKEN!,
    async organiser() {
      const client = new Client(app);
      const reply = await client.post('/api/auth/operator', { key: env.OPERATOR_KEY });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      client.csrf = reply.body.csrfToken;
      return client;
    },
    close,
  };
}

export function asAdmin(t: TestApp): TestApp {
  const branch = { id: 'main', name: env.BRANCH_NAME ?? 'Chi bộ' };
  let admin: Promise<Client> | null = null;
  return {
    ...t,
    organiser() {
      admin ??= (async () => {
        const client = t.client();
        await client.get('/api/auth/session');
        const token = await issueSetupToken(t.store, t.clock, branch);
        const reply = await client.post('/api/auth/setup', { token, password: PASSWORD });
        if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
        client.csrf = reply.body.csrfToken;
        return client;
      })();
      return admin;
    },
  };
}

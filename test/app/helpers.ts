// A test app on an in-memory database, a client with a cookie jar, and drivers for the meeting's steps
// (organiser, trustees, phones) that go through app.request() only.
import {
  type Choices,
  certifyResult,
  credentialFromToken,
  dealShares,
  decodeTally,
  decryptionShare,
  ed25519Keygen,
  encryptBallot,
  finishCeremony,
  manifestHash,
  meetingContext,
  newToken,
  type Point,
  type ResultPayload,
  startCeremony,
  type TrusteeKeyShare,
  type TrusteeSecrets,
  verifyRecord,
} from '../../crypto/index.ts';
import { issueSetupToken } from '../../src/accounts/setup.ts';
import { createApp } from '../../src/app.ts';
import { openDatabase } from '../../src/entry/node.ts';
import { packagedDocumentFonts, packagedFont } from '../../src/entry/packaged-font.ts';
import type { AppConfig } from '../../src/http/context.ts';
import { outcomeForResult, type ResultForRules } from '../../src/shared/rules/index.ts';
import type { Store } from '../../src/store/store.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON replies field by field
export type Reply = { status: number; body: any; headers: Headers };

export class Client {
  cookie = '';
  csrf = '';
  constructor(
    readonly app: ReturnType<typeof createApp>,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const init: RequestInit = {
      method,
      headers: {
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const response = await this.app.request(path, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  }
  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PUT', path, body ?? {}, headers);
}

export const PASSWORD = 'mật khẩu đủ dài';

export type TestApp = {
  app: ReturnType<typeof createApp>;
  store: Store;
  clock: { now(): number; advance(ms: number): void };
  client(headers?: Record<string, string>): Client;
  /** A client logged in as the organiser (the setup link used once). */
  organiser(): Promise<Client>;
  setupToken(): Promise<string>;
  close(): void;
};

/** A test app on `database`: in memory unless a file is named. */
export function testApp(config: AppConfig = {}, database = ':memory:'): TestApp {
  const { store, close } = openDatabase(database);
  let now = Date.UTC(2026, 10, 23, 8);
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  const receipt = ed25519Keygen();
  const app = createApp({
    store,
    clock,
    config: { passwordCost: 4, liveIntervalMs: 10, ...config },
    keys: { receipt },
    font: packagedFont,
    documentFonts: packagedDocumentFonts,
  });
  return testAppOver(app, store, clock, close);
}

/**
 * The drivers of a TestApp over any app-like `request`: the app in process (testApp), or a real server
 * over HTTP (test/e2e/server.ts), so both set meetings up the same way.
 */
export function testAppOver(
  app: TestApp['app'],
  store: Store,
  clock: TestApp['clock'],
  close: () => void,
): TestApp {
  const branch = { id: 'main', name: 'Chi bộ' };
  let organiser: Promise<Client> | null = null;
  const setupToken = async () => (await issueSetupToken(store, clock, branch))!;
  return {
    app,
    store,
    clock,
    client: (headers) => new Client(app, headers),
    setupToken,
    organiser() {
      organiser ??= (async () => {
        const client = new Client(app);
        const reply = await client.post('/api/auth/setup', { token: await setupToken(), password: PASSWORD });
        if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
        client.csrf = reply.body.csrfToken;
        return client;
      })();
      return organiser;
    },
    close,
  };
}

export function roster(count: number) {
  return {
    members: Array.from({ length: count }, (_, i) => ({
      id: `m${i + 1}`,
      name: `Đảng viên ${i + 1}`,
      status: 'official',
      role: i === 0 ? 'secretary' : 'member',
      proposedLevel: 'httnv',
    })),
  };
}

type Trustee = { secrets: TrusteeSecrets; keyShare: TrusteeKeyShare | null };

/** A meeting driven step by step over the API. */
export class MeetingDriver {
  id = '';
  manifest = '';
  trusteeCode = '';
  trustees: Trustee[] = [];
  tokens: Uint8Array[] = [];
  serverKey = '';

  constructor(
    readonly t: TestApp,
    readonly organiser: Client,
  ) {}

  get trustee(): Client {
    return this.t.client({ 'x-trustee-code': this.trusteeCode });
  }

  static async create(t: TestApp, options: { members?: number; body?: object } = {}): Promise<MeetingDriver> {
    const organiser = await t.organiser();
    const driver = new MeetingDriver(t, organiser);
    const imported = await organiser.put('/api/roster', roster(options.members ?? 6));
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
    const created = await organiser.post('/api/meetings', {
      title: 'Họp chi bộ tháng 12',
      kind: 'classification',
      trustees: { n: 3, k: 2 },
      subjects: ['m1', 'm2'],
      ...options.body,
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    driver.id = created.body.id;
    driver.manifest = created.body.manifest;
    driver.trusteeCode = (await organiser.post(`/api/meetings/${driver.id}/trustee-code`)).body.code;
    return driver;
  }

  path(rest: string): string {
    return `/api/meetings/${this.id}${rest}`;
  }

  async expectOk(reply: Promise<Reply>, status = 201): Promise<Reply> {
    const r = await reply;
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  }

  async commitments(round = 1): Promise<void> {
    const { n, k } = JSON.parse(this.manifest).trustees;
    const mh = manifestHash(this.manifest);
    this.trustees = [];
    for (let index = 1; index <= n; index++) {
      const started = startCeremony(mh, { round, index, n, k });
      this.trustees.push({ secrets: started.secrets, keyShare: null });
      await this.expectOk(this.trustee.post(this.path('/ceremony/commitments'), started.commitments));
    }
  }

  async shares(): Promise<void> {
    const mh = manifestHash(this.manifest);
    const state = (await this.trustee.get(this.path('/ceremony'))).body;
    for (const t of this.trustees) {
      await this.expectOk(
        this.trustee.post(this.path('/ceremony/shares'), dealShares(mh, t.secrets, state.commitments)),
      );
    }
  }

  async acks(): Promise<void> {
    const mh = manifestHash(this.manifest);
    const state = (await this.trustee.get(this.path('/ceremony'))).body;
    for (const t of this.trustees) {
      const { ack, keyShare } = finishCeremony(mh, t.secrets, state.commitments, state.shares);
      t.keyShare = keyShare;
      await this.expectOk(this.trustee.post(this.path('/ceremony/acks'), ack));
    }
  }

  async ceremony(): Promise<void> {
    await this.commitments();
    await this.shares();
    await this.acks();
  }

  /** Registers `count` more credentials, serials following on: cards, or paper ballots (SPEC §3.1). */
  async cards(count: number, medium?: 'paper'): Promise<void> {
    const start = this.tokens.length;
    const fresh = Array.from({ length: count }, () => newToken());
    this.tokens.push(...fresh);
    const cards = fresh.map((token, i) => ({
      serial: start + i + 1,
      pk: Buffer.from(credentialFromToken(this.id, token).pk).toString('base64url'),
      ...(medium ? { medium } : {}),
    }));
    await this.expectOk(this.organiser.post(this.path('/cards'), { cards }));
  }

  async ready(voters: number): Promise<void> {
    await this.ceremony();
    await this.cards(voters);
    await this.expectOk(
      this.organiser.put(this.path('/attendance'), { summoned: voters, present: voters }),
      200,
    );
    await this.expectOk(this.organiser.post(this.path('/cards/activate'), { from: 1, to: voters }), 200);
  }

  async open(): Promise<void> {
    await this.expectOk(this.organiser.post(this.path('/open')), 200);
    this.serverKey = (await this.t.client().get(`/api/vote/${this.id}`)).body.serverKey;
  }

  ballot(card: number, choices?: Choices) {
    const view = JSON.parse(this.manifest);
    const meeting = this.t.store.meeting(this.id);
    return meeting.then((m) => {
      const mc = meetingContext(this.manifest, m!.jointKey!);
      const credential = credentialFromToken(this.id, this.tokens[card - 1]!);
      return encryptBallot(mc, credential, choices ?? view.questions.map(() => 1));
    });
  }

  async vote(card: number, choices?: Choices): Promise<Reply> {
    const { ballot } = await this.ballot(card, choices);
    return this.t.client().post(`/api/vote/${this.id}/ballots`, ballot);
  }

  async close(): Promise<void> {
    await this.expectOk(this.organiser.post(this.path('/close')), 200);
  }

  async share(index: number): Promise<Reply> {
    const view = (await this.t.client().get(this.path('/tally'))).body;
    const m = (await this.t.store.meeting(this.id))!;
    const mc = meetingContext(this.manifest, m.jointKey!);
    const keyShare = this.trustees[index - 1]!.keyShare!;
    return this.trustee.post(
      this.path('/shares'),
      decryptionShare(mc, keyShare, decodeTally(mc, view.tally)),
    );
  }

  async certify(index: number): Promise<Reply> {
    const result = (await this.t.client().get(this.path('/result'))).body;
    const keyShare = this.trustees[index - 1]!.keyShare!;
    const payload = certifyResult(
      manifestHash(this.manifest),
      result.resultPayload,
      index,
      keyShare.signingKey,
    );
    return this.trustee.post(this.path('/certifications'), payload);
  }

  /** Closes the poll, trustees 1 and 2 decrypt and certify; the certified result. */
  async certifiedResult(): Promise<ResultPayload> {
    await this.close();
    await this.expectOk(this.share(1));
    await this.expectOk(this.share(2));
    await this.expectOk(this.certify(1));
    await this.expectOk(this.certify(2));
    return (await this.t.client().get(this.path('/result'))).body.result as ResultPayload;
  }

  async record() {
    return (await this.t.client().get(this.path('/record'))).body;
  }
}

export function verify(record: unknown) {
  return verifyRecord(record, { outcome: (args) => outcomeForResult(args as ResultForRules) });
}

export type { Point };

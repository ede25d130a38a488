// Accounts: the one-time setup link (it creates the server admin), accepting an invitation, login
// (rate-limited per client address), logout, the session's role and CSRF token, and the operator's
// sandbox login (the simulator).
import { Hono } from 'hono';
import type { HTTPException } from 'hono/http-exception';
import { checkPassword, hashPassword } from '../accounts/password.ts';
import { currentSession, endSession, startSession } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { randomId, randomSecret, secretHash } from '../http/ids.ts';
import { is, jsonBody } from '../http/validate.ts';
import type { InvitationRefusal } from '../store/store.ts';

export const ORGANISER_ACCOUNT = 'organiser';

const password = is.string({ max: 200, describe: 'a password of at most 200 characters' });
const setupBody = is.object({ token: is.string({ min: 1, max: 100 }), password });
const loginBody = is.object({ account: is.optional(is.string({ min: 1, max: 100 })), password });
const operatorBody = is.object({ key: is.string({ min: 1, max: 100 }) });
const invitationBody = is.object({
  token: is.string({ min: 1, max: 100 }),
  account: is.string({
    min: 3,
    max: 60,
    pattern: /^[\p{L}\p{N}._-]+$/u,
    describe: 'an account name of 3–60 letters, digits, . _ -',
  }),
  password,
});

const invitationCheckBody = is.object({ token: is.string({ min: 1, max: 100 }) });

/** One message for each reason an invitation link does not make an account. */
function refusal(reason: InvitationRefusal, account = ''): HTTPException {
  if (reason === 'name-taken') return fail(409, 'account_name_taken', { account });
  if (reason === 'unknown') return fail(404, 'invitation_unknown');
  return fail(410, `invitation_${reason}`);
}

export function authRoutes(deps: Deps) {
  const { store, clock, config } = deps;

  /** Refuses a client with too many recent failures; otherwise runs `attempt` and counts a failure. */
  async function limited<T>(key: string, attempt: () => Promise<T | null>): Promise<T | null> {
    const { failures, windowMs } = config.loginLimit;
    if ((await store.loginFailures(key, clock.now() - windowMs)) >= failures) {
      const minutes = Math.ceil(windowMs / 60_000);
      throw fail(429, 'rate_limited', { minutes }, { 'Retry-After': String(Math.ceil(windowMs / 1000)) });
    }
    const result = await attempt();
    if (result === null) await store.recordLoginFailure(key, clock.now());
    else await store.clearLoginFailures(key);
    return result;
  }

  return (
    new Hono<Env>()
      .get('/session', async (c) => {
        const session = await currentSession(deps, c);
        const setupDone = await store.hasOrganiser(config.branch.id);
        if (!session) return c.json({ loggedIn: false, setupDone });
        return c.json({
          loggedIn: true,
          setupDone,
          role: session.role,
          branchId: session.branchId,
          csrfToken: session.csrfToken,
        });
      })

      /** What an invitation link opens, before the invitee types anything: its role and unit, or why not. */
      .post('/invitation/check', jsonBody(invitationCheckBody), async (c) => {
        const key = `invitation:${config.clientAddress(c)}`;
        const invitation = await limited(key, () =>
          store.invitation(secretHash(c.req.valid('json').token), clock.now()),
        );
        if (!invitation) throw refusal('unknown');
        if (invitation.state !== 'open') throw refusal(invitation.state);
        const place = await store.organisation(invitation.organisationId);
        if (!place) throw refusal('unknown');
        return c.json({ role: invitation.role, organisation: place, expiresAt: invitation.expiresAt });
      })

      /** Accepts a one-time invitation: the invitee names the account and sets its password. */
      .post('/invitation', jsonBody(invitationBody), async (c) => {
        const body = c.req.valid('json');
        if ([...body.password].length < 10) throw fail(400, 'weak_password');
        const key = `invitation:${config.clientAddress(c)}`;
        let refused: InvitationRefusal = 'unknown';
        const account = await limited(key, async () => {
          const accepted = await store.acceptInvitation({
            tokenHash: secretHash(body.token),
            name: body.account,
            password: await hashPassword(body.password, config.passwordCost),
            now: clock.now(),
          });
          if (typeof accepted !== 'string') return accepted;
          refused = accepted;
          return null;
        });
        if (!account) throw refusal(refused, body.account);
        const csrfToken = await startSession(deps, c, {
          accountId: account.id,
          branchId: account.organisationId,
        });
        const place = await store.organisation(account.organisationId);
        return c.json(
          {
            account: account.name,
            role: account.role,
            organisationId: account.organisationId,
            organisationName: place?.name ?? '',
            csrfToken,
          },
          201,
        );
      })

      .post('/setup', jsonBody(setupBody), async (c) => {
        const body = c.req.valid('json');
        if ([...body.password].length < 10) throw fail(400, 'weak_password');
        const key = `setup:${config.clientAddress(c)}`;
        const account = await limited(key, async () =>
          store.completeSetup({
            tokenHash: secretHash(body.token),
            maxAge: config.setupTokenTtlMs,
            account: { id: randomId(), name: ORGANISER_ACCOUNT },
            password: await hashPassword(body.password, config.passwordCost),
            now: clock.now(),
          }),
        );
        if (!account) throw fail(403, 'setup_invalid');
        const csrfToken = await startSession(deps, c, account);
        return c.json({ account: ORGANISER_ACCOUNT, csrfToken }, 201);
      })

      .post('/login', jsonBody(loginBody), async (c) => {
        const body = c.req.valid('json');
        const key = `login:${config.clientAddress(c)}`;
        const account = await limited(key, async () => {
          const stored = await store.passwordFor(body.account ?? ORGANISER_ACCOUNT);
          if (!stored || !(await checkPassword(body.password, stored))) return null;
          return stored;
        });
        if (!account) throw fail(401, 'login_failed');
        const csrfToken = await startSession(deps, c, account);
        return c.json({ account: body.account ?? ORGANISER_ACCOUNT, csrfToken });
      })

      .post('/logout', async (c) => {
        await endSession(deps, c);
        return c.json({ ok: true });
      })

      /** The operator (who holds the key file beside the database) gets a fresh sandbox branch of its own. */
      .post('/operator', jsonBody(operatorBody), async (c) => {
        const body = c.req.valid('json');
        const key = `operator:${config.clientAddress(c)}`;
        const ok = await limited(key, async () =>
          (await store.hasOperatorKey(secretHash(body.key))) ? true : null,
        );
        if (!ok) throw fail(401, 'operator_key_invalid');
        const id = `sandbox-${randomId(10)}`;
        const now = clock.now();
        await store.ensureBranch({ id, name: 'Mô phỏng / Simulation' }, now);
        const created = await store.createOrganiser({
          branchId: id,
          account: { id: randomId(), name: id },
          password: await hashPassword(randomSecret(), 10),
          now,
        });
        if (!created) throw fail(500, 'internal');
        const csrfToken = await startSession(deps, c, { accountId: created.accountId, branchId: id });
        return c.json({ account: id, branchId: id, csrfToken }, 201);
      })
  );
}

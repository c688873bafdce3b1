/**
 * Signing in and out: with a password (throttled per username and address; a username in two
 * councils asks which only after the password is right), through the council's identity provider
 * (OpenID Connect with PKCE), choosing a new password, and signing out everywhere.
 */
import { CHANNELS, type SignInEvent } from '../../kernel/telemetry.ts';
import { passwordChange, signIn } from '@lantern/core/schemas';
import type { Role } from '@lantern/core/permissions';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditSession } from '../../kernel/audit.ts';
import { authSettings } from '../../kernel/auth/config.ts';
import { finishSignIn, type PendingSignIn, startSignIn } from '../../kernel/auth/oidc.ts';
import { DUMMY_HASH, hashPassword, passwordWeakness, verifyPassword } from '../../kernel/auth/passwords.ts';
import { createSession, endSession, endSessionsOf, SESSION_COOKIE, sessionCookieOptions, userForSession } from '../../kernel/auth/sessions.ts';
import { identityCandidates, signInCandidates } from '../../kernel/auth/sign-in-lookup.ts';
import { clearUsername, noteFailedSignIn, waitBeforeSignIn } from '../../kernel/auth/throttle.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import { enterCouncil, withCouncil } from '../../kernel/db/council.ts';
import type { AppUser } from '../../kernel/db/schema.ts';
import { routes } from '../../kernel/http/routes.ts';
import { change } from '../../kernel/ledger.ts';
import { forbidden, Problem } from '../../kernel/http/problem.ts';
import { describeUser, sessionView } from './describe.ts';

const FLOW_COOKIE = 'lantern_oidc';
const FLOW_PATH = '/api/session/oidc';

const wrong = () =>
  new Problem(401, 'Sign in failed', 'The username or password is not right', [
    { field: 'password', rule: 'credentials', message: 'Enter a correct username and password' },
  ]);

/**
 * Notes a refused sign-in in the audit trail of the account's own council: the request has no
 * council yet (row-level security), and the audit function takes rows only for the council acting.
 */
function auditRefusal(
  db: FastifyInstance['store']['db'],
  u: AppUser,
  req: FastifyRequest,
  action: 'sign-in-failed' | 'sign-in-locked',
  detail: Record<string, unknown>,
) {
  return withCouncil(u.la_code, () => auditSession(db, actorOf(u, req), action, detail));
}

function actorOf(u: AppUser, req: FastifyRequest): Actor {
  return {
    user: {
      userId: u.user_id,
      laCode: u.la_code,
      username: u.username,
      displayName: u.display_name,
      role: u.role as Role,
      workerId: u.worker_id,
      teamId: null,
    },
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  };
}

/**
 * The one account a username and password name, or a refusal: 429 while throttled (before any
 * password is checked), 401 when wrong (counted), 400 naming the councils when the password is
 * right in more than one. Every candidate's hash is checked at once, so two councils take no longer.
 */
async function passwordHolder(
  fastify: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  body: { username: string; password: string; laCode?: string | undefined },
) {
  const db = fastify.store.db;
  if (!authSettings().passwords) throw forbidden('Passwords are turned off here: sign in with your council account');
  const wait = await waitBeforeSignIn(db, body.username, req.ip ?? null);
  if (wait) {
    reply.header('retry-after', String(wait.seconds));
    throw new Problem(
      429,
      'Too many attempts',
      wait.locked
        ? `Too many failed sign-ins: this ${wait.kind === 'username' ? 'account' : 'address'} is locked for ${Math.ceil(wait.seconds / 60)} minutes. An administrator can unlock it.`
        : `Too many failed sign-ins: wait ${wait.seconds} seconds and try again.`,
      undefined,
      { retryAfterSeconds: wait.seconds },
    );
  }
  // The council is what sign-in finds out: the database's own function looks across councils.
  const candidates = await signInCandidates(db, body.username, body.laCode);
  const checks = await Promise.all(
    (candidates.length ? candidates : [null]).map(async (u) => ({ u, ok: await verifyPassword(body.password, u?.password_hash ?? DUMMY_HASH) })),
  );
  const right = checks.filter((c) => c.ok && c.u).map((c) => c.u as AppUser);
  if (right.length === 0) {
    const locked = await noteFailedSignIn(db, body.username, req.ip ?? null);
    CHANNELS.signIn.publish({ outcome: 'failed' } satisfies SignInEvent);
    if (locked.length) CHANNELS.signIn.publish({ outcome: 'locked' } satisfies SignInEvent);
    for (const u of candidates) {
      await auditRefusal(db, u, req, 'sign-in-failed', { reason: 'password' });
      if (locked.length) await auditRefusal(db, u, req, 'sign-in-locked', { locked });
    }
    if (locked.length) req.log.warn({ username: body.username, ip: req.ip, locked }, 'sign-in locked after repeated failures');
    throw wrong();
  }
  if (right.length > 1) {
    // Each council's name read as that council: the password proved the person belongs to each.
    const councils = (
      await Promise.all(
        right.map((u) =>
          withCouncil(u.la_code, () => db.selectFrom('local_authority').select(['la_code', 'name']).where('la_code', '=', u.la_code).executeTakeFirst()),
        ),
      )
    )
      .filter((c) => c !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    throw new Problem(
      400,
      'Invalid request',
      'This username is used in more than one council',
      [{ field: 'laCode', rule: 'council-required', message: 'Choose your council' }],
      {
        councils: councils.map((c) => ({ laCode: c.la_code, name: c.name })),
      },
    );
  }
  const found = right[0] as AppUser;
  // The user is known: from here the request acts for (and sees) their council alone.
  enterCouncil(found.la_code);
  if (found.disabled_at) {
    await auditSession(db, actorOf(found, req), 'sign-in-failed', { reason: 'disabled' });
    throw wrong();
  }
  if (found.awaiting_approval) {
    await auditSession(db, actorOf(found, req), 'sign-in-failed', { reason: 'awaiting-approval' });
    throw forbidden('This account is waiting for a head of service to approve it');
  }
  await clearUsername(db, body.username);
  return found;
}

async function signInAs(fastify: FastifyInstance, reply: FastifyReply, req: FastifyRequest, u: AppUser, method: 'password' | 'oidc') {
  enterCouncil(u.la_code);
  const session = await createSession(fastify.store.db, u.la_code, u.user_id, req.ip ?? null);
  await auditSession(fastify.store.db, actorOf(u, req), 'sign-in', { method });
  reply.setCookie(SESSION_COOKIE, session.cookie, sessionCookieOptions());
  return (await userForSession(fastify.store.db, session.cookie)) as CurrentUser;
}

export async function sessionRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['session']);
  const db = () => fastify.store.db;

  route.get(
    '/api/session/options',
    {
      permission: 'public',
      summary: 'How people sign in here: passwords, the council’s identity provider, or both',
      security: [],
      answer: z.object({ passwords: z.boolean(), identityProvider: z.object({ name: z.string(), start: z.string() }).nullable() }),
    },
    async () => {
      const s = authSettings();
      return { passwords: s.passwords, identityProvider: s.oidc ? { name: s.oidc.name, start: `${FLOW_PATH}/start` } : null };
    },
  );

  route.post('/api/session', { permission: 'public', summary: 'Sign in', security: [], body: signIn, answer: sessionView }, async (req, reply) => {
    const found = await passwordHolder(fastify, req, reply, req.body);
    if (found.password_reset_required)
      throw new Problem(403, 'New password needed', 'Your password was reset: choose a new one to sign in', [
        { field: 'newPassword', rule: 'password-change-required', message: 'Choose a new password' },
      ]);
    return describeUser(fastify, await signInAs(fastify, reply, req, found, 'password'));
  });

  route.post(
    '/api/session/password',
    {
      permission: 'public',
      summary: 'Choose a new password (after a reset, or at will), and sign in',
      security: [],
      body: passwordChange,
      answer: sessionView,
    },
    async (req, reply) => {
      const found = await passwordHolder(fastify, req, reply, req.body);
      const weak = await passwordWeakness(req.body.newPassword, [found.username, found.display_name]);
      if (weak) throw new Problem(400, 'Invalid request', weak, [{ field: 'newPassword', rule: 'password-strength', message: weak }]);
      if (req.body.newPassword === req.body.password)
        throw new Problem(400, 'Invalid request', 'Choose a password you have not used here', [
          { field: 'newPassword', rule: 'password-new', message: 'Choose a new password' },
        ]);
      const hash = await hashPassword(req.body.newPassword);
      await change(db(), actorOf(found, req), async (ledger) => {
        await ledger.update(
          'app_user',
          { user_id: found.user_id },
          { password_hash: hash, password_reset_required: false },
          { recordType: 'user', detail: { password: 'changed' } },
        );
        await endSessionsOf(ledger.db, found.la_code, found.user_id);
      });
      return describeUser(fastify, await signInAs(fastify, reply, req, { ...found, password_reset_required: false }, 'password'));
    },
  );

  route.get('/api/session', { permission: 'signed-in', summary: 'The signed-in user, their role and what it allows', answer: sessionView }, (req) =>
    describeUser(fastify, req.actor().user),
  );

  route.delete('/api/session', { permission: 'public', summary: 'Sign out' }, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      if (req.user) await auditSession(db(), req.actor(), 'sign-out');
      await endSession(db(), cookie);
    }
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
  });

  route.delete(
    '/api/sessions',
    { permission: 'signed-in', summary: 'Sign out everywhere: every session of the signed-in user ends', answer: z.object({ ended: z.number() }) },
    async (req, reply) => {
      const actor = req.actor();
      const ended = await endSessionsOf(db(), actor.user.laCode, actor.user.userId);
      await auditSession(db(), actor, 'sign-out-everywhere', { ended });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );

  // The identity provider: leave for it with PKCE, state and nonce kept in a short-lived cookie
  // (SameSite=Lax, since the provider sends the browser back from its own site), then come back.
  route.get(
    `${FLOW_PATH}/start`,
    { permission: 'public', summary: 'Sign in through the council’s identity provider (redirects there)', security: [] },
    async (req, reply) => {
      const settings = authSettings();
      if (!settings.oidc) throw new Problem(404, 'Not found', 'No identity provider is set up here');
      let started: Awaited<ReturnType<typeof startSignIn>>;
      try {
        started = await startSignIn(settings.oidc);
      } catch (error) {
        // The provider could not be reached or described itself wrongly: say so on the sign-in page.
        req.log.error({ err: error }, 'identity provider unavailable');
        return reply.redirect('/sign-in?error=provider', 303);
      }
      const { url, pending } = started;
      reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        path: FLOW_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: settings.secureCookies,
        maxAge: 600,
      });
      return reply.redirect(url, 303);
    },
  );

  route.get(`${FLOW_PATH}/callback`, { permission: 'public', summary: 'Where the identity provider sends people back', security: [] }, async (req, reply) => {
    const settings = authSettings();
    if (!settings.oidc) throw new Problem(404, 'Not found', 'No identity provider is set up here');
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    const back = (error: string) => reply.redirect(`/sign-in?error=${error}`, 303);
    let pending: PendingSignIn;
    try {
      pending = JSON.parse(Buffer.from(req.cookies[FLOW_COOKIE] ?? '', 'base64url').toString('utf8')) as PendingSignIn;
      if (typeof pending.state !== 'string' || typeof pending.verifier !== 'string' || typeof pending.nonce !== 'string') return back('expired');
    } catch {
      return back('expired');
    }
    let identity: Awaited<ReturnType<typeof finishSignIn>>;
    try {
      identity = await finishSignIn(settings.oidc, req.url.slice(req.url.indexOf('?') + 1), pending);
    } catch (error) {
      req.log.warn({ err: error }, 'identity provider sign-in refused');
      return back('provider');
    }
    // Matched by the provider's subject, else by a verified email; the role is Lantern's own.
    // Looked for across councils by the database's own function, as a username is.
    const users = await identityCandidates(db(), identity.subject, identity.emailVerified ? identity.email : null);
    const usable = users.filter((u) => !u.disabled_at && !u.awaiting_approval);
    if (usable.length !== 1) {
      for (const u of users) await auditRefusal(db(), u, req, 'sign-in-failed', { method: 'oidc', reason: usable.length > 1 ? 'ambiguous' : 'not-usable' });
      return back(usable.length > 1 ? 'ambiguous' : 'not-known');
    }
    await signInAs(fastify, reply, req, usable[0] as AppUser, 'oidc');
    return reply.redirect('/', 303);
  });
}

import { DEFAULT_CHILD_ID_PREFIX } from '@lantern/core/identifiers';
import { ROLES, type Role, PERMISSIONS } from '@lantern/core/permissions';
import { newUser, signIn } from '@lantern/core/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { auditSession } from '../../kernel/audit.ts';
import { change } from '../../kernel/ledger.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../kernel/auth/passwords.ts';
import { createSession, endSession, SESSION_COOKIE, SESSION_HOURS, userForSession } from '../../kernel/auth/sessions.ts';
import type { CurrentUser } from '../../kernel/context.ts';
import { typed } from '../../kernel/http/app.ts';
import { Problem } from '../../kernel/http/problem.ts';

const sessionView = z.object({
  user: z.object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    laCode: z.string(),
    councilName: z.string(),
    childIdExample: z.string().describe('An id in the form the council’s child ids take, for hints'),
    workerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    permissions: z.array(z.string()),
  }),
});

async function describeUser(fastify: FastifyInstance, user: CurrentUser) {
  const council = await fastify.store.db.selectFrom('local_authority').select('name').where('la_code', '=', user.laCode).executeTakeFirst();
  // The prefix new children's ids are given (see nextLaChildId), so the search hint shows ids as the council's look.
  const prefix = await fastify.store.db
    .selectFrom('council_setting')
    .select('value')
    .where('la_code', '=', user.laCode)
    .where('key', '=', 'child-id-prefix')
    .executeTakeFirst();
  return {
    user: {
      ...user,
      roleLabel: ROLES[user.role],
      councilName: council?.name ?? user.laCode,
      childIdExample: `${typeof prefix?.value === 'string' ? prefix.value : DEFAULT_CHILD_ID_PREFIX}000123`,
      permissions: Object.keys(PERMISSIONS[user.role] ?? {}),
    },
  };
}

/** Sign-in, sign-out, who am I; and the administrator's users and audit trail. */
export async function accessRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.post('/api/session', {
    config: { permission: 'public' },
    schema: { tags: ['session'], summary: 'Sign in', security: [], body: signIn, response: { 200: sessionView } },
    handler: async (req, reply) => {
      const candidates = await db()
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', req.body.username)
        .$if(!!req.body.laCode, (q) => q.where('la_code', '=', req.body.laCode as string))
        .execute();
      if (candidates.length > 1) {
        throw new Problem(400, 'Invalid request', 'This username exists in more than one council', [
          { field: 'laCode', rule: 'council-required', message: 'Choose your council' },
        ]);
      }
      const found = candidates[0];
      // Always verify something, so a wrong username takes as long as a wrong password.
      const ok = await verifyPassword(req.body.password, found?.password_hash ?? DUMMY_HASH);
      const actorOf = (u: NonNullable<typeof found>) => ({
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
      });
      if (!found || !ok || found.disabled_at) {
        if (found) await auditSession(db(), actorOf(found), 'sign-in-failed', { reason: found.disabled_at ? 'disabled' : 'password' });
        throw new Problem(401, 'Sign in failed', 'The username or password is not right', [
          { field: 'password', rule: 'credentials', message: 'Enter a correct username and password' },
        ]);
      }
      const session = await createSession(db(), found.la_code, found.user_id, req.ip ?? null);
      await auditSession(db(), actorOf(found), 'sign-in');
      reply.setCookie(SESSION_COOKIE, session.cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: process.env.LANTERN_SECURE_COOKIES === '1',
        maxAge: SESSION_HOURS * 3600,
      });
      const user = await userForSession(db(), session.cookie);
      return describeUser(fastify, user as CurrentUser);
    },
  });

  app.get('/api/session', {
    config: { permission: 'signed-in' },
    schema: { tags: ['session'], summary: 'The signed-in user, their role and what it allows', response: { 200: sessionView } },
    handler: (req) => describeUser(fastify, req.actor().user),
  });

  app.delete('/api/session', {
    config: { permission: 'public' },
    schema: { tags: ['session'], summary: 'Sign out' },
    handler: async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        if (req.user) await auditSession(db(), req.actor(), 'sign-out');
        await endSession(db(), cookie);
      }
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
    },
  });

  app.get('/api/users', {
    config: { permission: 'user:manage' },
    schema: {
      tags: ['administration'],
      summary: 'The council’s users',
      response: {
        200: z.object({
          users: z.array(
            z.object({
              userId: z.uuid(),
              username: z.string(),
              displayName: z.string(),
              role: z.string(),
              workerId: z.uuid().nullable(),
              disabled: z.boolean(),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const rows = await db().selectFrom('app_user').selectAll().where('la_code', '=', req.actor().user.laCode).orderBy('username').execute();
      return {
        users: rows.map((u) => ({
          userId: u.user_id,
          username: u.username,
          displayName: u.display_name,
          role: u.role,
          workerId: u.worker_id,
          disabled: !!u.disabled_at,
        })),
      };
    },
  });

  app.post('/api/users', {
    config: { permission: 'user:manage' },
    schema: { tags: ['administration'], summary: 'Add a user', body: newUser, response: { 201: z.object({ userId: z.uuid() }) } },
    handler: async (req, reply) => {
      const actor = req.actor();
      const laCode = actor.user.laCode;
      const passwordHash = await hashPassword(req.body.password);
      const userId = randomUUID();
      await change(db(), actor, async (ledger) => {
        const trx = ledger.db;
        const taken = await trx
          .selectFrom('app_user')
          .select('user_id')
          .where('la_code', '=', laCode)
          .where('username', '=', req.body.username)
          .executeTakeFirst();
        if (taken)
          throw new Problem(409, 'Conflict', 'That username is taken', [{ field: 'username', rule: 'username-unique', message: 'Choose another username' }]);
        if (req.body.workerId) {
          const worker = await trx
            .selectFrom('worker')
            .select('worker_id')
            .where('la_code', '=', laCode)
            .where('worker_id', '=', req.body.workerId)
            .executeTakeFirst();
          if (!worker)
            throw new Problem(400, 'Invalid request', 'No such worker', [{ field: 'workerId', rule: 'exists', message: 'Choose a worker of this council' }]);
        }
        await ledger.insert(
          'app_user',
          {
            la_code: laCode,
            user_id: userId,
            username: req.body.username,
            display_name: req.body.displayName,
            role: req.body.role,
            worker_id: req.body.workerId ?? null,
            password_hash: passwordHash,
          },
          { recordType: 'user', detail: { username: req.body.username, role: req.body.role } },
        );
      });
      return reply.status(201).send({ userId });
    },
  });

  app.get('/api/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['administration'],
      summary: 'The audit trail: who read or changed what, when and from where',
      querystring: z.object({ childId: z.uuid().optional(), userId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: {
        200: z.object({
          events: z.array(
            z.object({
              auditId: z.number(),
              occurredAt: z.string(),
              username: z.string().nullable(),
              role: z.string().nullable(),
              action: z.string(),
              recordType: z.string().nullable(),
              recordId: z.string().nullable(),
              childId: z.string().nullable(),
              ip: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const rows = await db()
        .selectFrom('audit_event')
        .selectAll()
        .where('la_code', '=', req.actor().user.laCode)
        .$if(!!req.query.childId, (q) => q.where('child_id', '=', req.query.childId as string))
        .$if(!!req.query.userId, (q) => q.where('user_id', '=', req.query.userId as string))
        .orderBy('audit_id', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        events: rows.map((r) => ({
          auditId: Number(r.audit_id),
          occurredAt: r.occurred_at.toISOString(),
          username: r.username,
          role: r.user_role,
          action: r.action,
          recordType: r.record_type,
          recordId: r.record_id,
          childId: r.child_id,
          ip: r.ip,
        })),
      };
    },
  });

  app.get('/api/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Whether the server and its database answer',
      security: [],
      response: {
        200: z.object({ status: z.literal('ok'), database: z.string() }),
        503: z.object({ status: z.literal('database-down'), database: z.string(), detail: z.string() }),
      },
    },
    handler: async (_req, reply) => {
      try {
        await sql`select 1`.execute(db());
        return { status: 'ok' as const, database: fastify.store.kind };
      } catch {
        // A load balancer takes the server out of service while its database cannot be reached.
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'database-down' as const, database: fastify.store.kind, detail: 'The database cannot be reached' });
      }
    },
  });
}

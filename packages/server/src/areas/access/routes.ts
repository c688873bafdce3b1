import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { migrationStatus } from '../../kernel/db/migrate.ts';
import { routes } from '../../kernel/http/routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { userRoutes } from './user-routes.ts';

/** Sign-in, sign-out, who am I; and the administrator's users and audit trail. */
export async function accessRoutes(fastify: FastifyInstance) {
  await fastify.register(sessionRoutes);
  await fastify.register(userRoutes);
  const route = routes(fastify, ['system']);
  const db = () => fastify.store.db;

  route.get(
    '/api/audit',
    {
      permission: 'audit:read',
      tags: ['administration'],
      summary: 'The audit trail: who read or changed what, when and from where',
      querystring: z.object({ childId: z.uuid().optional(), userId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      answer: z.object({
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
    async (req) => {
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
  );

  route.get(
    '/api/health',
    {
      permission: 'public',
      summary: 'Whether the server and its database answer',
      security: [],
      response: {
        200: z.object({ status: z.literal('ok'), database: z.string() }),
        503: z.object({ status: z.literal('database-down'), database: z.string(), detail: z.string() }),
      },
    },
    async (_req, reply) => {
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
  );

  // For load balancers and orchestrators: live says the process answers (restart it if not);
  // ready says it can serve (take it out of rotation if not): the database reachable, its
  // migrations at this release's version, and the embedded store open.
  route.get(
    '/api/health/live',
    { permission: 'public', summary: 'The process answers', security: [], answer: z.object({ status: z.literal('live') }) },
    async () => ({ status: 'live' as const }),
  );

  const check = z.object({ ok: z.boolean(), detail: z.string() });
  const readiness = z.object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({ database: check, migrations: check, store: check }),
  });
  route.get(
    '/api/health/ready',
    {
      permission: 'public',
      summary: 'Whether this server can serve: database reachable, migrations at the expected version, embedded store open',
      security: [],
      response: { 200: readiness, 503: readiness },
    },
    async (_req, reply) => {
      const store = fastify.store;
      const checks = {
        database: { ok: false, detail: 'not checked' },
        migrations: { ok: false, detail: 'not checked' },
        store: { ok: true, detail: store.description },
      };
      if (store.kind === 'pglite') {
        const open = store.poolUse().total > 0;
        checks.store = { ok: open, detail: open ? 'the embedded store is open' : 'the embedded store is closed' };
      }
      try {
        await sql`select 1`.execute(db());
        checks.database = { ok: true, detail: `${store.kind} answers` };
        const m = await migrationStatus(db());
        checks.migrations =
          m.pending.length > 0
            ? { ok: false, detail: `expects ${m.expected}, the database is at ${m.applied ?? 'none'}; pending: ${m.pending.join(', ')}` }
            : m.unknown.length > 0
              ? { ok: false, detail: `the database has migrations this release lacks (${m.unknown.join(', ')}): a newer release migrated it` }
              : { ok: true, detail: `at ${m.expected}` };
      } catch {
        checks.database = { ok: false, detail: 'The database cannot be reached' };
      }
      const ready = checks.database.ok && checks.migrations.ok && checks.store.ok;
      if (!ready) reply.code(503).header('retry-after', '5');
      return { status: ready ? ('ready' as const) : ('not-ready' as const), checks };
    },
  );
}

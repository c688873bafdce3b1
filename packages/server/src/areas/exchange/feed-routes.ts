/**
 * HTTP for the DfE feed's page (permission dfe-feed:read: the administrator and the analyst): the
 * latest runs with their counts, and the children the last submission could not send, with what
 * the API said. A child is named (and linked) only for a reader who may open their record.
 */
import { ROLES_SEEING_RESTRICTED, scopeFor } from '@lantern/core/permissions';
import { dfeFeedView } from '@lantern/core/views/exchange';
import type { FastifyInstance } from 'fastify';
import { audit } from '../../kernel/audit.ts';
import { routes } from '../../kernel/http/routes.ts';

/** How many runs the page lists. */
const RUNS = 30;

const iso = (t: Date | string) => new Date(t).toISOString();

/** What the API said about a child (or why the child was not sent), in words for the page. */
export function feedMessage(answer: unknown): string {
  if (answer === null || answer === undefined) return 'No answer was kept.';
  if (typeof answer === 'string') return answer;
  if (typeof answer !== 'object') return String(answer);
  const a = answer as Record<string, unknown>;
  if (Array.isArray(a.invalid)) return `Not sent: the child's record does not make a valid object for the feed (${(a.invalid as string[]).join('; ')})`;
  const said = (body: unknown): string | null => {
    if (body === null || body === undefined) return null;
    if (typeof body === 'string') return body;
    const b = body as Record<string, unknown>;
    for (const key of ['message', 'detail', 'error', 'title']) if (typeof b[key] === 'string') return b[key] as string;
    if (Array.isArray(b.errors)) return b.errors.map((e) => (typeof e === 'string' ? e : (said(e) ?? JSON.stringify(e)))).join('; ');
    return JSON.stringify(body);
  };
  if (typeof a.status === 'number') return `The DfE refused the batch (HTTP ${a.status})${said(a.body) ? `: ${said(a.body)}` : ''}`;
  return `The DfE refused the child: ${said(a) ?? JSON.stringify(a)}`;
}

export async function feedRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['DfE feed']);
  const db = () => fastify.store.db;
  route.get(
    '/api/dfe-feed',
    {
      permission: 'dfe-feed:read',
      summary: 'The DfE daily feed: the latest runs with counts sent, unchanged, purged and failed, and the children in error with what the API said',
      answer: dfeFeedView,
    },
    async (req) => {
      const actor = req.actor();
      const user = actor.user;
      const runs = await db()
        .selectFrom('dfe_feed_run')
        .selectAll()
        .where('la_code', '=', user.laCode)
        .orderBy('started_at', 'desc')
        .orderBy('run_id')
        .limit(RUNS)
        .execute();
      const errors = await db()
        .selectFrom('dfe_feed_child as f')
        .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'f.la_code').onRef('p.person_id', '=', 'f.child_id'))
        .select(['f.child_id', 'f.la_child_id', 'f.sent_kind', 'f.answer', 'f.updated_at', 'p.given_name', 'p.family_name', 'p.restricted'])
        .where('f.la_code', '=', user.laCode)
        .where('f.state', '=', 'error')
        .orderBy('f.la_child_id')
        .execute();
      const sent = await db()
        .selectFrom('dfe_feed_child')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('la_code', '=', user.laCode)
        .where('state', '=', 'sent')
        .where('in_cohort', '=', true)
        .executeTakeFirstOrThrow();
      await audit(db(), actor, { action: 'read', recordType: 'dfe-feed', detail: { runs: runs.length, errors: errors.length } });
      // Only roles that read children's records see names; restricted children only those who see restricted records.
      const readsChildren = scopeFor(user.role, 'child:read') === 'council';
      const seesRestricted = ROLES_SEEING_RESTRICTED.includes(user.role);
      return {
        runs: runs.map((r) => ({
          runId: r.run_id,
          runOn: r.run_on,
          startedAt: iso(r.started_at),
          finishedAt: r.finished_at ? iso(r.finished_at) : null,
          dryRun: r.dry_run,
          sentFull: r.sent_full,
          sentPartial: r.sent_partial,
          unchanged: r.unchanged,
          purged: r.purged,
          failed: r.failed,
        })),
        errors: errors.map((e) => {
          const mayOpen = readsChildren && (!e.restricted || seesRestricted);
          return {
            childId: e.child_id,
            laChildId: e.la_child_id,
            childName: mayOpen ? `${e.given_name} ${e.family_name}` : null,
            mayOpen,
            sentKind: e.sent_kind,
            message: feedMessage(e.answer),
            at: iso(e.updated_at),
          };
        }),
        sentChildren: Number(sent.n),
      };
    },
  );
}

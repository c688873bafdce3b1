/**
 * The landing page: for each role, what to do next, first. Every list is counted in full and
 * paged; the API returns totals and pages.
 */
import { accessRequestsToDecide, administrator } from './access-queues.ts';
import { feedErrors, sarsToAnswer } from './exchange-queues.ts';
import { todayInEngland } from '@lantern/core/calendar';
import type { LandingKind, LandingPage, landingQuery } from '@lantern/core/work';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { audit, auditRows } from '../../kernel/audit.ts';
import { type AssumedSession, confirmedSessionUsed, liveSession, sessionValues } from '../../kernel/auth/sessions.ts';
import { compiledOnce } from '../../kernel/compiled.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { runPrepared } from '../../kernel/db/store.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { type Days, daysFrom, type SectionDef } from './sections.ts';

import { frontDoor, socialWorker, teamManager } from './front-line.ts';
import { headOfService, iro, partner } from './oversight-pages.ts';

/** Which landing page a user gets: by role, and for a team manager of the front door, the front door's. */
async function kindOf(db: Kysely<Database>, user: CurrentUser): Promise<LandingKind> {
  if (user.role === 'team-manager' && user.teamId) {
    // Prepared, as the lists are: planning this one-row read cost more than running it.
    const [team] = await runPrepared(db, db.selectFrom('team').select('service').where('la_code', '=', user.laCode).where('team_id', '=', user.teamId));
    if (team?.service === 'Front door') return 'front-door';
  }
  const byRole: Partial<Record<CurrentUser['role'], LandingKind>> = {
    'social-worker': 'social-worker',
    'team-manager': 'team-manager',
    iro: 'iro',
    'iro-manager': 'iro-manager',
    'head-of-service': 'head-of-service',
    partner: 'partner',
  };
  return byRole[user.role] ?? 'other';
}

const HEADINGS: Record<LandingKind, string> = {
  'social-worker': 'Your work',
  'team-manager': 'Your team’s work',
  'front-door': 'The front door',
  iro: 'Your reviews',
  'iro-manager': 'The reviewing service',
  'head-of-service': 'The service today',
  partner: 'Requests to you',
  other: 'Your work',
};

function sectionsFor(kind: LandingKind, db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  switch (kind) {
    case 'social-worker':
      return socialWorker(db, u, d);
    case 'team-manager':
      return teamManager(db, u, d);
    case 'front-door':
      return frontDoor(db, u, d);
    case 'iro':
      return iro(db, u, d, false);
    case 'iro-manager':
      return iro(db, u, d, true);
    case 'head-of-service':
      return [accessRequestsToDecide(db, u), sarsToAnswer(db, u, d), ...headOfService(db, u, d)];
    case 'partner':
      return partner(db, u, d);
    default:
      // Analysts see the service's overdue by team and rule; the legal adviser the children in
      // pre-proceedings and proceedings; administrators hold no cases: their accounts' queues;
      // information governance the subject access requests. Administrators and analysts also see
      // the children the DfE feed could not send.
      if (u.role === 'legal-adviser') return headOfService(db, u, d).filter((s) => s.id === 'pre-proceedings' || s.id === 'proceedings');
      if (u.role === 'administrator') return [...administrator(db, u), feedErrors(db, u, false)];
      if (u.role === 'information-governance') return [sarsToAnswer(db, u, d)];
      return u.role === 'performance-analyst' ? [...headOfService(db, u, d).slice(0, 1), feedErrors(db, u, true)] : [];
  }
}

/**
 * The page's read row, written only while the session the request assumed is live and signs in that
 * same user (kernel/auth/sessions.ts): the session's check rides on the audit's statement, one round
 * trip for both. No row back: the session was not confirmed, nothing was audited.
 */
const confirmedRead = compiledOnce((db, v: { audit: string } & ReturnType<typeof sessionValues>) =>
  db.selectFrom(liveSession(db, v).as('live')).select(['live.session_seen_at', sql<null>`lantern_audit(${v.audit}::jsonb)`.as('audited')]),
);

/**
 * The user's landing page, or one of its lists at a page (`section`). With `session` (the route's
 * request.assumedSession()) the page is answered only if the session is confirmed when its read is
 * audited; null otherwise, and the route confirms the session the usual way and asks again.
 */
export async function landing(db: Kysely<Database>, actor: Actor, q: z.infer<typeof landingQuery>): Promise<LandingPage>;
export async function landing(
  db: Kysely<Database>,
  actor: Actor,
  q: z.infer<typeof landingQuery>,
  session: AssumedSession | null,
  asOf?: string,
): Promise<LandingPage | null>;
export async function landing(
  db: Kysely<Database>,
  actor: Actor,
  q: z.infer<typeof landingQuery>,
  session: AssumedSession | null = null,
  asOf = todayInEngland(),
): Promise<LandingPage | null> {
  const user = actor.user;
  const kind = await kindOf(db, user);
  const days = daysFrom(asOf);
  let defs = sectionsFor(kind, db, user, days);
  if (q.section) {
    defs = defs.filter((s) => s.id === q.section);
    if (defs.length === 0) throw notFound('list');
  }
  const page = q.section ? q.page : 1;
  // Every list's count and page at once: PostgreSQL answers them on as many connections (PGlite,
  // with one, in turn); each is an indexed read.
  const sections = await Promise.all(
    defs.map(async (s) => {
      const offset = (page - 1) * q.pageSize;
      const { total, items } = s.both
        ? await s.both(q.pageSize, offset)
        : await Promise.all([s.total(), s.rows(q.pageSize, offset)]).then(([total, items]) => ({ total, items }));
      return { id: s.id, title: s.title, empty: s.empty, total, page, pageSize: q.pageSize, items, more: s.more ?? null };
    }),
  );
  const read = { action: 'read', recordType: 'landing-page', detail: { kind, section: q.section ?? null, page } } as const;
  if (session) {
    const audited = JSON.stringify(auditRows(actor, [read]));
    const [live] = await runPrepared(db, confirmedRead(db, 'landing', { audit: audited, ...sessionValues(session) }));
    if (!live) return null;
    await confirmedSessionUsed(db, session, live.session_seen_at);
  } else await audit(db, actor, read);
  return { kind, heading: HEADINGS[kind], asOf, sections };
}

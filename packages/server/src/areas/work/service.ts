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
import { auditRows } from '../../kernel/audit.ts';
import { compiledOnce } from '../../kernel/compiled.ts';
import { type AssumedSession, confirmedSessionUsed, liveSession, sessionValues } from '../../kernel/auth/sessions.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { PREPARED, runPrepared } from '../../kernel/db/store.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { type Days, daysFrom, type ListPage, NO_ID, type SectionDef } from './sections.ts';

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
      return socialWorker(u, d);
    case 'team-manager':
      return teamManager(db, u, d);
    case 'front-door':
      return frontDoor(db, u, d);
    case 'iro':
      return iro(db, u, d, false);
    case 'iro-manager':
      return iro(db, u, d, true);
    case 'head-of-service':
      return [accessRequestsToDecide(u), sarsToAnswer(u, d), ...headOfService(db, u, d)];
    case 'partner':
      return partner(u, d);
    default:
      // Analysts see the service's overdue by team and rule; the legal adviser the children in
      // pre-proceedings and proceedings; administrators hold no cases: their accounts' queues;
      // information governance the subject access requests. Administrators and analysts also see
      // the children the DfE feed could not send.
      if (u.role === 'legal-adviser') return headOfService(db, u, d).filter((s) => s.id === 'pre-proceedings' || s.id === 'proceedings');
      if (u.role === 'administrator') return [...administrator(u), feedErrors(u, false)];
      if (u.role === 'information-governance') return [sarsToAnswer(u, d)];
      return u.role === 'performance-analyst' ? [...headOfService(db, u, d).slice(0, 1), feedErrors(u, true)] : [];
  }
}

/**
 * The user's landing page, or one of its lists at a page (`section`), in one statement: every
 * list's count and page (each a JSON column, aggregated straight from its ordered statement, so
 * in its order) and the page's read row.
 * Each list was its own statement, run at once on as many connections; under load each request
 * then queued for a connection once per list, and its round trips cost more than the reads.
 * With `session` (the route's request.assumedSession()) the statement also confirms the session
 * (kernel/auth/sessions.ts): it answers, and writes its read row, only while the session is live
 * and signs in that same user; null otherwise, and the route confirms the session the usual way
 * and asks again.
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
  const listed = (defs: SectionDef[]) => (q.section ? defs.filter((s) => s.id === q.section) : defs);
  if (q.section && listed(sectionsFor(kind, db, user, days)).length === 0) throw notFound('list');
  const page = q.section ? q.page : 1;
  const read = { action: 'read', recordType: 'landing-page', detail: { kind, section: q.section ?? null, page } } as const;
  const statement = landingStatement(db, `${kind} ${user.role} ${q.section ?? '-'} ${session ? 'confirming' : '-'}`, {
    laCode: user.laCode,
    userId: user.userId,
    workerId: user.workerId ?? NO_ID,
    teamId: user.teamId ?? NO_ID,
    partner: user.partnerOrganisationId ?? NO_ID,
    ...days,
    limit: q.pageSize,
    offset: (page - 1) * q.pageSize,
    audit: JSON.stringify(auditRows(actor, [read])),
    ...sessionValues(session),
  });
  const [row] = (await db.executeQuery<Row>(statement.compile())).rows;
  if (!row) return null;
  if (session) await confirmedSessionUsed(db, session, row.session_seen_at as Date);
  // The lists again, with this request's values, for how their rows answer (their statements are
  // not compiled). Made only now: made before, they outlived the wait for a connection, and were
  // promoted for the collector to sweep again.
  const defs = listed(sectionsFor(kind, db, user, days));
  const lists = defs.map((s) => s.page(q.pageSize, (page - 1) * q.pageSize));
  const sections = await Promise.all(
    defs.map(async (s, i) => {
      const { total, items } = await (lists[i] as ListPage).answer(row[`list_${i}`] as Row[]);
      return { id: s.id, title: s.title, empty: s.empty, total, page, pageSize: q.pageSize, items, more: s.more ?? null };
    }),
  );
  return { kind, heading: HEADINGS[kind], asOf, sections };
}

type Row = Record<string, unknown>;
/** Prepared once per connection: its text depends only on the role's lists (sections.ts). */
const prepared = sql.raw(PREPARED);

type LandingValues = {
  laCode: string;
  userId: string;
  workerId: string;
  teamId: string;
  partner: string;
  limit: number;
  offset: number;
  audit: string;
} & Days &
  ReturnType<typeof sessionValues>;

/**
 * Every list's count and page and the page's read row, in one statement built and compiled once per
 * shape (kernel/compiled.ts): the kind of page, the role, the one list asked for, and whether it
 * confirms the session. Building and compiling it, and hashing its new text to find its prepared
 * statement, was a sixth of the server's CPU on each landing page, and its garbage more.
 * The lists are given stand-ins for the user and the days, which reach the text only as values.
 */
const landingStatement = compiledOnce((db, v: LandingValues, shape) => {
  const [kind, role, section, confirming] = shape.split(' ') as [LandingKind, CurrentUser['role'], string, string];
  const user: CurrentUser = {
    userId: v.userId,
    laCode: v.laCode,
    username: '',
    displayName: '',
    role,
    workerId: v.workerId,
    teamId: v.teamId,
    partnerOrganisationId: v.partner,
  };
  const days: Days = { asOf: v.asOf, in5: v.in5, in20: v.in20, weekEnd: v.weekEnd, since14: v.since14 };
  const defs = sectionsFor(kind, db, user, days).filter((s) => section === '-' || s.id === section);
  const columns = defs.map((s, i) => sql`(select coalesce(json_agg(l), '[]') from (${s.page(v.limit, v.offset).statement()}) l) as ${sql.ref(`list_${i}`)}`);
  const select = sql.join([sql`lantern_audit(${v.audit}::jsonb) as audited`, ...columns]);
  const statement =
    confirming === 'confirming'
      ? sql<Row>`${prepared}select live.session_seen_at, ${select} from (${liveSession(db, v)}) live`
      : sql<Row>`${prepared}select ${select}`;
  return { compile: () => statement.compile(db) };
});

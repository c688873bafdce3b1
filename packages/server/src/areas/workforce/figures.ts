/**
 * The workforce figures managers and the director read every week: caseloads against the
 * council's ceiling, churn of social workers per child, children waiting for a worker, and each
 * team's starters, leavers, turnover, agency share and vacancies. Each is a set-based query as of
 * a day, so "last month" and "a year ago" come from the same history tables.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import {
  type AuditQuestion,
  agencyShare,
  type CaseKind,
  type CaseloadSettings,
  CHURN_FLAG,
  type ChecklistItem,
  caseloadCeiling,
  DEFAULT_AUDIT_QUESTIONS,
  DEFAULT_CASELOAD,
  DEFAULT_INDUCTION_CHECKLIST,
  turnoverRate,
  vacancies,
  WORKFORCE_SETTING,
  weightedCaseload,
} from '@lantern/core/workforce';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The council's workforce settings, with the defaults where it has set none. */
export async function workforceSettings(db: Kysely<Database>, laCode: string) {
  const rows = await db
    .selectFrom('council_setting')
    .select(['key', 'value'])
    .where('la_code', '=', laCode)
    .where('key', 'in', Object.values(WORKFORCE_SETTING))
    .execute();
  const by = new Map(rows.map((r) => [r.key, parse(r.value)]));
  return {
    caseload: (by.get(WORKFORCE_SETTING.caseload) as CaseloadSettings | undefined) ?? DEFAULT_CASELOAD,
    inductionChecklist: (by.get(WORKFORCE_SETTING.inductionChecklist) as ChecklistItem[] | undefined) ?? [...DEFAULT_INDUCTION_CHECKLIST],
    auditQuestions: (by.get(WORKFORCE_SETTING.auditQuestions) as AuditQuestion[] | undefined) ?? [...DEFAULT_AUDIT_QUESTIONS],
  };
}

/** Job roles that hold cases; others appear only if they hold one. */
const CASE_HOLDING = ['social-worker', 'senior-practitioner', 'team-manager', 'personal-adviser', 'family-support-worker', 'iro'];

/**
 * Each child a worker held on a day, with the kind of case it was that day (a protection plan
 * first, then looked after, else in need). An allocation ending on a day was handed over that
 * day, so it is not held on it.
 */
const heldOn = (laCode: string, day: string) => sql`
  select a.worker_id, a.child_id,
    case
      when exists (select 1 from cp_plan p where p.la_code = a.la_code and p.child_id = a.child_id and p.start_date <= ${day}::date and (p.end_date is null or p.end_date > ${day}::date)) then 'child-protection'
      when exists (select 1 from cla_episode c where c.la_code = a.la_code and c.child_id = a.child_id and c.start_date <= ${day}::date and (c.end_date is null or c.end_date > ${day}::date)) then 'looked-after'
      else 'child-in-need' end as kind
  from allocation a
  where a.la_code = ${laCode} and a.start_date <= ${day}::date and (a.end_date is null or a.end_date > ${day}::date)`;

type CaseloadRow = {
  worker_id: string;
  given_name: string;
  family_name: string;
  job_role: string;
  employment: string;
  fte: number | string;
  team_id: string | null;
  team_name: string | null;
  service: string | null;
  asye_start: string | null;
  protected_caseload: number | null;
  children: number | string;
  cp: number | string;
  la: number | string;
  cin: number | string;
};

/** Every case holder in post on a day, with their caseload, its weighted figure and their ceiling. */
export async function caseloads(
  db: Kysely<Database>,
  laCode: string,
  q: { asOf?: string | undefined; teamId?: string | undefined; service?: string | undefined },
) {
  const asOf = q.asOf ?? todayInEngland();
  const { caseload: settings } = await workforceSettings(db, laCode);
  const rows = (
    await sql<CaseloadRow>`
    with h as materialized (${heldOn(laCode, asOf)}),
    c as (select worker_id, count(*) as children, count(*) filter (where kind = 'child-protection') as cp,
            count(*) filter (where kind = 'looked-after') as la, count(*) filter (where kind = 'child-in-need') as cin
          from h group by worker_id)
    select w.worker_id, w.given_name, w.family_name, w.job_role, w.employment, w.fte, w.team_id, t.name as team_name, t.service,
      w.asye_start, w.protected_caseload,
      coalesce(c.children, 0) as children, coalesce(c.cp, 0) as cp, coalesce(c.la, 0) as la, coalesce(c.cin, 0) as cin
    from worker w
    left join team t on t.la_code = w.la_code and t.team_id = w.team_id
    left join c on c.worker_id = w.worker_id
    where w.la_code = ${laCode} and w.start_date <= ${asOf}::date and (w.leave_date is null or w.leave_date >= ${asOf}::date)
      ${q.teamId ? sql`and w.team_id = ${q.teamId}` : sql``}
      ${q.service ? sql`and t.service = ${q.service}` : sql``}
      and (w.job_role = any(${CASE_HOLDING}::text[]) or c.children > 0)
    order by t.service nulls last, t.name nulls last, w.family_name, w.given_name`.execute(db)
  ).rows;
  const workers = rows.map((r) => {
    const byKind: Record<CaseKind, number> = { 'child-protection': Number(r.cp), 'looked-after': Number(r.la), 'child-in-need': Number(r.cin) };
    const fte = Number(r.fte);
    const inAsye = r.asye_start !== null && r.asye_start <= asOf && asOf < addYear(r.asye_start);
    const ceiling = caseloadCeiling(settings.ceiling, fte, inAsye ? r.protected_caseload : null);
    const weighted = weightedCaseload(byKind, settings.weights);
    return {
      workerId: r.worker_id,
      name: `${r.given_name} ${r.family_name}`,
      jobRole: r.job_role,
      employment: r.employment,
      fte,
      teamId: r.team_id,
      teamName: r.team_name,
      service: r.service,
      inAsye,
      children: Number(r.children),
      byKind,
      weighted,
      ceiling,
      overCeiling: weighted > ceiling,
    };
  });
  return {
    asOf,
    settings,
    workers,
    teams: summarise(
      workers,
      (w) => w.teamId ?? '',
      (w) => w.teamName ?? 'No team',
    ),
    services: summarise(
      workers,
      (w) => w.service ?? '',
      (w) => w.service ?? 'No service',
    ),
  };
}

function addYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + 1}-${m}-${d}`;
}

type WorkerLoad = { fte: number; children: number; weighted: number; overCeiling: boolean };

function summarise<W extends WorkerLoad>(workers: W[], key: (w: W) => string, label: (w: W) => string) {
  const groups = new Map<string, { id: string; name: string; workers: number; fte: number; children: number; weighted: number; overCeiling: number }>();
  for (const w of workers) {
    const k = key(w);
    let g = groups.get(k);
    if (!g) {
      g = { id: k, name: label(w), workers: 0, fte: 0, children: 0, weighted: 0, overCeiling: 0 };
      groups.set(k, g);
    }
    g.workers++;
    g.fte += w.fte;
    g.children += w.children;
    g.weighted += w.weighted;
    if (w.overCeiling) g.overCeiling++;
  }
  return [...groups.values()].map((g) => ({
    ...g,
    fte: Math.round(g.fte * 100) / 100,
    weighted: Math.round(g.weighted * 100) / 100,
    // Weighted cases per full-time worker: the figure that compares teams of different sizes.
    perFte: g.fte > 0 ? Math.round((g.weighted / g.fte) * 10) / 10 : null,
  }));
}

/** The day asked about, then the end of each month before it: `months` days in all. */
const monthEnds = (asOf: string, months: number) => sql`
  select case when g = 0 then ${asOf}::date else (date_trunc('month', ${asOf}::date) - make_interval(months => g - 1) - interval '1 day')::date end as day
  from generate_series(0, ${months - 1}) g`;

/**
 * The team a worker was in on a day: after a move, the team moved to; before their first move,
 * the team they moved from; a worker who never moved, their team. (worker_team_move keeps moves.)
 */
export const teamOn = (w: string, day: ReturnType<typeof sql>) => sql`(case
  when (${sql.ref(`${w}.la_code`)}, ${sql.ref(`${w}.worker_id`)}) not in (select m.la_code, m.worker_id from worker_team_move m) then ${sql.ref(`${w}.team_id`)}
  when exists (select 1 from worker_team_move m where m.la_code = ${sql.ref(`${w}.la_code`)} and m.worker_id = ${sql.ref(`${w}.worker_id`)} and m.moved_on <= ${day})
    then (select m.to_team_id from worker_team_move m where m.la_code = ${sql.ref(`${w}.la_code`)} and m.worker_id = ${sql.ref(`${w}.worker_id`)} and m.moved_on <= ${day}
      order by m.moved_on desc limit 1)
  else (select m.from_team_id from worker_team_move m where m.la_code = ${sql.ref(`${w}.la_code`)} and m.worker_id = ${sql.ref(`${w}.worker_id`)}
    order by m.moved_on limit 1) end)`;

/**
 * One worker's or one team's caseload at each month end over the last `months` months. One pass
 * over the allocations that overlap the months (for a team, only its workers' allocations, by
 * index), counted per day, rather than a scan of every allocation for each month. A team's
 * workers are those in it on the day (moves between teams are kept).
 */
export async function caseloadHistory(
  db: Kysely<Database>,
  laCode: string,
  q: { workerId?: string | undefined; teamId?: string | undefined; months: number; asOf?: string | undefined },
) {
  const asOf = q.asOf ?? todayInEngland();
  // A team's: those in it on each day (its current members, or anyone who has moved team).
  const inTeam = q.teamId
    ? sql`and (w.team_id = ${q.teamId} or (w.la_code, w.worker_id) in (select m.la_code, m.worker_id from worker_team_move m))
        and ${teamOn('w', sql`d.day`)} = ${q.teamId}`
    : sql``;
  const whose = sql`${q.workerId ? sql`and w.worker_id = ${q.workerId}` : sql``} ${inTeam}`;
  const rows = (
    await sql<{ day: string; children: number | string; workers: number | string }>`
    with days as (${monthEnds(asOf, q.months)}),
    held as (
      select d.day, count(*) as children
      from worker w
      join allocation a on a.la_code = w.la_code and a.worker_id = w.worker_id
      join days d on a.start_date <= d.day and (a.end_date is null or a.end_date > d.day)
      where w.la_code = ${laCode} ${whose}
        and a.start_date <= ${asOf}::date and (a.end_date is null or a.end_date > (select min(day) from days))
      group by d.day
    ),
    staff as (
      select d.day, count(*) as workers
      from worker w join days d on w.start_date <= d.day and (w.leave_date is null or w.leave_date >= d.day)
      where w.la_code = ${laCode} and w.job_role = any(${CASE_HOLDING}::text[]) ${whose}
      group by d.day
    )
    select d.day::text as day, coalesce(h.children, 0) as children, coalesce(s.workers, 0) as workers
    from days d left join held h on h.day = d.day left join staff s on s.day = d.day
    order by d.day`.execute(db)
  ).rows;
  return { asOf, points: rows.map((r) => ({ day: String(r.day).slice(0, 10), children: Number(r.children), workers: Number(r.workers) })) };
}

/**
 * For every child with an open case on a day: how many social workers they have had in the
 * 12 months to that day, and since their episode began. Three or more in 12 months is flagged.
 * An allocation that ended on the first day of the window was handed over that day and is not
 * counted; one still open, or ending later, is.
 */
export async function churn(
  db: Kysely<Database>,
  actor: Actor,
  q: { asOf?: string | undefined; teamId?: string | undefined; flaggedOnly?: boolean | undefined; limit: number },
) {
  const asOf = q.asOf ?? todayInEngland();
  const laCode = actor.user.laCode;
  const readScope = scopeFor(actor.user.role, 'child:read') ?? 'own';
  const yearBefore = sql`(${asOf}::date - interval '12 months')::date`;
  const base = db
    .selectFrom('cin_episode as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .innerJoin('cin_episode as e2', (j) => j.onRef('e2.la_code', '=', 'a.la_code').onRef('e2.child_id', '=', 'a.child_id'))
          .select([
            'e2.episode_id',
            sql<number>`count(distinct a.worker_id) filter (where a.end_date is null or a.end_date > ${yearBefore})`.as('last_12_months'),
            sql<number>`count(distinct a.worker_id) filter (where a.end_date is null or a.end_date > e2.referral_date)`.as('this_episode'),
            sql<string | null>`max(a.worker_id::text) filter (where a.end_date is null or a.end_date > ${asOf}::date)`.as('current_worker_id'),
          ])
          .where('a.la_code', '=', laCode)
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.start_date', '<=', asOf)
          // Only the episodes open on the day: the outer query shows no others.
          .where('e2.referral_date', '<=', asOf)
          .where((eb) => eb.or([eb('e2.closure_date', 'is', null), eb('e2.closure_date', '>', asOf)]))
          .where('e2.referral_nfa', '=', false)
          .groupBy('e2.episode_id')
          .as('c'),
      (j) => j.onRef('c.episode_id', '=', 'e.episode_id'),
    )
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'e.la_code').on(sql`w.worker_id::text`, '=', sql.ref('c.current_worker_id')))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
    .where('e.la_code', '=', laCode)
    .where('e.referral_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.closure_date', 'is', null), eb('e.closure_date', '>', asOf)]))
    .where('e.referral_nfa', '=', false)
    .where(childrenInScope(actor.user, readScope))
    .$if(!!q.teamId, (qb) => qb.where('w.team_id', '=', q.teamId as string))
    .$if(!!q.flaggedOnly, (qb) => qb.where(sql<boolean>`coalesce(c.last_12_months, 0) >= ${CHURN_FLAG}`));
  // The counts ride on the rows as window totals (taken before the limit), so the council's
  // allocations are aggregated once, not once for the counts and again for the list.
  const rows = await base
    .select([
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`count(*) filter (where coalesce(c.last_12_months, 0) >= ${CHURN_FLAG}) over ()`.as('total_flagged'),
      'p.person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'e.referral_date',
      sql<number>`coalesce(c.last_12_months, 0)`.as('last_12_months'),
      sql<number>`coalesce(c.this_episode, 0)`.as('this_episode'),
      'w.worker_id',
      sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker_name'),
      't.name as team_name',
    ])
    .orderBy(sql`coalesce(c.last_12_months, 0)`, 'desc')
    .orderBy(sql`coalesce(c.this_episode, 0)`, 'desc')
    .orderBy('p.family_name')
    .limit(q.limit)
    .execute();
  return {
    asOf,
    flagAt: CHURN_FLAG,
    counts: { children: Number(rows[0]?.total ?? 0), flagged: Number(rows[0]?.total_flagged ?? 0) },
    children: rows.map((r) => ({
      childId: r.person_id,
      laChildId: r.la_child_id ?? '',
      name: `${r.given_name} ${r.family_name}`,
      episodeStart: r.referral_date,
      socialWorkersLast12Months: Number(r.last_12_months),
      socialWorkersThisEpisode: Number(r.this_episode),
      flagged: Number(r.last_12_months) >= CHURN_FLAG,
      currentWorkerId: r.worker_id,
      currentWorker: r.worker_name,
      team: r.team_name,
    })),
  };
}

/** Children with an open case and no allocated social worker on a day, longest waiting first. */
export async function allocationGaps(db: Kysely<Database>, actor: Actor, q: { asOf?: string | undefined; limit: number }) {
  const asOf = q.asOf ?? todayInEngland();
  const laCode = actor.user.laCode;
  const readScope = scopeFor(actor.user.role, 'child:read') ?? 'own';
  const rows = await db
    .selectFrom('cin_episode as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .select([
            'a.child_id',
            sql<string | null>`max(a.end_date) filter (where a.end_date <= ${asOf}::date)`.as('last_end'),
            sql<boolean>`bool_or(a.end_date is null or a.end_date > ${asOf}::date)`.as('held'),
          ])
          .where('a.la_code', '=', laCode)
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.start_date', '<=', asOf)
          .groupBy('a.child_id')
          .as('s'),
      (j) => j.onRef('s.child_id', '=', 'e.child_id'),
    )
    // The team that last held the case, to show whose gap it is: looked up for the children
    // waiting only (by the allocation_child index), not worked out for every child first.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
          .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
          .select(['t.name as team_name', 't.team_id'])
          .whereRef('a.la_code', '=', 'e.la_code')
          .whereRef('a.child_id', '=', 'e.child_id')
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.end_date', '<=', asOf)
          .orderBy('a.end_date', 'desc')
          .limit(1)
          .as('lt'),
      (j) => j.onTrue(),
    )
    .select([
      'p.person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'e.referral_date',
      's.last_end',
      'lt.team_name',
      sql<string>`greatest(e.referral_date, s.last_end)::text`.as('since'),
      sql<number>`(${asOf}::date - greatest(e.referral_date, s.last_end))`.as('days'),
    ])
    .where('e.la_code', '=', laCode)
    .where('e.referral_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.closure_date', 'is', null), eb('e.closure_date', '>', asOf)]))
    .where('e.referral_nfa', '=', false)
    .where(sql<boolean>`not coalesce(s.held, false)`)
    .where(childrenInScope(actor.user, readScope))
    .orderBy('days', 'desc')
    .limit(q.limit)
    .execute();
  return {
    asOf,
    children: rows.map((r) => ({
      childId: r.person_id,
      laChildId: r.la_child_id ?? '',
      name: `${r.given_name} ${r.family_name}`,
      unallocatedSince: String(r.since).slice(0, 10),
      days: Number(r.days),
      lastTeam: r.team_name,
    })),
  };
}

type TeamMonthRow = {
  team_id: string;
  name: string;
  service: string;
  day: string;
  headcount: number | string;
  fte: number | string;
  agency_fte: number | string;
  permanent_fte: number | string;
  starters: number | string;
  leavers: number | string;
  permanent_leavers_fte: number | string;
  funded_fte: number | string | null;
};

/**
/**
 * Each team's staff on each of `days` (a query of one `day` column): in post (headcount, FTE,
 * agency and permanent FTE), starters and leavers in the 12 months to the day (and the permanent
 * leavers' FTE), and the funded posts in force. In post on a day: started by it and not left
 * before it. Each worker counts in the team they were in on the day (a starter in the team they
 * joined, a leaver in the team they left), from the record of moves between teams. The
 * performance indicators turnover-rate, agency-rate and vacancy-rate read these same figures
 * (areas/performance/indicators.ts), so the team page and the dashboard cannot disagree.
 */
export function teamStaffOn(laCode: string, days: RawBuilder<unknown>, teamId?: string) {
  return sql<TeamMonthRow>`
    with days as (${days}),
    wd as materialized (
      select d.day, w.worker_id, w.fte, w.employment, w.start_date, w.leave_date,
        ${teamOn('w', sql`d.day`)} as team_then, ${teamOn('w', sql`w.start_date`)} as joined_team, ${teamOn('w', sql`w.leave_date`)} as left_team
      from days d cross join worker w
      where w.la_code = ${laCode} and w.start_date <= d.day and (w.leave_date is null or w.leave_date > (d.day - interval '12 months')::date)
    ),
    -- Each figure grouped by its own team of the day, then joined by equality (team, day).
    in_post as (
      select day, team_then as team_id, count(*) as headcount, sum(fte) as fte,
        coalesce(sum(fte) filter (where employment = 'agency'), 0) as agency_fte, coalesce(sum(fte) filter (where employment = 'permanent'), 0) as permanent_fte
      from wd where leave_date is null or leave_date >= day group by day, team_then
    ),
    started as (
      select day, joined_team as team_id, count(*) as starters from wd where start_date > (day - interval '12 months')::date group by day, joined_team
    ),
    left_team as (
      select day, left_team as team_id, count(*) as leavers, coalesce(sum(fte) filter (where employment = 'permanent'), 0) as permanent_leavers_fte from wd
      where leave_date > (day - interval '12 months')::date and leave_date <= day group by day, left_team
    )
    select t.team_id, t.name, t.service, d.day::text as day,
      coalesce(i.headcount, 0) as headcount, coalesce(i.fte, 0) as fte, coalesce(i.agency_fte, 0) as agency_fte, coalesce(i.permanent_fte, 0) as permanent_fte,
      coalesce(s.starters, 0) as starters, coalesce(l.leavers, 0) as leavers, coalesce(l.permanent_leavers_fte, 0) as permanent_leavers_fte,
      (select e.funded_fte from team_establishment e where e.la_code = t.la_code and e.team_id = t.team_id and e.effective_from <= d.day
        order by e.effective_from desc limit 1) as funded_fte
    from team t cross join days d
    left join in_post i on i.team_id = t.team_id and i.day = d.day
    left join started s on s.team_id = t.team_id and s.day = d.day
    left join left_team l on l.team_id = t.team_id and l.day = d.day
    where t.la_code = ${laCode} ${teamId ? sql`and t.team_id = ${teamId}` : sql``}`;
}

/**
 * Each team at each month end: its staff (teamStaffOn), the DfE turnover rate (permanent
 * leavers' FTE over permanent FTE in post), agency share and vacancies against the team's
 * funded posts.
 */
export async function teamStats(db: Kysely<Database>, laCode: string, q: { asOf?: string | undefined; months: number; teamId?: string | undefined }) {
  const asOf = q.asOf ?? todayInEngland();
  const rows = (
    await sql<TeamMonthRow>`
    select s.* from (${teamStaffOn(laCode, monthEnds(asOf, q.months), q.teamId)}) s
    order by s.service, s.name, s.day desc`.execute(db)
  ).rows;
  const teams = new Map<string, { teamId: string; name: string; service: string; months: ReturnType<typeof month>[] }>();
  for (const r of rows) {
    let team = teams.get(r.team_id);
    if (!team) {
      team = { teamId: r.team_id, name: r.name, service: r.service, months: [] };
      teams.set(r.team_id, team);
    }
    team.months.push(month(r));
  }
  return { asOf, teams: [...teams.values()].map((t) => ({ ...t, current: t.months[0] as ReturnType<typeof month> })) };
}

function month(r: TeamMonthRow) {
  const fte = Number(r.fte);
  const funded = r.funded_fte === null ? null : Number(r.funded_fte);
  return {
    day: String(r.day).slice(0, 10),
    headcount: Number(r.headcount),
    fte: Math.round(fte * 100) / 100,
    agencyFte: Math.round(Number(r.agency_fte) * 100) / 100,
    starters: Number(r.starters),
    leavers: Number(r.leavers),
    turnoverRate: turnoverRate(Number(r.permanent_leavers_fte), Number(r.permanent_fte)),
    agencyShare: agencyShare(Number(r.agency_fte), fte),
    fundedFte: funded,
    vacancies: vacancies(funded, Number(r.permanent_fte)),
  };
}

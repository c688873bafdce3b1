/**
 * The workforce figures managers and the director read every week: caseloads against the
 * council's ceiling, here; churn of social workers per child and children waiting for a worker
 * (children-figures.ts); each team's starters, leavers, turnover, agency share and vacancies
 * (team-stats.ts). Each is a set-based query as of a day, so "last month" and "a year ago" come
 * from the same history tables.
 */
import { todayInEngland } from '@lantern/core/calendar';
import {
  type AuditQuestion,
  type CaseKind,
  type CaseloadSettings,
  type ChecklistItem,
  caseloadCeiling,
  DEFAULT_AUDIT_QUESTIONS,
  DEFAULT_CASELOAD,
  DEFAULT_INDUCTION_CHECKLIST,
  WORKFORCE_SETTING,
  weightedCaseload,
} from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../kernel/db/schema.ts';
import { councilSettings } from '../../kernel/settings.ts';

/** The council's workforce settings, with the defaults where it has set none. */
export async function workforceSettings(db: Kysely<Database>, laCode: string) {
  const by = await councilSettings(db, laCode, { keys: Object.values(WORKFORCE_SETTING) });
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
export const monthEnds = (asOf: string, months: number) => sql`
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

/**
 * Each team's staff as of a day and at each month end: starters, leavers, the DfE turnover rate,
 * agency share and vacancies against its funded posts (the performance indicators read the same).
 */
import { todayInEngland } from '@lantern/core/calendar';
import { agencyShare, turnoverRate, vacancies } from '@lantern/core/workforce';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../kernel/db/schema.ts';
import { monthEnds, teamOn } from './figures.ts';

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

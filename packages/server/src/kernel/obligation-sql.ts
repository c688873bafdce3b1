/**
 * The SQL building blocks the areas' deadline rules are written with: a due date counted from a
 * start (dueOf), a deadline met by a record or cancelled by an end (metOrEnded), one recurring
 * through a plan (throughPlan), and the visits that count towards a plan (plannedVisits, bornBy).
 * Pure query builders, no I/O; the engine in obligations.ts runs them.
 */
import type { DueRule } from '@lantern/core/timescales';
import { type RawBuilder, sql } from 'kysely';
import type { DueSql, Scope } from './obligations.ts';

/**
 * A derivation's met, ended and reason columns for a deadline that a record meets and an end
 * cancels: while unmet, it ends (unmet) when `end` has happened, for `reason`.
 */
export function metOrEnded(met: RawBuilder<unknown>, end: RawBuilder<unknown>, reason: string | RawBuilder<unknown>) {
  const why = typeof reason === 'string' ? sql.lit(reason) : reason;
  return sql`${met}, case when ${met} is null then ${end} end, case when ${met} is null and ${end} is not null then ${why} end`;
}

/**
 * How the insert computes a due date from `d.start_date`: calendar arithmetic in place, and for
 * working days a join to calendar_day (set-based, so a whole council costs one hash join).
 */
export function dueOf(due: DueRule): DueSql {
  const none = sql``;
  switch (due.unit) {
    case 'hours':
      // `d.start_date` is an instant; the day it falls on and the due day are England's.
      return {
        start: sql`((d.start_date at time zone 'Europe/London')::date)`,
        expr: sql`(((d.start_date + make_interval(hours => ${sql.lit(due.n)})) at time zone 'Europe/London')::date)`,
        at: sql`(d.start_date + make_interval(hours => ${sql.lit(due.n)}))`,
        joins: none,
      };
    case 'by-event':
      // Settled from the event's own deadline once every rule's rows are in (a rule set's `settle`).
      return { expr: sql`d.start_date`, joins: none };
    case 'working-days': {
      // A weekend or holiday carries the number of the working day before it, so counting n ≤ 0
      // from one needs one more (see calendarDays in core).
      const extra = due.n > 0 ? sql.lit(0) : sql`(case when c1.is_working_day then 0 else 1 end)`;
      return {
        expr: sql`c2.day`,
        joins: sql`join calendar_day c1 on c1.day = d.start_date join calendar_day c2 on c2.is_working_day and c2.working_day_number = c1.working_day_number + ${sql.lit(due.n)} + ${extra}`,
      };
    }
    case 'days':
      return { expr: sql`(d.start_date + ${sql.lit(due.n)})`, joins: none };
    case 'weeks':
      return { expr: sql`(d.start_date + ${sql.lit(due.n * 7)})`, joins: none };
    case 'months':
      // Postgres clamps to the month's last day (31 August + 6 months = 28 or 29 February).
      return { expr: sql`((d.start_date + make_interval(months => ${sql.lit(due.n)}))::date)`, joins: none };
    default:
      throw new Error(`The engine cannot count a due rule of unit ${(due as DueRule).unit} in SQL`);
  }
}

/**
 * The plan's visits that count: before birth a visit cannot see the child, so a visit to an
 * expectant parent counts; after birth only a visit in which the child was seen does. The child's
 * date of birth is joined (one hash join for a council), not looked up for each visit: a lookup
 * per visit made the planner visit each plan's visits by index, 54,000 times for a council's
 * child in need plans. A plan's window ends the day before its end date, so a visit on the day one
 * plan ends and the next starts belongs to the new plan only.
 */
export const plannedVisits = (purpose: string) =>
  sql`join (visit v left join person b on b.la_code = v.la_code and b.person_id = v.child_id)
    on v.la_code = p.la_code and v.child_id = p.child_id and v.purpose = ${sql.lit(purpose)}
    and (v.child_seen or not coalesce(b.date_of_birth <= v.visited_on, false))`;

/**
 * The child had been born by the visit, looked up for each visit: where a council's plans are few
 * (child protection), visiting each plan's visits by index is cheaper than joining every visit.
 */
export const bornBy = (visit: string) =>
  sql`select 1 from person b where b.la_code = ${sql.ref(`${visit}.la_code`)} and b.person_id = ${sql.ref(`${visit}.child_id`)} and b.date_of_birth is not null and b.date_of_birth <= ${sql.ref(`${visit}.visited_on`)}`;

/**
 * A deadline that recurs through a plan (a child in need plan, a child protection plan): counted
 * from the plan's start, then from each occasion (a visit, a review) within the plan, each met by
 * the next occasion; unmet when the plan ends.
 */
export function throughPlan(
  scope: Scope,
  table: 'cp_plan' | 'cin_plan',
  key: 'plan_id' | 'cin_plan_id',
  occasion: { join: RawBuilder<unknown>; id: RawBuilder<unknown>; on: RawBuilder<unknown> },
) {
  const plan = sql.table(table);
  const planKey = sql.ref(`p.${key}`);
  return sql`
    select o.child_id, o.source_id, o.episode_id, o.on_date,
      ${metOrEnded(sql`o.next_on`, sql`o.end_date`, 'Plan ended')}
    from (
      select x.*, lead(on_date) over (partition by plan_key order by on_date, is_occasion, source_id) as next_on
      from (
        -- Only what the rows select goes through the sort (not the council's code).
        select ${planKey} as plan_key, p.child_id, p.episode_id, p.end_date, ${planKey} as source_id, p.start_date as on_date, 0 as is_occasion
        from ${plan} p where ${scope('p')}
        union all
        select ${planKey}, p.child_id, p.episode_id, p.end_date, ${occasion.id}, ${occasion.on}, 1
        from ${plan} p ${occasion.join}
          and ${occasion.on} >= p.start_date and (p.end_date is null or ${occasion.on} < p.end_date)
        where ${scope('p')}
      ) x
    ) o`;
}

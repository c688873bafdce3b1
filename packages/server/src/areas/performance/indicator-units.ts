/** What every indicator query shares (indicators.ts): its shape, and the units several count. */
import { type RawBuilder, sql } from 'kysely';
import { teamStaffOn } from '../workforce/index.ts';

export type Window = { laCode: string; from: string; to: string };

export type IndicatorQuery = {
  sql: (w: Window) => RawBuilder<unknown>;
  /** allocation: the unit is the child's allocated worker's on on_date; given: the row names its worker and team. */
  attribution: 'allocation' | 'given';
};

/** The day n working days after `date` (n ≥ 1), as in the timescales engine. */
export const workingDaysAfter = (date: RawBuilder<unknown>, n: number) =>
  sql`(select c2.day from calendar_day c1 join calendar_day c2 on c2.is_working_day and c2.working_day_number = c1.working_day_number + ${sql.lit(n)} where c1.day = ${date})`;

export const none = sql`null::uuid, null::uuid`;

/** An open case on a day: an open child-in-need episode or episode of care. */
export const openCaseChildren = (w: Window) => sql`
  select e.child_id from cin_episode e
  where e.la_code = ${w.laCode} and e.referral_date <= ${w.to} and (e.closure_date is null or e.closure_date > ${w.to}) and not e.referral_nfa
  union
  select c.child_id from cla_episode c
  where c.la_code = ${w.laCode} and c.start_date <= ${w.to} and (c.end_date is null or c.end_date > ${w.to})`;

/**
 * Obligations of the given rules falling due in the period and before the as-of date, met on or
 * before their due date; those whose need ended before they fell due are not counted (as
 * cp-visits-in-time).
 */
export const childObligationsInTime = (w: Window, rules: string[]) => sql`
  select o.child_id, ${none}, o.due_date,
    case when o.met_on is not null and o.met_on <= o.due_date and o.met_on <= ${w.to} then 1 else 0 end, 1, null::numeric
  from obligation o
  where o.la_code = ${w.laCode} and o.rule_id in (${sql.join(rules)}) and o.due_date between ${w.from} and ${w.to} and o.due_date < ${w.to}
    and not (o.ended_on is not null and o.ended_on <= o.due_date)`;

/**
 * Care leavers' contacts around their 17th to 21st birthdays (903 OC3), by the birthday: the
 * birthday in the period, counted from the date of birth (29 February's is 1 March in other
 * years, as core care.ts birthday()). Codes as core isEet and isSuitableAccommodation.
 */
export const leaverBirthdays = (w: Window, counted: RawBuilder<unknown>) => sql`
  select b.child_id, ${none}, b.birthday, case when ${counted} then 1 else 0 end, 1, null::numeric
  from (
    select l.*, (case when to_char(p.date_of_birth, 'MM-DD') = '02-29' and to_char(d.plain, 'MM-DD') = '02-28' then d.plain + 1 else d.plain end) as birthday
    from leaver_birthday_contact l join person p on p.la_code = l.la_code and p.person_id = l.child_id
    cross join lateral (select (p.date_of_birth + make_interval(years => l.birthday_age::int))::date as plain) d
    where l.la_code = ${w.laCode}
  ) b
  where b.birthday between ${w.from} and ${w.to}`;

/** Episodes of care in a placement the director approved as with an unregistered provider. */
export const unregisteredEpisodes = (w: Window) => sql`
  select e.* from cla_episode e
  where e.la_code = ${w.laCode}
    and exists (select 1 from unregistered_approval a where a.la_code = e.la_code and a.placement_id = e.placement_id)`;

/**
 * Each team's staff on the snapshot date, as the workforce area's team figures count them (one
 * query for both, so the team page and the dashboard agree). A unit is a team.
 */
export const teamStaff = (w: Window) => teamStaffOn(w.laCode, sql`select ${w.to}::date as day`);

/** An indicator whose unit is the child's allocated worker's on the row's date. */
export const allocated = (query: IndicatorQuery['sql']): IndicatorQuery => ({ attribution: 'allocation', sql: query });

/** The council's rows (alias `t`) whose date `column` falls in the period. */
export const inPeriod = (w: Window, t: string, column: string) =>
  sql`${sql.ref(`${t}.la_code`)} = ${w.laCode} and ${sql.ref(`${t}.${column}`)} between ${w.from} and ${w.to}`;

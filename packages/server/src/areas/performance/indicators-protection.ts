/** The front door, assessments and protection: how each of their indicators is counted (indicators.ts). */
import { type RawBuilder, sql } from 'kysely';
import { allocated, childObligationsInTime, type IndicatorQuery, inPeriod, none, type Window, workingDaysAfter } from './indicator-units.ts';

/** Every record of a table (alias `t`) whose date `column` falls in the period, counted once, on that date. */
const everyInPeriod = (w: Window, table: string, column: string) => sql`
  select t.child_id, ${none}, ${sql.ref(`t.${column}`)}, 1, 1, null::numeric
  from ${sql.table(table)} t where ${inPeriod(w, 't', column)}`;

/**
 * Whether the early help episode's child (`e`) was referred to children's social care within 12
 * months of `from` (as core's addCalendarMonths), by the end of the period; `other` narrows which referrals count.
 */
const referredWithin12Months = (w: Window, from: RawBuilder<unknown>, other: RawBuilder<unknown> = sql``) => sql`exists (
  select 1 from cin_episode r
  where r.la_code = e.la_code and r.child_id = e.child_id ${other}
    and r.referral_date >= ${from} and r.referral_date <= (${from} + interval '12 months')::date and r.referral_date <= ${w.to}
)`;

export const HELP_AND_PROTECTION_SQL: Record<string, IndicatorQuery> = {
  contacts: allocated((w) => everyInPeriod(w, 'contact', 'received_on')),

  'contact-decisions-1wd': allocated(
    (w) => sql`
      select c.child_id, ${none}, c.received_on,
        case when c.decided_on <= ${w.to} and c.decided_on <= d.due then 1 else 0 end, 1, null::numeric
      from contact c cross join lateral (select ${workingDaysAfter(sql`c.received_on`, 1)} as due) d
      where ${inPeriod(w, 'c', 'received_on')}
        and (c.decided_on <= ${w.to} or d.due < ${w.to})`,
  ),

  referrals: allocated((w) => everyInPeriod(w, 'cin_episode', 'referral_date')),

  're-referrals-12m': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.referral_date,
        case when exists (
          select 1 from cin_episode p
          where p.la_code = e.la_code and p.child_id = e.child_id and p.episode_id <> e.episode_id
            and p.referral_date < e.referral_date
            and p.referral_date >= (e.referral_date - interval '12 months')::date
        ) then 1 else 0 end, 1, null::numeric
      from cin_episode e where ${inPeriod(w, 'e', 'referral_date')}`,
  ),

  // Early help (areas/early-help): a referral is a child-in-need episode; 12 months as core's addCalendarMonths.
  'early-help-stepped-up-12m': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.ended_on,
        case when ${referredWithin12Months(w, sql`e.ended_on`)} then 1 else 0 end, 1, null::numeric
      from early_help_episode e where ${inPeriod(w, 'e', 'ended_on')}`,
  ),

  're-referrals-after-step-down': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.started_on,
        case when ${referredWithin12Months(w, sql`e.started_on`, sql`and r.episode_id <> e.cin_episode_id`)} then 1 else 0 end, 1, null::numeric
      from early_help_episode e where e.la_code = ${w.laCode} and e.cin_episode_id is not null and e.started_on between ${w.from} and ${w.to}`,
  ),

  'referrals-nfa': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.referral_date, case when e.referral_nfa then 1 else 0 end, 1, null::numeric
      from cin_episode e where ${inPeriod(w, 'e', 'referral_date')}`,
  ),

  'assessments-45wd': allocated(
    (w) => sql`
      select a.child_id, ${none}, a.authorised_on,
        case when a.authorised_on <= ${workingDaysAfter(sql`e.referral_date`, 45)} then 1 else 0 end, 1, null::numeric
      from assessment a join cin_episode e on e.la_code = a.la_code and e.episode_id = a.episode_id
      where ${inPeriod(w, 'a', 'authorised_on')}`,
  ),

  'assessments-45d-from-start': allocated(
    (w) => sql`
      select a.child_id, ${none}, a.authorised_on,
        case when a.authorised_on <= ${workingDaysAfter(sql`a.start_date`, 45)} then 1 else 0 end, 1, null::numeric
      from assessment a
      where ${inPeriod(w, 'a', 'authorised_on')}`,
  ),

  's47-enquiries': allocated((w) => everyInPeriod(w, 'section47', 'start_date')),

  // Counted from the last section-47 strategy discussion in the episode, on or after the one that
  // started the enquiry and on or before the conference (as the icpc deadline is).
  'icpc-15wd': allocated(
    (w) => sql`
      select c.child_id, ${none}, c.held_on,
        case when c.held_on <= ${workingDaysAfter(sql`sd.held_on`, 15)} then 1 else 0 end, 1, null::numeric
      from cp_conference c
      join section47 s on s.la_code = c.la_code and s.s47_id = c.s47_id
      join strategy_discussion first on first.la_code = s.la_code and first.strategy_id = s.strategy_id
      cross join lateral (
        select max(d.held_on) as held_on from strategy_discussion d
        where d.la_code = s.la_code and d.episode_id = s.episode_id and d.decision = 'section-47'
          and d.held_on >= first.held_on and d.held_on <= c.held_on
      ) sd
      where c.la_code = ${w.laCode} and c.kind = 'initial' and c.held_on between ${w.from} and ${w.to}`,
  ),

  'cp-rate': allocated(
    (w) => sql`
      select distinct p.child_id, ${none}, ${w.to}::date, 1, 1, null::numeric
      from cp_plan p where p.la_code = ${w.laCode} and p.start_date <= ${w.to} and (p.end_date is null or p.end_date > ${w.to})`,
  ),

  'cp-repeat': allocated(
    (w) => sql`
      select p.child_id, ${none}, p.start_date,
        case when p.previous_plans > 0 or exists (
          select 1 from cp_plan q where q.la_code = p.la_code and q.child_id = p.child_id and q.plan_id <> p.plan_id and q.start_date < p.start_date
        ) then 1 else 0 end, 1, null::numeric
      from cp_plan p where ${inPeriod(w, 'p', 'start_date')}`,
  ),

  'cp-repeat-2y': allocated(
    (w) => sql`
      select p.child_id, ${none}, p.start_date,
        case when exists (
          select 1 from cp_plan q where q.la_code = p.la_code and q.child_id = p.child_id and q.plan_id <> p.plan_id
            and q.end_date <= p.start_date and q.end_date >= (p.start_date - interval '2 years')::date
        ) then 1 else 0 end, 1, null::numeric
      from cp_plan p where ${inPeriod(w, 'p', 'start_date')}`,
  ),

  'cp-lasting-2y': allocated(
    (w) => sql`
      select p.child_id, ${none}, p.end_date,
        case when p.end_date >= (p.start_date + interval '2 years')::date then 1 else 0 end, 1, (p.end_date - p.start_date)::numeric
      from cp_plan p where ${inPeriod(w, 'p', 'end_date')}`,
  ),

  'cp-visits-in-time': allocated((w) => childObligationsInTime(w, ['cp-visit'])),

  // Working Together's intervals (3 months from the initial conference, which starts the plan,
  // then 6 months), not the council's setting, so a closed period never moves.
  'cp-reviews-in-time': allocated(
    (w) => sql`
      select r.child_id, ${none}, r.held_on,
        case when r.held_on <= (case when r.previous_review is null then (p.start_date + interval '3 months') else (r.previous_review + interval '6 months') end)::date
          then 1 else 0 end, 1, null::numeric
      from (
        select c.*, lag(c.held_on) over (partition by c.la_code, c.plan_id order by c.held_on, c.conference_id) as previous_review
        from cp_conference c where c.la_code = ${w.laCode} and c.kind = 'review'
      ) r
      join cp_plan p on p.la_code = r.la_code and p.plan_id = r.plan_id
      where r.held_on between ${w.from} and ${w.to}`,
  ),
};

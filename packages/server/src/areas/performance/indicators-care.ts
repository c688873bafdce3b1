/** Children in care, care leavers, legal, quality and the workforce: how each of their indicators is counted (indicators.ts). */
import { sql } from 'kysely';
import {
  allocated,
  childObligationsInTime,
  type IndicatorQuery,
  inPeriod,
  leaverBirthdays,
  none,
  openCaseChildren,
  teamStaff,
  unregisteredEpisodes,
} from './indicator-units.ts';

export const CARE_AND_WORKFORCE_SQL: Record<string, IndicatorQuery> = {
  'cla-rate': allocated(
    (w) => sql`
      select distinct c.child_id, ${none}, ${w.to}::date, 1, 1, null::numeric
      from cla_episode c where c.la_code = ${w.laCode} and c.start_date <= ${w.to} and (c.end_date is null or c.end_date > ${w.to})
        and c.legal_status not in ('V3', 'V4')`,
  ),

  'cla-3-placements': allocated(
    (w) => sql`
      select n.child_id, ${none}, ${w.to}::date, case when n.placements >= 3 then 1 else 0 end, 1, n.placements::numeric
      from (
        select c.child_id, count(distinct c.placement_id) as placements, bool_and(c.legal_status in ('V3', 'V4')) as short_breaks_only
        from cla_episode c
        where c.la_code = ${w.laCode} and c.start_date <= ${w.to} and (c.end_date is null or c.end_date > ${w.from})
          and c.child_id in (select l.child_id from cla_episode l where l.la_code = ${w.laCode} and l.start_date <= ${w.to} and (l.end_date is null or l.end_date > ${w.to}))
        group by c.child_id
      ) n
      where not n.short_breaks_only`,
  ),

  'caseload-average': {
    attribution: 'given',
    sql: (w) => sql`
      select null::uuid, wk.worker_id, wk.team_id, ${w.to}::date, count(distinct a.child_id), max(wk.fte), null::numeric
      from allocation a
      join worker wk on wk.la_code = a.la_code and wk.worker_id = a.worker_id
      where a.la_code = ${w.laCode} and a.allocation_role = 'social-worker'
        and a.start_date <= ${w.to} and (a.end_date is null or a.end_date > ${w.to})
        and wk.start_date <= ${w.to} and (wk.leave_date is null or wk.leave_date > ${w.to})
      group by wk.worker_id, wk.team_id`,
  },

  'children-3plus-workers': allocated(
    (w) => sql`
      select o.child_id, ${none}, ${w.to}::date, case when coalesce(n.workers, 0) >= 3 then 1 else 0 end, 1, null::numeric
      from (${openCaseChildren(w)}) o
      -- Counted once for the council and joined, not once per child (4.6 s on PGlite for 50,000 children).
      left join (
        select a.child_id, count(distinct a.worker_id) as workers from allocation a
        where a.la_code = ${w.laCode} and a.allocation_role = 'social-worker' and a.start_date <= ${w.to} and (a.end_date is null or a.end_date > ${w.from})
        group by a.child_id
      ) n on n.child_id = o.child_id`,
  ),

  // Belongs to the team that last held the case (no worker holds it now).
  'unallocated-cases': {
    attribution: 'given',
    sql: (w) => sql`
      select o.child_id, null::uuid, last.team_id, ${w.to}::date, 1, 1,
        (${w.to}::date - greatest(
          (select max(e.referral_date) from cin_episode e where e.la_code = ${w.laCode} and e.child_id = o.child_id and e.referral_date <= ${w.to}),
          (select min(c.start_date) from cla_episode c where c.la_code = ${w.laCode} and c.child_id = o.child_id and c.start_date <= ${w.to} and (c.end_date is null or c.end_date > ${w.to})),
          last.end_date))::numeric
      from (${openCaseChildren(w)}) o
      left join lateral (
        select a.end_date, wk.team_id from allocation a join worker wk on wk.la_code = a.la_code and wk.worker_id = a.worker_id
        where a.la_code = ${w.laCode} and a.child_id = o.child_id and a.allocation_role = 'social-worker' and a.start_date <= ${w.to}
        order by a.start_date desc limit 1
      ) last on true
      where not exists (
        select 1 from allocation a where a.la_code = ${w.laCode} and a.child_id = o.child_id and a.allocation_role = 'social-worker'
          and a.start_date <= ${w.to} and (a.end_date is null or a.end_date > ${w.to})
      )`,
  },

  'cla-visits-in-time': allocated((w) => childObligationsInTime(w, ['cla-visit-first', 'cla-visit', 'cla-visit-long-term', 'cla-visit-with-parent'])),

  'cla-reviews-in-time': allocated((w) => childObligationsInTime(w, ['cla-review-first', 'cla-review-second', 'cla-review'])),

  'pathway-plans-in-time': allocated((w) => childObligationsInTime(w, ['pathway-plan', 'pathway-plan-review'])),

  // A worker's own deadline: it belongs to the supervisee and their team (not to a child).
  'supervision-in-time': {
    attribution: 'given',
    sql: (w) => sql`
      select null::uuid, o.worker_id, wk.team_id, o.due_date,
        case when o.met_on is not null and o.met_on <= o.due_date and o.met_on <= ${w.to} then 1 else 0 end, 1, null::numeric
      from worker_obligation o join worker wk on wk.la_code = o.la_code and wk.worker_id = o.worker_id
      where o.la_code = ${w.laCode} and o.rule_id in ('supervision', 'supervision-asye') and o.due_date between ${w.from} and ${w.to} and o.due_date < ${w.to}
        and not (o.ended_on is not null and o.ended_on <= o.due_date)`,
  },

  // Missing (M) episodes only, not away without authorisation (A), as the DfE's missing figures;
  // by the day in England the child went missing, while looked after. days: the child's episodes.
  'missing-children': allocated(
    (w) => sql`
      select m.child_id, ${none}, min(m.on_date), 1, 1, count(*)::numeric
      from (
        select e.child_id, (e.started_at at time zone 'Europe/London')::date as on_date from missing_episode e
        where e.la_code = ${w.laCode} and e.kind = 'M'
      ) m
      where m.on_date between ${w.from} and ${w.to}
        and exists (
          select 1 from cla_episode c where c.la_code = ${w.laCode} and c.child_id = m.child_id
            and c.start_date <= m.on_date and (c.end_date is null or c.end_date > m.on_date) and c.legal_status not in ('V3', 'V4')
        )
      group by m.child_id`,
  ),

  // Of missing episodes ended in the period, offered a return interview within 72 hours of the
  // return; one whose 72 hours had not run out by the end of the as-of day counts only once offered.
  'rhi-offered-72h': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.ended_on,
        case when e.rhi_offered_at is not null and e.rhi_offered_at <= e.ended_at + interval '72 hours' and e.rhi_offered_at < e.as_of_end then 1 else 0 end,
        1, null::numeric
      from (
        select m.*, (m.ended_at at time zone 'Europe/London')::date as ended_on,
          ((${w.to}::date + 1)::timestamp at time zone 'Europe/London') as as_of_end
        from missing_episode m where m.la_code = ${w.laCode} and m.kind = 'M' and m.ended_at is not null
      ) e
      where e.ended_on between ${w.from} and ${w.to}
        and ((e.rhi_offered_at is not null and e.rhi_offered_at < e.as_of_end) or e.ended_at + interval '72 hours' < e.as_of_end)`,
  ),

  'care-leavers-in-touch': { attribution: 'allocation', sql: (w) => leaverBirthdays(w, sql`b.in_touch = 'YES'`) },
  'care-leavers-suitable-accommodation': { attribution: 'allocation', sql: (w) => leaverBirthdays(w, sql`b.accommodation ~ '^[A-Z]1$'`) },
  'care-leavers-eet': { attribution: 'allocation', sql: (w) => leaverBirthdays(w, sql`b.activity ~ '^[FP][1245]$'`) },

  // From referral (or arrival) to the start of the first period of care on or after it (core
  // care.ts uascDelayDays), for those whose period of care started in the period.
  'uasc-days-to-looked-after': allocated(
    (w) => sql`
      select u.child_id, ${none}, c.start_date, 1, 1, greatest(0, c.start_date - u.referred_on)::numeric
      from uasc_record u
      cross join lateral (
        select min(p.start_date) as start_date from care_period p
        where p.la_code = u.la_code and p.child_id = u.child_id and p.start_date >= u.referred_on
      ) c
      where u.la_code = ${w.laCode} and c.start_date between ${w.from} and ${w.to}`,
  ),

  // Adoption scorecard A1 (core care.ts entryToPlacedDays): from the start of the period of care
  // the child was placed from to the placement for adoption, or to moving in with the foster
  // carers who adopt; for children whose adoption order was made in the period.
  'adoption-entry-to-placed': allocated(
    (w) => sql`
      select a.child_id, ${none}, a.adoption_order_on, d.days, 1, d.days
      from adoption a
      cross join lateral (
        select max(p.start_date) as entered from care_period p
        where p.la_code = a.la_code and p.child_id = a.child_id and p.start_date <= a.placed_on
      ) c
      cross join lateral (
        select greatest(0, (case when a.foster_carer_adoption and a.moved_in_on is not null and a.moved_in_on < a.placed_on then a.moved_in_on else a.placed_on end) - c.entered)::numeric as days
      ) d
      where ${inPeriod(w, 'a', 'adoption_order_on')} and a.placed_on is not null and c.entered is not null`,
  ),

  // The second review of each period of care, held in the period, with a permanence plan agreed
  // on or before it and not ended by it.
  'permanence-by-second-review': allocated(
    (w) => sql`
      select r.child_id, ${none}, r.held_on,
        case when exists (
          select 1 from permanence_plan p where p.la_code = r.la_code and p.child_id = r.child_id
            and p.agreed_on <= r.held_on and (p.ended_on is null or p.ended_on > r.held_on)
        ) then 1 else 0 end, 1, null::numeric
      from (
        select v.*, row_number() over (partition by v.la_code, v.period_id order by v.held_on, v.review_id) as nth
        from cla_review v where v.la_code = ${w.laCode}
      ) r
      where r.nth = 2 and r.held_on between ${w.from} and ${w.to}`,
  ),

  // Children so placed on the snapshot date; days: every day of the 12 months they were so placed.
  'unregistered-placements': allocated(
    (w) => sql`
      select n.child_id, ${none}, ${w.to}::date, 1, 1,
        (select sum(least(coalesce(e.end_date, ${w.to}::date + 1), ${w.to}::date + 1) - greatest(e.start_date, ${w.from}::date))
          from (${unregisteredEpisodes(w)}) e
          where e.child_id = n.child_id and e.start_date <= ${w.to} and (e.end_date is null or e.end_date > ${w.from}))::numeric
      from (
        select distinct u.child_id from (${unregisteredEpisodes(w)}) u
        where u.start_date <= ${w.to} and (u.end_date is null or u.end_date > ${w.to})
      ) n`,
  ),

  // Legal: proceedings concluded in the period (by a final order or withdrawal), their weeks from issue.
  'care-proceedings-average-weeks': allocated(
    (w) => sql`
      select c.child_id, ${none}, c.concluded_on, round((c.concluded_on - c.issued_on) / 7.0, 1), 1, round((c.concluded_on - c.issued_on) / 7.0, 1)
      from care_proceedings c where ${inPeriod(w, 'c', 'concluded_on')}`,
  ),
  'care-proceedings-median-weeks': allocated(
    (w) => sql`
      select c.child_id, ${none}, c.concluded_on, 1, 1, round((c.concluded_on - c.issued_on) / 7.0, 1)
      from care_proceedings c where ${inPeriod(w, 'c', 'concluded_on')}`,
  ),
  // In pre-proceedings on the snapshot date for more than 16 weeks (112 days) since the letter.
  'pre-proceedings-over-16-weeks': allocated(
    (w) => sql`
      select p.child_id, ${none}, ${w.to}::date, 1, 1, (${w.to}::date - p.letter_sent_on)::numeric
      from pre_proceedings p
      where p.la_code = ${w.laCode} and p.letter_sent_on < ${w.to}::date - 112 and (p.ended_on is null or p.ended_on > ${w.to})`,
  ),
  // Open on the snapshot date and issued more than 26 weeks (182 days) before.
  'proceedings-past-26-weeks': allocated(
    (w) => sql`
      select c.child_id, ${none}, ${w.to}::date, 1, 1, (${w.to}::date - c.issued_on)::numeric
      from care_proceedings c
      where c.la_code = ${w.laCode} and c.issued_on < ${w.to}::date - 182 and (c.concluded_on is null or c.concluded_on > ${w.to})`,
  ),

  // The moderated grade where the audit was moderated; belongs to the team holding the case when audited.
  'audit-grades': {
    attribution: 'given',
    sql: (w) => sql`
      select a.child_id, null::uuid, a.team_id, a.audited_on,
        case when coalesce(a.moderated_grade, a.grade) in ('outstanding', 'good') then 1 else 0 end, 1, null::numeric
      from case_audit a where ${inPeriod(w, 'a', 'audited_on')}`,
  },

  // Up to date: the last health assessment's next one (6 months on if the child was under 5 at
  // it, else 12, as timescales healthAssessmentReviewInterval) is not due before the snapshot.
  'cla-health-assessments': allocated(
    (w) => sql`
      select c.child_id, ${none}, ${w.to}::date,
        case when h.done_on is not null and (h.done_on + case when h.done_on < (pe.date_of_birth + interval '5 years')::date then interval '6 months' else interval '12 months' end)::date >= ${w.to}::date
          then 1 else 0 end, 1, null::numeric
      from (
        select distinct p.child_id from care_period p join cla_episode e on e.la_code = p.la_code and e.period_id = p.period_id
        where p.la_code = ${w.laCode} and p.start_date <= (${w.to}::date - interval '12 months')::date
          and e.start_date <= ${w.to} and (e.end_date is null or e.end_date > ${w.to}) and e.legal_status not in ('V3', 'V4')
      ) c
      join person pe on pe.la_code = ${w.laCode} and pe.person_id = c.child_id
      left join lateral (
        select max(k.done_on) as done_on from health_check k
        where k.la_code = ${w.laCode} and k.child_id = c.child_id and k.kind in ('initial-health-assessment', 'review-health-assessment') and k.done_on <= ${w.to}
      ) h on true`,
  ),

  // The current placement counts from the first episode of it in the period (a change of legal
  // status alone keeps the placement); an adoptive placement (A3–A6) from the start of the one
  // before it. days: how long the child has been so placed.
  'cla-long-term-stability': allocated(
    (w) => sql`
      select c.child_id, ${none}, ${w.to}::date,
        case when st.since <= (${w.to}::date - interval '2 years')::date then 1 else 0 end, 1, (${w.to}::date - st.since)::numeric
      from (
        select distinct on (e.child_id) e.child_id, e.period_id, e.placement_id, e.placement_type
        from cla_episode e
        where e.la_code = ${w.laCode} and e.start_date <= ${w.to} and (e.end_date is null or e.end_date > ${w.to}) and e.legal_status not in ('V3', 'V4')
        order by e.child_id, e.start_date desc
      ) c
      join care_period p on p.la_code = ${w.laCode} and p.period_id = c.period_id
      join person pe on pe.la_code = ${w.laCode} and pe.person_id = c.child_id
      cross join lateral (
        select min(x.start_date) as since from cla_episode x
        where x.la_code = ${w.laCode} and x.period_id = c.period_id and x.placement_id = c.placement_id and x.start_date <= ${w.to}
      ) cur
      cross join lateral (
        select coalesce(case when c.placement_type in ('A3', 'A4', 'A5', 'A6') then (
          select min(y.start_date) from cla_episode y
          where y.la_code = ${w.laCode} and y.period_id = c.period_id and y.placement_id = (
            select z.placement_id from cla_episode z
            where z.la_code = ${w.laCode} and z.period_id = c.period_id and z.placement_id <> c.placement_id and z.start_date < cur.since
            order by z.start_date desc limit 1)
        ) end, cur.since) as since
      ) st
      where p.start_date <= (${w.to}::date - interval '30 months')::date
        and pe.date_of_birth is not null and (pe.date_of_birth + interval '16 years')::date > ${w.to}::date`,
  ),

  // Staff FTE of each team, as teamStaff; a team belongs to its service, and no worker.
  'turnover-rate': {
    attribution: 'given',
    sql: (w) => sql`
      select null::uuid, null::uuid, s.team_id, ${w.to}::date, s.permanent_leavers_fte, s.permanent_fte, null::numeric
      from (${teamStaff(w)}) s`,
  },

  'agency-rate': {
    attribution: 'given',
    sql: (w) => sql`
      select null::uuid, null::uuid, s.team_id, ${w.to}::date, s.agency_fte, s.agency_fte + s.permanent_fte, null::numeric
      from (${teamStaff(w)}) s`,
  },

  // Teams with no funded posts recorded have no vacancy figure, so are left out of both counts.
  'vacancy-rate': {
    attribution: 'given',
    sql: (w) => sql`
      select null::uuid, null::uuid, s.team_id, ${w.to}::date, v.vacant, v.vacant + s.permanent_fte, null::numeric
      from (${teamStaff(w)}) s cross join lateral (select greatest(0, s.funded_fte - s.permanent_fte) as vacant) v
      where s.funded_fte is not null`,
  },

  // The engine's management-oversight clocks (counted from the referral, then from each
  // management decision or supervision direction on the child, due by the council's interval):
  // the one running on the snapshot date, not yet met or ended by it, is in time when its due
  // date is not before the day. A child with two open episodes is in time only if both are.
  // days: days since the last oversight.
  'management-oversight-in-time': allocated(
    (w) => sql`
      select o.child_id, ${none}, ${w.to}::date, case when bool_and(o.due_date >= ${w.to}::date) then 1 else 0 end, 1,
        (${w.to}::date - max(o.start_date))::numeric
      from obligation o
      where o.la_code = ${w.laCode} and o.rule_id = 'management-oversight' and o.start_date <= ${w.to}
        and (o.met_on is null or o.met_on > ${w.to}) and (o.ended_on is null or o.ended_on > ${w.to})
      group by o.child_id`,
  ),
};

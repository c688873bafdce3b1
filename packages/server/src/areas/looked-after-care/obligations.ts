/**
 * Deadlines of permanence, health and education, unaccompanied children and care leavers: the
 * health assessments, personal education plans, UASC accommodation and transfer, pathway plans
 * and personal adviser visits. Derived by the kernel's timescales engine (kernel/obligations.ts).
 */
import { effectiveDue, ruleById } from '@lantern/core/timescales';
import { type RawBuilder, sql } from 'kysely';
import { dueOf, metOrEnded, obligationRules, type Scope } from '../../kernel/obligations.ts';

/** The day a person reaches `years` in SQL; a 29 February birthday is 1 March in other years (as core's birthday). */
function birthdaySql(dob: RawBuilder<unknown>, years: number) {
  const plain = sql`(${dob} + make_interval(years => ${sql.lit(years)}))::date`;
  return sql`(case when to_char(${dob}, 'MM-DD') = '02-29' and to_char(${plain}, 'MM-DD') = '02-28' then ${plain} + 1 else ${plain} end)`;
}

/**
 * A first occasion due after the child became looked after: counted from the period of care's
 * start, met by the first qualifying record in the period, unmet when the period ends.
 */
function firstInCare(
  scope: Scope,
  table: RawBuilder<unknown>,
  on: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  periodWhere: RawBuilder<unknown> = sql`true`,
) {
  return sql`
    select cp.child_id, cp.period_id, cp.period_id, cp.start_date,
      ${metOrEnded(sql`f.on_date`, sql`cp.end_date`, 'Ceased to be looked after')}
    from care_period cp
    left join lateral (
      select min(${on}) as on_date from ${table} x
      where x.la_code = cp.la_code and x.child_id = cp.child_id and ${where} and ${on} >= cp.start_date and (cp.end_date is null or ${on} < cp.end_date)
    ) f on true
    where ${scope('cp')} and ${periodWhere}`;
}

/** An occasion that recurs while looked after: from each qualifying record in a period, met by the next. */
function eachInCare(scope: Scope, table: RawBuilder<unknown>, id: RawBuilder<unknown>, on: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  return sql`
    select o.child_id, o.source_id, o.period_id, o.on_date,
      ${metOrEnded(sql`o.next_on`, sql`o.end_date`, 'Ceased to be looked after')}
    from (
      select cp.child_id, ${id} as source_id, cp.period_id, cp.end_date, ${on} as on_date,
        lead(${on}) over (partition by cp.period_id order by ${on}, ${id}) as next_on
      from care_period cp
      join ${table} x on x.la_code = cp.la_code and x.child_id = cp.child_id and ${where} and ${on} >= cp.start_date and (cp.end_date is null or ${on} < cp.end_date)
      where ${scope('cp')}
    ) o`;
}

export const LOOKED_AFTER_CARE_OBLIGATIONS = obligationRules('looked-after-care', {
  // From the day the child became looked after (the period of care's start); met by the first
  // initial health assessment in the period; unmet when the child ceased to be looked after.
  'health-assessment-initial': (scope) => firstInCare(scope, sql`health_check`, sql`x.done_on`, sql`x.kind = 'initial-health-assessment'`),
  // From each health assessment in a period of care, met by the next; the interval (6 or 12
  // months by age at the assessment) is the rule's `due`.
  'health-assessment-review': {
    derive: (scope) =>
      eachInCare(scope, sql`health_check`, sql`x.check_id`, sql`x.done_on`, sql`x.kind in ('initial-health-assessment', 'review-health-assessment')`),
    // By age at the previous assessment (healthAssessmentReviewInterval in core); the council's setting applies under five.
    due: (settings, laCode) => {
      const underFive = dueOf(effectiveDue(ruleById('health-assessment-review'), settings));
      return {
        // A child whose date of birth is not known is reviewed on the under-five interval (the stricter).
        expr: sql`case when coalesce(d.start_date < ${birthdaySql(sql`hp.date_of_birth`, 5)}, true) then ${underFive.expr} else (d.start_date + interval '12 months')::date end`,
        joins: sql`${underFive.joins} join person hp on hp.la_code = ${laCode} and hp.person_id = d.child_id`,
      };
    },
  },
  // A personal education plan is for a child of school age (4 to 17 here; early years PEPs are
  // the council's choice): counted only for periods that began at that age.
  'pep-initial': (scope) =>
    firstInCare(
      scope,
      sql`pep`,
      sql`x.held_on`,
      sql`true`,
      sql`exists (select 1 from person sp where sp.la_code = cp.la_code and sp.person_id = cp.child_id and cp.start_date >= ${birthdaySql(sql`sp.date_of_birth`, 4)} and cp.start_date < ${birthdaySql(sql`sp.date_of_birth`, 18)})`,
    ),
  'pep-review': (scope) => eachInCare(scope, sql`pep`, sql`x.pep_id`, sql`x.held_on`, sql`true`),
  // Accommodated the same day as the referral or arrival (s.20). An age-disputed child is a child
  // until assessed, so the clock runs through the dispute; only an assessment as an adult ends it.
  // Met on the day the child became looked after (care_period), never before the referral.
  'uasc-looked-after': (scope) => sql`
      select u.child_id, u.child_id, null::uuid, u.referred_on,
        la.on_date,
        case when la.on_date is null and u.age_assessment = 'adult' then greatest(u.age_assessed_on, u.referred_on) end,
        case when la.on_date is null and u.age_assessment = 'adult' then 'Assessed as an adult' end
      from uasc_record u
      left join lateral (
        select case when min(cp.start_date) is null then null else greatest(min(cp.start_date), u.referred_on) end as on_date
        from care_period cp where cp.la_code = u.la_code and cp.child_id = u.child_id and (cp.end_date is null or cp.end_date >= u.referred_on)
      ) la on true
      where ${scope('u')}`,
  'uasc-transfer': (scope) => sql`
      select u.child_id, u.child_id, null::uuid, u.nts_referred_on,
        ${metOrEnded(sql`u.nts_transferred_on`, sql`u.ceased_on`, 'UASC status ceased')}
      from uasc_record u where ${scope('u')} and u.nts_referred_on is not null`,
  // From the later of the 16th birthday and becoming eligible; a qualifying care leaver has
  // advice and assistance, not a pathway plan.
  'pathway-plan': (scope) => sql`
      select cl.child_id, cl.child_id, null::uuid, greatest(${birthdaySql(sql`p.date_of_birth`, 16)}, cl.eligible_from),
        ${metOrEnded(sql`pp.held_on`, sql`cl.support_ended_on`, 'Leaving care support ended')}
      from care_leaver cl
      join person p on p.la_code = cl.la_code and p.person_id = cl.child_id
      left join lateral (select min(x.held_on) as held_on from pathway_plan x where x.la_code = cl.la_code and x.child_id = cl.child_id and x.kind = 'plan') pp on true
      where ${scope('cl')} and cl.category <> 'qualifying' and p.date_of_birth is not null`,
  'pathway-plan-review': (scope) => sql`
      select o.child_id, o.pathway_id, null::uuid, o.held_on,
        ${metOrEnded(sql`o.next_on`, sql`o.support_ended_on`, 'Leaving care support ended')}
      from (
        select x.child_id, x.pathway_id, x.held_on, cl.support_ended_on,
          lead(x.held_on) over (partition by x.child_id order by x.held_on, x.pathway_id) as next_on
        from pathway_plan x join care_leaver cl on cl.la_code = x.la_code and cl.child_id = x.child_id
        where ${scope('x')} and cl.category <> 'qualifying'
      ) o`,
  // Relevant and former relevant care leavers: within 7 days of each move (a visit on the day of
  // the move counts), then 2 months from each visit; a move before the next visit replaces the
  // 2-month clock with the 7-day one (paVisitInterval in core). Intervals: the rule's `due`.
  'pa-visit': {
    derive: (scope) => sql`
      select o.child_id, o.source_id, null::uuid, o.on_date,
        case when o.moved_first then null else o.next_visit end,
        case when o.moved_first then o.next_move when o.next_visit is null then o.support_ended_on end,
        case when o.moved_first then 'Moved: a visit is due within 7 days of the move'
             when o.next_visit is null and o.support_ended_on is not null then 'Leaving care support ended' end
      from (
        select m.child_id, m.move_id as source_id, m.moved_on as on_date, cl.support_ended_on, false as moved_first, null::date as next_move,
          (select min(v.visited_on) from pa_visit v where v.la_code = m.la_code and v.child_id = m.child_id and v.visited_on >= m.moved_on) as next_visit
        from leaver_accommodation m join care_leaver cl on cl.la_code = m.la_code and cl.child_id = m.child_id
        where ${scope('m')} and cl.category in ('relevant', 'former-relevant')
        union all
        select y.child_id, y.visit_id, y.visited_on, y.support_ended_on, coalesce(y.next_move < y.next_visit, y.next_move is not null), y.next_move, y.next_visit
        from (
          select v.child_id, v.visit_id, v.visited_on, cl.support_ended_on,
            (select min(n.visited_on) from pa_visit n where n.la_code = v.la_code and n.child_id = v.child_id and (n.visited_on, n.visit_id) > (v.visited_on, v.visit_id)) as next_visit,
            (select min(m.moved_on) from leaver_accommodation m where m.la_code = v.la_code and m.child_id = v.child_id and m.moved_on > v.visited_on) as next_move
          from pa_visit v join care_leaver cl on cl.la_code = v.la_code and cl.child_id = v.child_id
          where ${scope('v')} and cl.category in ('relevant', 'former-relevant')
        ) y
      ) o`,
    // After a move, the rule's own interval (the council's setting); after a visit, 2 months (paVisitInterval in core).
    due: (settings, laCode) => {
      const afterMove = dueOf(effectiveDue(ruleById('pa-visit'), settings));
      return {
        expr: sql`case when mv.move_id is not null then ${afterMove.expr} else (d.start_date + interval '2 months')::date end`,
        joins: sql`${afterMove.joins} left join leaver_accommodation mv on mv.la_code = ${laCode} and mv.move_id = d.source_id`,
      };
    },
  },
});

/**
 * The referral and child in need deadlines: deciding on a contact, the assessment, allocating a
 * social worker, and the child in need plan's reviews and visits. Derived by the kernel's
 * timescales engine (kernel/obligations.ts); see ObligationRule for what a derivation selects.
 */
import { sql } from 'kysely';
import { metOrEnded, obligationRules, plannedVisits, throughPlan } from '../../kernel/obligations.ts';

export const REFERRALS_OBLIGATIONS = obligationRules('referrals', {
  'contact-decision': (scope) => sql`
      select c.child_id, c.contact_id, c.episode_id, c.received_on,
        c.decided_on, null::date, null
      from contact c where ${scope('c')}`,
  assessment: (scope) => sql`
      select e.child_id, e.episode_id, e.episode_id, e.referral_date,
        ${metOrEnded(sql`a.authorised_on`, sql`e.closure_date`, 'Episode closed')}
      from cin_episode e
      left join (select a.episode_id, min(a.authorised_on) as authorised_on from assessment a where ${scope('a')} group by a.episode_id) a on a.episode_id = e.episode_id
      where ${scope('e')} and not e.referral_nfa`,
  'cin-plan-review': (scope) =>
    throughPlan(scope, 'cin_plan', 'cin_plan_id', {
      join: sql`join cin_plan_review r on r.la_code = p.la_code and r.cin_plan_id = p.cin_plan_id`,
      id: sql`r.review_id`,
      on: sql`r.held_on`,
    }),
  'cin-visit': (scope) =>
    throughPlan(scope, 'cin_plan', 'cin_plan_id', {
      join: plannedVisits('child-in-need'),
      id: sql`v.visit_id`,
      on: sql`v.visited_on`,
    }),
  // An open case with no allocated social worker: counted from the referral, or from the day
  // the last social worker's allocation ended. It disappears when someone is allocated.
  allocation: (scope) => sql`
      select e.child_id, e.episode_id, e.episode_id, greatest(e.referral_date, sw.last_end),
        null::date, null::date, null
      from cin_episode e
      left join (
        select a.child_id, max(a.end_date) as last_end, bool_or(a.end_date is null) as has_open
        from allocation a where ${scope('a')} and a.allocation_role = 'social-worker' group by a.child_id
      ) sw on sw.child_id = e.child_id
      where ${scope('e')} and e.closure_date is null and not coalesce(sw.has_open, false)`,
});

/**
 * The child protection deadlines: the strategy discussion, the initial conference, core groups,
 * review conferences and visits while the child has a plan. Derived by the kernel's timescales
 * engine (kernel/obligations.ts); see ObligationRule for what a derivation selects.
 */
import { sql } from 'kysely';
import { bornBy, metOrEnded, obligationRules, throughPlan } from '../../kernel/obligations.ts';

export const PROTECTION_OBLIGATIONS = obligationRules('protection', {
  // A contact recorded with reasonable cause to suspect significant harm: the first strategy
  // discussion on or after it meets it.
  'strategy-discussion': (scope) => sql`
      select c.child_id, c.contact_id, c.episode_id, c.received_on,
        sd.held_on,
        case when sd.held_on is null then coalesce(case when c.decision in ('nfa', 'early-help') then c.decided_on end, e.closure_date) end,
        case when sd.held_on is null and c.decision in ('nfa', 'early-help') then 'Contact not referred'
             when sd.held_on is null and e.closure_date is not null then 'Episode closed' end
      from contact c
      left join cin_episode e on e.la_code = c.la_code and e.episode_id = c.episode_id
      left join lateral (select min(d.held_on) as held_on from strategy_discussion d where d.la_code = c.la_code and d.child_id = c.child_id and d.held_on >= c.received_on) sd on true
      where ${scope('c')} and c.significant_harm_suspected`,
  // Counted from the last strategy discussion before the conference (Working Together: "or the
  // last strategy discussion if more than one has been held").
  icpc: (scope) => sql`
      select s.child_id, s.s47_id, s.episode_id, sd.held_on,
        ic.held_on,
        case when ic.held_on is null then coalesce(case when s.icpc_not_required then s.completed_on end, e.closure_date) end,
        case when ic.held_on is null and s.icpc_not_required then 'Not required: ' || s.icpc_not_required_reason
             when ic.held_on is null and e.closure_date is not null then 'Episode closed' end
      from section47 s
      join cin_episode e on e.la_code = s.la_code and e.episode_id = s.episode_id
      left join (select c.s47_id, min(c.held_on) as held_on from cp_conference c where ${scope('c')} and c.kind = 'initial' group by c.s47_id) ic on ic.s47_id = s.s47_id
      join lateral (
        select max(d.held_on) as held_on from strategy_discussion d
        join strategy_discussion first on first.la_code = s.la_code and first.strategy_id = s.strategy_id
        where d.la_code = s.la_code and d.episode_id = s.episode_id and d.decision = 'section-47'
          and d.held_on >= first.held_on and (ic.held_on is null or d.held_on <= ic.held_on)
      ) sd on true
      where ${scope('s')}`,
  'core-group-first': (scope) => sql`
      select p.child_id, p.plan_id, p.episode_id, p.start_date,
        ${metOrEnded(sql`g.held_on`, sql`p.end_date`, 'Plan ended')}
      from cp_plan p
      left join (select g.plan_id, min(g.held_on) as held_on from core_group g where ${scope('g')} group by g.plan_id) g on g.plan_id = p.plan_id
      where ${scope('p')}`,
  'core-group': (scope) => sql`
      select g.child_id, g.core_group_id, p.episode_id, g.held_on,
        ${metOrEnded(sql`g.next_on`, sql`p.end_date`, 'Plan ended')}
      from (select g.*, lead(held_on) over (partition by plan_id order by held_on, core_group_id) as next_on from core_group g where ${scope('g')}) g
      join cp_plan p on p.la_code = g.la_code and p.plan_id = g.plan_id`,
  'cp-review-first': (scope) => sql`
      select p.child_id, p.plan_id, p.episode_id, p.start_date,
        ${metOrEnded(sql`r.held_on`, sql`p.end_date`, 'Plan ended')}
      from cp_plan p
      left join (select c.plan_id, min(c.held_on) as held_on from cp_conference c where ${scope('c')} and c.kind = 'review' group by c.plan_id) r on r.plan_id = p.plan_id
      where ${scope('p')}`,
  'cp-review': (scope) => sql`
      select r.child_id, r.conference_id, r.episode_id, r.held_on,
        ${metOrEnded(sql`r.next_on`, sql`p.end_date`, 'Plan ended')}
      from (select c.*, lead(held_on) over (partition by plan_id order by held_on, conference_id) as next_on
            from cp_conference c where c.kind = 'review' and ${scope('c')}) r
      join cp_plan p on p.la_code = r.la_code and p.plan_id = r.plan_id
      where r.outcome = 'continue-plan'`,
  // One row per occasion: the plan's start, then each visit in which the child was seen.
  'cp-visit': (scope) =>
    throughPlan(scope, 'cp_plan', 'plan_id', {
      join: sql`join visit v on v.la_code = p.la_code and v.child_id = p.child_id and v.purpose = 'child-protection' and (v.child_seen or not exists (${bornBy('v')}))`,
      id: sql`v.visit_id`,
      on: sql`v.visited_on`,
    }),
});

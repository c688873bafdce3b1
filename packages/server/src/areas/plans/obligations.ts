/**
 * The `plan-action` rule: each action on a child's plan is due by the date the plan set, owed
 * by its owner. A named worker owes their own; an action for a partner agency contact, a
 * parent or carer, or the child sits with the child's allocated social worker (the partner
 * sees theirs in their own view too). Met when progress at a core group or review records it
 * done; ended unmet when withdrawn from the plan, or when the plan itself ends.
 */
import { sql } from 'kysely';
import { obligationRules } from '../../kernel/obligations.ts';

export const PLANS_OBLIGATIONS = obligationRules('plans', {
  'plan-action': {
    derive: (scope) => sql`
  select x.child_id, x.action_id, pe.episode_id, x.set_on,
    x.completed_on,
    case when x.completed_on is null then coalesce(x.withdrawn_on, pe.ended_on) end,
    case when x.completed_on is null and x.withdrawn_on is not null then 'Taken off the plan'
         when x.completed_on is null and pe.ended_on is not null then 'Plan ended' end
  from plan_action x
  join plan_document pd on pd.la_code = x.la_code and pd.plan_document_id = x.plan_document_id
  left join lateral (
    select p.end_date as ended_on, p.episode_id from cin_plan p where pd.kind = 'child-in-need' and p.la_code = pd.la_code and p.cin_plan_id = pd.plan_ref
    union all select p.end_date, p.episode_id from cp_plan p where pd.kind = 'protection' and p.la_code = pd.la_code and p.plan_id = pd.plan_ref
    union all select p.end_date, null::uuid from care_period p where pd.kind = 'care' and p.la_code = pd.la_code and p.period_id = pd.plan_ref
    union all select p.ended_on, null::uuid from early_help_episode p where pd.kind = 'early-help' and p.la_code = pd.la_code and p.early_help_id = pd.plan_ref
  ) pe on true
  where ${scope('x')}`,
    // Due on the date the plan set; the owner a named worker, else the case holder (the engine's `case_holder`).
    recordedDue: (laCode) => ({
      joins: sql`join plan_action px on px.la_code = ${laCode} and px.action_id = d.source_id
      left join worker pxw on pxw.la_code = px.la_code and pxw.worker_id = px.owner_worker_id
      left join case_holder pxr on pxr.child_id = d.child_id`,
      due: sql`px.due_on`,
      who: sql`coalesce(px.owner_worker_id, pxr.worker_id), coalesce(pxw.team_id, pxr.team_id)`,
    }),
  },
});

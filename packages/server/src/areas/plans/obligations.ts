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
    // The plan by its kind: a left join per kind (at most one matches), so a council's rebuild
    // hash-joins each plan table once rather than looking up four per action. The periods of care
    // are a grouped view, which a join cannot look into by key: read for the children in scope
    // (a plan document is always of its own child's plan).
    derive: (scope) => sql`
  select x.child_id, x.action_id, coalesce(cin.episode_id, cp.episode_id), x.set_on,
    x.completed_on,
    case when x.completed_on is null then coalesce(x.withdrawn_on, pe.ended_on) end,
    case when x.completed_on is null and x.withdrawn_on is not null then 'Taken off the plan'
         when x.completed_on is null and pe.ended_on is not null then 'Plan ended' end,
    x.due_on, x.owner_worker_id
  from plan_action x
  join plan_document pd on pd.la_code = x.la_code and pd.plan_document_id = x.plan_document_id
  left join cin_plan cin on pd.kind = 'child-in-need' and cin.la_code = pd.la_code and cin.cin_plan_id = pd.plan_ref
  left join cp_plan cp on pd.kind = 'protection' and cp.la_code = pd.la_code and cp.plan_id = pd.plan_ref
  left join (select c.la_code, c.period_id, c.end_date from care_period c where ${scope('c')}) care
    on pd.kind = 'care' and care.la_code = pd.la_code and care.period_id = pd.plan_ref
  left join early_help_episode eh on pd.kind = 'early-help' and eh.la_code = pd.la_code and eh.early_help_id = pd.plan_ref
  cross join lateral (select coalesce(cin.end_date, cp.end_date, care.end_date, eh.ended_on) as ended_on) pe
  where ${scope('x')}`,
    // Due on the date the plan set; the owner a named worker, else the case holder (the engine's `case_holder`).
    // Both carried by the derivation's own row (its columns past the seventh keep their names), not
    // looked up again: joining a council's 230,000 actions to themselves was a third of the rule's time.
    recordedDue: (laCode) => ({
      joins: sql`left join worker pxw on pxw.la_code = ${laCode} and pxw.worker_id = d.owner_worker_id
      left join case_holder pxr on pxr.child_id = d.child_id`,
      due: sql`d.due_on`,
      who: sql`coalesce(d.owner_worker_id, pxr.worker_id), coalesce(pxw.team_id, pxr.team_id)`,
    }),
  },
});

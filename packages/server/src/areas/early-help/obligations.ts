/**
 * Early help's deadlines (council policy, core timescales.ts):
 *   early-help-assessment  from the day early help began, met when the assessment is completed,
 *                          ended unmet if early help ends first
 *   early-help-review      from the day early help began, then each review; met by the next
 *                          review, ended when early help ends
 * Both are owed by the lead professional when they are a worker of the council, else by whoever
 * holds the case (a lead at a partner agency has no worklist in Lantern).
 */
import { effectiveDue, ruleById, type TimescaleSettings } from '@lantern/core/timescales';
import { sql } from 'kysely';
import { dueOf, metOrEnded, obligationRules } from '../../kernel/obligations.ts';

/** Due by the rule and the council's setting, from `d.start_date`; owed by the lead professional (a worker) or the case holder. */
const owedByLead = (id: string) => (laCode: string, settings: TimescaleSettings) => {
  const due = dueOf(effectiveDue(ruleById(id), settings));
  return {
    // The lead comes with the derivation's row (its episode's, a column past the seventh keeps its
    // name): looking the episode up again for each of a council's 64,000 review clocks was half the rule's time.
    joins: sql`${due.joins}
      left join worker ehw on ehw.la_code = ${laCode} and ehw.worker_id = d.lead_worker_id
      left join case_holder ehr on ehr.child_id = d.child_id`,
    due: due.expr,
    who: sql`coalesce(d.lead_worker_id, ehr.worker_id), coalesce(ehw.team_id, ehr.team_id)`,
  };
};

export const EARLY_HELP_OBLIGATIONS = obligationRules('early-help', {
  'early-help-assessment': {
    derive: (scope) => sql`
      select e.child_id, e.early_help_id, null::uuid, e.started_on,
        ${metOrEnded(sql`e.assessment_completed_on`, sql`e.ended_on`, 'Early help ended')}, e.lead_worker_id
      from early_help_episode e where ${scope('e')}`,
    recordedDue: owedByLead('early-help-assessment'),
  },
  'early-help-review': {
    derive: (scope) => sql`
      select o.child_id, o.source_id, null::uuid, o.on_date,
        ${metOrEnded(sql`o.next_on`, sql`o.ended_on`, 'Early help ended')}, o.lead_worker_id
      from (
        select x.*, lead(x.on_date) over (partition by x.early_help_id order by x.on_date, x.is_review, x.source_id) as next_on
        from (
          select e.early_help_id, e.child_id, e.ended_on, e.early_help_id as source_id, e.started_on as on_date, 0 as is_review, e.lead_worker_id
          from early_help_episode e where ${scope('e')}
          union all
          select e.early_help_id, e.child_id, e.ended_on, r.review_id, r.held_on, 1, e.lead_worker_id
          from early_help_episode e
          join early_help_review r on r.la_code = e.la_code and r.early_help_id = e.early_help_id
            and r.held_on >= e.started_on and (e.ended_on is null or r.held_on < e.ended_on)
          where ${scope('e')}
        ) x
      ) o`,
    recordedDue: owedByLead('early-help-review'),
  },
});

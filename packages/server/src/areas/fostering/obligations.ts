/**
 * The fostering service's deadlines (timescales.md, Fostering). A household's deadlines belong to
 * the household, not a child, so they are derived into `foster_obligation` by the same set-based
 * SQL as a child's (dueOf from the engine, the council's settings), owed by the household's
 * supervising social worker (the decision by their team's manager):
 *   fostering-assessment-stage-one / -stage-two  from the application, met by the stage completed
 *   fostering-decision           from the panel, met by the decision maker's decision
 *   foster-carer-review          from approval, then each review; met by the next
 *   foster-carer-tsd             from approval, met by training that completes the standards (18 months for connected persons)
 *   supervising-visit            from approval (or a temporary approval), then each visit; met by the next
 *   connected-person-temporary   from the child placed, 16 weeks (+8 with a recorded extension); met by the decision
 * Each ends unmet when the household leaves. `s20-legal-review` is a child's deadline and goes to
 * the main engine (FOSTERING_OBLIGATIONS).
 */
import { effectiveDue, ruleById } from '@lantern/core/timescales';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../kernel/db/schema.ts';
import { dueOf, metOrEnded, obligationRules } from '../../kernel/obligations.ts';
import { councilTimescaleSettings } from '../../kernel/settings.ts';

export const HOUSEHOLD_RULES = [
  'fostering-assessment-stage-one',
  'fostering-assessment-stage-two',
  'fostering-decision',
  'foster-carer-review',
  'foster-carer-tsd',
  'supervising-visit',
  'connected-person-temporary',
] as const;

const LEFT = sql`'Household left the service'`;
/** The day a household's approval began: the decision, or a temporary approval as a connected person. */
const APPROVED_ON = sql`case when h.decision = 'approved' then h.decision_on end`;

/** Each rule's occasions: (household_id, source_id, start_date, met_on, ended_on, end_reason). */
function derivations(scope: (alias: string) => RawBuilder<unknown>): Record<(typeof HOUSEHOLD_RULES)[number], RawBuilder<unknown>> {
  const once = (start: RawBuilder<unknown>, met: RawBuilder<unknown>) => sql`
    select h.household_id, h.household_id, ${start}, ${met}, case when ${met} is null then h.left_on end,
      case when ${met} is null and h.left_on is not null then ${LEFT} end
    from foster_household h where ${scope('h')} and ${start} is not null`;
  // A recurring rule: the approval, then each event after it, each met by the next.
  const recurring = (start: RawBuilder<unknown>, table: string, on: string, id: string) => sql`
    select o.household_id, o.source_id, o.on_date, o.next_on, case when o.next_on is null then o.left_on end,
      case when o.next_on is null and o.left_on is not null then ${LEFT} end
    from (
      select x.*, lead(x.on_date) over (partition by x.household_id order by x.on_date, x.is_event, x.source_id) as next_on
      from (
        select h.household_id, h.left_on, h.household_id as source_id, ${start} as on_date, 0 as is_event
        from foster_household h where ${scope('h')} and ${start} is not null
        union all
        select h.household_id, h.left_on, e.${sql.raw(id)}, e.${sql.raw(on)}, 1
        from foster_household h join ${sql.table(table)} e on e.la_code = h.la_code and e.household_id = h.household_id
          and e.${sql.raw(on)} >= ${start} and (h.left_on is null or e.${sql.raw(on)} <= h.left_on)
        where ${scope('h')} and ${start} is not null
      ) x
    ) o`;
  const tsdMet = sql`(select min(t.completed_on) from foster_training t where t.la_code = h.la_code and t.household_id = h.household_id and t.tsd_standards and t.completed_on >= h.decision_on)`;
  return {
    'fostering-assessment-stage-one': once(sql`h.application_on`, sql`h.stage_one_on`),
    'fostering-assessment-stage-two': once(sql`h.application_on`, sql`h.stage_two_on`),
    'fostering-decision': once(sql`h.panel_on`, sql`h.decision_on`),
    'foster-carer-review': recurring(APPROVED_ON, 'foster_review', 'held_on', 'review_id'),
    'foster-carer-tsd': once(APPROVED_ON, tsdMet),
    'supervising-visit': recurring(sql`coalesce(${APPROVED_ON}, h.temporary_from)`, 'foster_visit', 'visited_on', 'visit_id'),
    'connected-person-temporary': once(sql`h.temporary_from`, sql`case when h.decision_on >= h.temporary_from then h.decision_on end`),
  };
}

/** Rebuilds the households' deadlines of a council, or of some households, in the caller's transaction if it has one. */
export async function refreshFosterObligations(db: Kysely<Database>, laCode: string, householdIds?: string[]): Promise<{ obligations: number }> {
  if (householdIds && householdIds.length === 0) return { obligations: 0 };
  const scope = (alias: string) =>
    householdIds
      ? sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.household_id`)} = any(${householdIds}::uuid[])`
      : sql`${sql.ref(`${alias}.la_code`)} = ${laCode}`;
  const settings = await councilTimescaleSettings(db, laCode);
  const derived = derivations(scope);
  const selects = HOUSEHOLD_RULES.map((id) => {
    const due = dueOf(effectiveDue(ruleById(id), settings));
    let expr = due.expr;
    if (id === 'foster-carer-tsd') expr = sql`case when hh.kind = 'connected-person' then (d.start_date + interval '18 months')::date else ${due.expr} end`;
    if (id === 'connected-person-temporary') expr = sql`(${due.expr} + case when hh.temporary_extension_reason is not null then 56 else 0 end)`;
    const who = id === 'fostering-decision' ? sql`coalesce(t.manager_worker_id, hh.supervising_worker_id)` : sql`hh.supervising_worker_id`;
    return sql`
      select d.household_id, ${id}, d.source_id, d.start_date, ${expr}, d.met_on, d.ended_on, d.end_reason, ${who}, w.team_id
      from (${derived[id]}) as d (household_id, source_id, start_date, met_on, ended_on, end_reason)
      ${due.joins}
      join foster_household hh on hh.la_code = ${laCode} and hh.household_id = d.household_id
      left join worker w on w.la_code = hh.la_code and w.worker_id = hh.supervising_worker_id
      left join team t on t.la_code = w.la_code and t.team_id = w.team_id`;
  });
  const run = async (trx: Kysely<Database>) => {
    await sql`delete from foster_obligation o where ${scope('o')}`.execute(trx);
    const result = await sql`
      insert into foster_obligation (la_code, household_id, rule_id, source_id, start_date, due_date, met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id)
      select ${laCode}, r.* from (${sql.join(selects, sql` union all `)}) as r`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  return { obligations: db.isTransaction ? await run(db) : await db.transaction().execute(run) };
}

/**
 * Section 20 drift (the High Court's lesson): a child accommodated under section 20 (legal status
 * V2) has their legal status reviewed at a legal planning meeting within 6 months of accommodation
 * and of each review, until an order changes the legal status or they leave care.
 */
export const FOSTERING_OBLIGATIONS = obligationRules('fostering', {
  's20-legal-review': (scope) => sql`
      select o.child_id, o.source_id, null::uuid, o.on_date, ${metOrEnded(sql`o.next_on`, sql`o.spell_end`, 'No longer accommodated under section 20')}
      from (
        select x.*, lead(x.on_date) over (partition by x.child_id, x.spell_id order by x.on_date, x.is_review, x.source_id) as next_on
        from (
          select s.child_id, s.spell_id, s.spell_end, s.spell_id as source_id, s.spell_start as on_date, 0 as is_review
          from (${spells(scope)}) s
          union all
          select s.child_id, s.spell_id, s.spell_end, m.meeting_id, m.held_on, 1
          from (${spells(scope)}) s
          join legal_planning_meeting m on m.la_code = s.la_code and m.child_id = s.child_id
            and m.held_on >= s.spell_start and (s.spell_end is null or m.held_on < s.spell_end)
        ) x
      ) o`,
});

/** Each period of care's time under section 20: from its first V2 episode to the next other legal status or the end of care. */
export function spells(scope: (alias: string) => RawBuilder<unknown>) {
  return sql`
    select v.la_code, v.child_id, v.period_id, v.spell_id, v.spell_start,
      coalesce(
        (select min(n.start_date) from cla_episode n where n.la_code = v.la_code and n.period_id = v.period_id and n.legal_status <> 'V2' and n.start_date > v.spell_start),
        (select case when bool_or(c.end_date is null) then null else max(c.end_date) end from cla_episode c where c.la_code = v.la_code and c.period_id = v.period_id)
      ) as spell_end
    from (
      select e.la_code, e.child_id, e.period_id, min(e.start_date) as spell_start, (array_agg(e.cla_episode_id order by e.start_date))[1] as spell_id
      from cla_episode e where ${scope('e')} and e.legal_status = 'V2'
      group by e.la_code, e.child_id, e.period_id
    ) v`;
}

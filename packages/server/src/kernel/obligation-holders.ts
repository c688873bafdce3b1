/**
 * Who answers for each deadline, joined into every rule's rows by the timescales engine
 * (obligations.ts): the case's holder, the child's IRO or personal adviser, a team's manager.
 */
import { ruleById } from '@lantern/core/timescales';
import { type RawBuilder, sql } from 'kysely';
import type { Scope } from './obligations.ts';

/**
 * Who must act, joined in as each rule's rows are inserted: the child's allocated social worker
 * and their team (or, for an unallocated child, the team that last held the case); for rules a
 * manager owns, that team's manager; for contacts, the front door team and its manager.
 */
export function responsibleOf(rule: string, laCode: string) {
  // Core gives each rule to a role: the front door, the child's IRO, the personal adviser, a team manager, or the social worker.
  const responsible = ruleById(rule).responsible;
  if (responsible === 'front-door') {
    return {
      columns: sql`fd.manager_worker_id, fd.team_id`,
      joins: sql`left join (select team_id, manager_worker_id from team where la_code = ${laCode} and service = 'Front door' order by name limit 1) fd on true`,
    };
  }
  // The holders are worked out once per refresh (materialised in the insert), not once per rule's row.
  const holder = sql`left join case_holder r on r.child_id = d.child_id`;
  if (responsible === 'iro') {
    // The child's IRO (an allocation of role 'iro'); without one, the social worker's team sees it.
    return {
      columns: sql`iro.worker_id, coalesce(iro.team_id, r.team_id)`,
      joins: sql`${holder} left join case_iro iro on iro.child_id = d.child_id`,
    };
  }
  if (responsible === 'personal-adviser') {
    // The young person's personal adviser; until one is allocated, the social worker holding the case.
    return {
      columns: sql`coalesce(pa.worker_id, r.worker_id), coalesce(pa.team_id, r.team_id)`,
      joins: sql`${holder} left join case_adviser pa on pa.child_id = d.child_id`,
    };
  }
  if (responsible === 'team-manager') {
    return { columns: sql`t.manager_worker_id, r.team_id`, joins: sql`${holder} left join team t on t.la_code = ${laCode} and t.team_id = r.team_id` };
  }
  return { columns: sql`r.worker_id, r.team_id`, joins: holder };
}

/**
 * Who holds each case, worked out once per refresh and joined into every rule's rows (responsibleOf):
 * an event's statement has them as materialised CTEs, a council's rebuild as temporary tables.
 */
export function holdersOf(scope: Scope): [string, RawBuilder<unknown>][] {
  return [
    [
      'case_holder',
      // The allocated social worker and their team; with none, the team the case was routed or
      // transferred to (case_team) unless a later allocation ended after it, else the last holder's team.
      sql`select distinct on (h.child_id) h.child_id, h.worker_id, h.team_id
        from (
          select a.child_id, case when a.end_date is null then a.worker_id end as worker_id, w.team_id, a.end_date is null as is_open, a.end_date as since, 0 as routed
          from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
          where ${scope('a')} and a.allocation_role = 'social-worker'
          union all
          select ct.child_id, null, ct.team_id, false, ct.routed_on, 1 from case_team ct where ${scope('ct')} and ct.ended_on is null
        ) h
        order by h.child_id, h.is_open desc, h.since desc nulls last, h.routed desc`,
    ],
    [
      'case_iro',
      sql`select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'iro' and a.end_date is null`,
    ],
    [
      'case_adviser',
      sql`select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'personal-adviser' and a.end_date is null`,
    ],
  ];
}

/**
 * Oversight deadlines: the actions a case audit sets, and a manager's oversight of each open
 * case. Derived by the kernel's timescales engine (kernel/obligations.ts).
 */
import { sql } from 'kysely';
import { metOrEnded, obligationRules } from '../../kernel/obligations.ts';

export const OVERSIGHT_OBLIGATIONS = obligationRules('oversight', {
  // An action from a case audit: from the audit, met when its owner (or their manager) marks it
  // done; ended unmet if the case the audit looked at closed first. Due date and owner: its `recordedDue`.
  'case-audit-action': {
    derive: (scope) => sql`
      select x.child_id, x.action_id, null::uuid, ca.audited_on, ${metOrEnded(sql`x.completed_on`, sql`closed.on_date`, 'Case closed')}
      from case_audit_action x
      join case_audit ca on ca.la_code = x.la_code and ca.case_audit_id = x.case_audit_id
      left join lateral (
        select min(e.closure_date) as on_date from cin_episode e
        where e.la_code = x.la_code and e.child_id = x.child_id and e.referral_date <= ca.audited_on and e.closure_date >= ca.audited_on
      ) closed on true
      where ${scope('x')}`,
    recordedDue: (laCode) => ({
      joins: sql`join case_audit_action cx on cx.la_code = ${laCode} and cx.action_id = d.source_id
          left join worker cxw on cxw.la_code = cx.la_code and cxw.worker_id = cx.owner_worker_id`,
      due: sql`cx.due_date`,
      who: sql`cx.owner_worker_id, cxw.team_id`,
    }),
  },
  // Counted from the referral, then from each manager's recorded decision or supervision
  // direction on the child within the episode, each met by the next; unmet when the case closes.
  // (The workforce area's oversight: management_decision and supervision_child, migration 0007.)
  'management-oversight': (scope) => sql`
      select o.child_id, o.source_id, o.episode_id, o.on_date,
        ${metOrEnded(sql`o.next_on`, sql`o.closure_date`, 'Episode closed')}
      from (
        -- By episode alone: a refresh reads one council, and sorting its 600,000 occasions by the
        -- council's code as well (a text compared by collation) was half the rule's time. Nor is the
        -- code carried through the sort: only what the rows select is.
        select x.*, lead(on_date) over (partition by episode_id order by on_date, is_occasion, source_id) as next_on
        from (
          select e.child_id, e.episode_id, e.closure_date, e.episode_id as source_id, e.referral_date as on_date, 0 as is_occasion
          from cin_episode e where ${scope('e')} and not e.referral_nfa
          union all
          select e.child_id, e.episode_id, e.closure_date, m.decision_id, m.decided_on, 1
          from cin_episode e join management_decision m on m.la_code = e.la_code and m.child_id = e.child_id
            and m.decided_on >= e.referral_date and (e.closure_date is null or m.decided_on < e.closure_date)
          where ${scope('e')} and not e.referral_nfa
          union all
          select e.child_id, e.episode_id, e.closure_date, s.supervision_id, s.held_on, 1
          from cin_episode e join supervision_child sc on sc.la_code = e.la_code and sc.child_id = e.child_id
            join supervision s on s.la_code = sc.la_code and s.supervision_id = sc.supervision_id
            and s.held_on >= e.referral_date and (e.closure_date is null or s.held_on < e.closure_date)
          where ${scope('e')} and not e.referral_nfa
        ) x
      ) o`,
});

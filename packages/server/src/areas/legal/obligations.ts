/**
 * The legal area's deadline rules (Public Law Outline): the legal planning meeting's decision,
 * the pre-proceedings meeting (10 working days from the letter, a council setting), reviews every
 * six weeks from that meeting, the end of pre-proceedings (16 weeks from the letter, or the date
 * of a recorded extension) and care proceedings (26 weeks from issue, moved only by the court's
 * recorded extensions).
 */
import { sql } from 'kysely';
import { metOrEnded, obligationRules } from '../../kernel/obligations.ts';

export const LEGAL_OBLIGATIONS = obligationRules('legal', {
  'legal-planning-decision': (scope) => sql`
  select m.child_id, m.meeting_id, null::uuid, m.held_on, m.decided_on, null::date, null::text
  from legal_planning_meeting m where ${scope('m')}`,
  'pre-proceedings-meeting': (scope) => sql`
  select p.child_id, p.pre_proceedings_id, null::uuid, p.letter_sent_on, ${metOrEnded(sql`p.meeting_held_on`, sql`p.ended_on`, 'Pre-proceedings ended')}
  from pre_proceedings p where ${scope('p')}`,
  // Counted from the meeting, then from each review; each met by the next; unmet when pre-proceedings end.
  'pre-proceedings-review': (scope) => sql`
  select o.child_id, o.source_id, null::uuid, o.on_date, ${metOrEnded(sql`o.next_on`, sql`o.ended_on`, 'Pre-proceedings ended')}
  from (
    select x.*, lead(x.on_date) over (partition by x.pp_id order by x.on_date, x.is_review, x.source_id) as next_on
    from (
      select p.la_code, p.child_id, p.pre_proceedings_id as pp_id, p.pre_proceedings_id as source_id, p.meeting_held_on as on_date, 0 as is_review, p.ended_on
      from pre_proceedings p where ${scope('p')} and p.meeting_held_on is not null
      union all
      select r.la_code, r.child_id, r.pre_proceedings_id, r.review_id, r.held_on, 1, p.ended_on
      from pre_proceedings_review r
      join pre_proceedings p on p.la_code = r.la_code and p.pre_proceedings_id = r.pre_proceedings_id
      where ${scope('r')}
    ) x
  ) o`,
  // 16 weeks from the letter; an extension's recorded date replaces it.
  'pre-proceedings-end': {
    rowDue: true,
    derive: (scope) => sql`
  select p.child_id, p.pre_proceedings_id, null::uuid, p.letter_sent_on, p.ended_on, null::date, null::text, p.extended_to as due_override
  from pre_proceedings p where ${scope('p')}`,
  },
  // 26 weeks from issue; the court's latest recorded extension replaces it. A withdrawal ends the clock.
  'care-proceedings': {
    rowDue: true,
    derive: (scope) => sql`
  select c.child_id, c.proceedings_id, null::uuid, c.issued_on,
    case when c.outcome = 'final-order' then c.concluded_on end,
    case when c.outcome = 'withdrawn' then c.concluded_on end,
    case when c.outcome = 'withdrawn' then 'Application withdrawn' end,
    -- By the child's extensions (an index of them), not every extension of the council for each proceedings.
    (select max(e.new_due_on) from proceedings_extension e where e.la_code = c.la_code and e.child_id = c.child_id and e.proceedings_id = c.proceedings_id) as due_override
  from care_proceedings c where ${scope('c')}`,
  },
});

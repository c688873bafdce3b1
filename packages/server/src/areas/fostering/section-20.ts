/**
 * Section 20 drift, for the head of service: the children accommodated under section 20 now,
 * for longer than six months, longest first, with their last legal planning meeting and when the
 * next legal status review is due (the s20-legal-review deadline, derived by the engine).
 */
import { todayInEngland } from '@lantern/core/calendar';
import { type Kysely, sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { spells } from './obligations.ts';

export async function sectionTwentyDrift(db: Kysely<Database>, user: CurrentUser, asOf = todayInEngland()) {
  const la = user.laCode;
  const rows = await sql<{
    child_id: string;
    given_name: string;
    family_name: string;
    la_child_id: string | null;
    spell_start: string;
    months: number;
    last_review: string | null;
    next_due: string | null;
    worker: string | null;
  }>`
    select p.person_id as child_id, p.given_name, p.family_name, p.la_child_id, s.spell_start::text as spell_start,
      ((extract(year from age(${asOf}::date, s.spell_start)) * 12) + extract(month from age(${asOf}::date, s.spell_start)))::int as months,
      (select max(m.held_on)::text from legal_planning_meeting m where m.la_code = s.la_code and m.child_id = s.child_id and m.held_on >= s.spell_start and m.held_on <= ${asOf}) as last_review,
      o.due_date::text as next_due,
      w.given_name || ' ' || w.family_name as worker
    from (${spells((a) => sql`${sql.ref(`${a}.la_code`)} = ${la}`)}) s
    join person p on p.la_code = s.la_code and p.person_id = s.child_id
    left join lateral (
      select o.due_date, o.responsible_worker_id from obligation o
      where o.la_code = s.la_code and o.child_id = s.child_id and o.rule_id = 's20-legal-review' and o.met_on is null and o.ended_on is null
      order by o.due_date limit 1
    ) o on true
    left join worker w on w.la_code = s.la_code and w.worker_id = o.responsible_worker_id
    where s.spell_start <= (${asOf}::date - interval '6 months')::date and s.spell_end is null
    order by s.spell_start, p.person_id`.execute(db);
  return {
    asOf,
    children: rows.rows.map((r) => ({
      childId: r.child_id,
      name: `${r.given_name} ${r.family_name}`,
      laChildId: r.la_child_id,
      accommodatedSince: r.spell_start,
      months: r.months,
      lastLegalReview: r.last_review,
      nextReviewDue: r.next_due,
      overdue: r.next_due !== null && r.next_due < asOf,
      worker: r.worker,
    })),
  };
}

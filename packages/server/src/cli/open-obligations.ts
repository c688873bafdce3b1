import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, FosterObligationTable, ObligationTable } from '../kernel/db/schema.ts';

/**
 * The deadlines of a table (the children's, or the foster carers') open on a day, overdue only if
 * asked: each with its rule, dates and the worker and team responsible, soonest due first. The two
 * tables share these columns; the caller joins the one that names whose deadline it is (`child_id`
 * or `household_id`) and orders deadlines due the same day by it.
 */
export function openOn(db: Kysely<Database>, table: 'obligation' | 'foster_obligation', laCode: string, asOf: string, overdue: boolean) {
  return db
    .selectFrom(sql<Selectable<ObligationTable> & Selectable<FosterObligationTable>>`${sql.table(table)}`.as('o'))
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'o.la_code').onRef('w.worker_id', '=', 'o.responsible_worker_id'))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'o.la_code').onRef('t.team_id', '=', 'o.responsible_team_id'))
    .select([
      'o.rule_id',
      'o.start_date',
      'o.due_date',
      'o.met_on',
      'o.ended_on',
      sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker'),
      't.name as team',
    ])
    .where('o.la_code', '=', laCode)
    .where('o.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('o.met_on', 'is', null), eb('o.met_on', '>', asOf)]))
    .where((eb) => eb.or([eb('o.ended_on', 'is', null), eb('o.ended_on', '>', asOf)]))
    .$if(overdue, (q) => q.where('o.due_date', '<', asOf))
    .orderBy('o.due_date');
}

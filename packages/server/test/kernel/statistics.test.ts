/**
 * Planner statistics after a bulk load (kernel/db/statistics.ts, migrations 0039 and 0055). "Grown
 * only" takes a table that holds rows but was only ever analysed empty, even after its indexes were
 * built at the end of the load: building them records the table's pages as if statistics had seen
 * them. A first council's seed loads its biggest tables just so (kernel/db/first-council.ts).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCouncil } from '../../src/kernel/db/council.ts';
import { deferIndexesOfFirstCouncil, restoreIndexesOfFirstCouncil } from '../../src/kernel/db/first-council.ts';
import { refreshPlannerStatistics } from '../../src/kernel/db/statistics.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { openTestStore } from '../helpers/db.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store?.close());

type Db = Store['db'];

/**
 * How many visits for this purpose the planner expects. Without statistics it guesses the same
 * share for any purpose; with them it knows every visit was for a child in need. (pg_stats itself
 * hides the table's statistics from the application's login, under the council wall of 0026, so
 * the plan is what shows them.)
 */
async function plannedVisits(db: Db, purpose: string): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select * from visit where purpose = ${sql.lit(purpose)}`.execute(db);
  return Number(/rows=(\d+)/.exec(rows[0]?.['QUERY PLAN'] ?? '')?.[1]);
}

describe('planner statistics after a first council is loaded', () => {
  it('analyses a table loaded after it was analysed empty, though building its indexes recorded its pages', async () => {
    await store.db.transaction().execute(async (trx) => {
      await setCouncil(trx, '*', true);
      await refreshPlannerStatistics(trx, { only: ['visit'] });

      // The load: the visits' index left off, 20,000 visits written, the index built once.
      expect(await deferIndexesOfFirstCouncil(trx, ['visit'])).toBe(1);
      await sql`insert into local_authority (la_code, dfe_la_number, name) values ('E09000001', '901', 'Synthetic Council')`.execute(trx);
      await sql`insert into person (la_code, person_id, is_child, la_child_id, given_name, family_name, sex, date_of_birth)
                values ('E09000001', '00000000-0000-4000-8000-000000000001', true, 'SYN-1', 'Sam', 'Example', 'U', date '2015-05-01')`.execute(trx);
      await sql`insert into visit (la_code, visit_id, child_id, visited_on, purpose, child_seen)
                select 'E09000001', gen_random_uuid(), '00000000-0000-4000-8000-000000000001', date '2026-01-01' + (g % 300), 'child-in-need', true
                from generate_series(1, 20000) g`.execute(trx);
      expect(await restoreIndexesOfFirstCouncil(trx, ['visit'])).toBe(1);
      const { rows } = await sql<{ relpages: number }>`select relpages from pg_class where relname = 'visit'`.execute(trx);
      expect(rows[0]?.relpages).toBeGreaterThan(0);
      // No statistics yet: the planner cannot tell one purpose from another.
      expect(await plannedVisits(trx, 'assessment')).toBe(await plannedVisits(trx, 'child-in-need'));

      await refreshPlannerStatistics(trx, { grownOnly: true });
      expect(await plannedVisits(trx, 'child-in-need')).toBeGreaterThan(100 * (await plannedVisits(trx, 'assessment')));
    });
  });
});

import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Fresh planner statistics after a bulk load (a seeded council, an imported return), taken as the
 * tables' owner through migration 0011's function. Without them PostgreSQL plans every join over
 * the new rows as if each table held one row, and the set-based deadline derivations crawl.
 * `tables` names the only ones changed since the last time (migration 0038), else all are analysed.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>, tables?: (keyof Database & string)[]): Promise<void> {
  if (tables) await sql`select refresh_planner_statistics(${tables}::text[])`.execute(db);
  else await sql`select refresh_planner_statistics()`.execute(db);
}

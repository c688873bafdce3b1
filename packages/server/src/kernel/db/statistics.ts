import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Fresh planner statistics after a bulk load (a seeded council, an imported return), taken as the
 * tables' owner through migration 0011's function. Without them PostgreSQL plans every join over
 * the new rows as if each table held one row, and the set-based deadline derivations crawl.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`select refresh_planner_statistics()`.execute(db);
}

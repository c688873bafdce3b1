import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type Table = keyof Database & string;

/** Which tables to analyse: only those that have grown or shrunk since, and any to leave out. */
export type StatisticsOf = { grownOnly?: boolean; leave?: Table[] };

/**
 * Fresh planner statistics after a bulk load (a seeded council, an imported return), taken as the
 * tables' owner through migration 0011's function. Without them PostgreSQL plans every join over
 * the new rows as if each table held one row, and the set-based deadline derivations crawl.
 * A list names the only tables changed since the last time (migration 0038); `grownOnly` analyses
 * just the tables whose size has changed by more than a tenth since they were analysed, `leave`
 * skips some (migration 0039); with neither, every table is analysed.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>, of?: Table[] | StatisticsOf): Promise<void> {
  if (Array.isArray(of)) await sql`select refresh_planner_statistics(${of}::text[])`.execute(db);
  else if (of) await sql`select refresh_planner_statistics(${of.grownOnly ?? false}, ${of.leave ?? []}::text[])`.execute(db);
  else await sql`select refresh_planner_statistics()`.execute(db);
}

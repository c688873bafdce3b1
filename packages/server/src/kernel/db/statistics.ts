import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type Table = keyof Database & string;

/** Which tables to analyse: those named (else all), only those grown or shrunk since, leaving some out. */
export type StatisticsOf = { only?: Table[]; grownOnly?: boolean; leave?: Table[] };

/**
 * Fresh planner statistics after a bulk load (a seeded council, an imported return), taken as the
 * tables' owner through migration 0011's function. Without them PostgreSQL plans every join over
 * the new rows as if each table held one row, and the set-based deadline derivations crawl.
 * Without `of` every table is analysed; else (migration 0039) only the tables `only` names,
 * without those `leave` names, and with `grownOnly` just those whose size has changed by more
 * than a tenth since they were last analysed, or that hold rows and have no statistics at all
 * (0055: building a key or index records a table's pages as if statistics had seen them).
 */
export async function refreshPlannerStatistics(db: Kysely<Database>, of?: StatisticsOf): Promise<void> {
  if (!of) await sql`select refresh_planner_statistics()`.execute(db);
  else await sql`select refresh_planner_statistics(${of.only ?? null}::text[], ${of.grownOnly ?? false}, ${of.leave ?? []}::text[])`.execute(db);
}

/**
 * Which deadline rules an event can have changed. A recorded visit cannot move a conference's
 * deadline: re-deriving every rule for the child after each step cost tens of milliseconds, most
 * of it on rules whose records the step never touched. So an event re-derives the rules that read
 * a table the transaction changed. Both halves come from the database and the rules themselves,
 * not from lists kept by hand that could fall behind:
 *   - what changed: PostgreSQL counts each table's inserts, updates and deletes in the current
 *     transaction (the counters behind pg_stat_xact_user_tables), whoever wrote them and however;
 *   - what a rule reads: the tables named in its compiled SQL, a view standing for the tables
 *     behind it (from pg_depend).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';

/**
 * Who holds a case and who answers for a deadline are joined into every rule's rows (obligations.ts
 * responsibleOf): a change to any of these re-derives every rule for the child.
 */
const EVERY_RULE_READS = new Set(['allocation', 'worker', 'team', 'case_team']);

/** Words that may follow `from` or `join` (or its parenthesis) and are not a table. */
const NOT_TABLES = new Set(['select', 'values', 'with', 'lateral']);

/**
 * The tables (and views) a statement names after `from` or `join`, lower case, without quotes,
 * including the first of a parenthesised join (`join (visit v left join person b …)`).
 */
export function tablesNamed(statement: string): Set<string> {
  const names = new Set<string>();
  for (const m of statement.matchAll(/\b(?:from|join)\s+(?:\(\s*)*"?([a-z_][a-z0-9_]*)"?/gi)) {
    const name = (m[1] as string).toLowerCase();
    if (!NOT_TABLES.has(name)) names.add(name);
  }
  return names;
}

/**
 * The tables the current transaction has inserted into, updated or deleted from so far; `alongside`
 * is run in the same round trip when one of them is in `read` (the setting the statements that
 * follow need, when there are any to follow).
 */
async function tablesChanged(trx: Kysely<Database>, read: readonly string[] = [], alongside: RawBuilder<unknown> = sql`null`): Promise<Set<string>> {
  // The counting functions behind pg_stat_xact_user_tables, for Lantern's own tables only: the
  // view itself reads a dozen counters for every table and took four times as long.
  const r = await sql<{ relname: string }>`
    select c.relname, case when c.relname = any(${read}::text[]) then ${alongside} end as alongside from pg_class c
    where c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace
      and pg_stat_get_xact_tuples_inserted(c.oid) + pg_stat_get_xact_tuples_updated(c.oid) + pg_stat_get_xact_tuples_deleted(c.oid) > 0`.execute(trx);
  return new Set(r.rows.map((row) => row.relname));
}

/** The rule ids, of those given, that a statement names: as a quoted literal in its text, or as a parameter (or in an array of them). */
export function rulesNamed(statement: { sql: string; parameters: readonly unknown[] }, ids: readonly string[]): string[] {
  const values = new Set(statement.parameters.flatMap((p) => (Array.isArray(p) ? p : [p])).filter((p): p is string => typeof p === 'string'));
  return ids.filter((id) => values.has(id) || statement.sql.includes(`'${id}'`));
}

let viewTables: Map<string, Set<string>> | undefined;

/** Each view's tables (read once per process: views change only with a migration, which restarts the server). */
async function tablesBehindViews(trx: Kysely<Database>): Promise<Map<string, Set<string>>> {
  if (viewTables) return viewTables;
  const r = await sql<{ view: string; tbl: string }>`
    select distinct v.relname as view, t.relname as tbl
    from pg_depend d
    join pg_rewrite w on w.oid = d.objid
    join pg_class v on v.oid = w.ev_class and v.relkind = 'v'
    join pg_class t on t.oid = d.refobjid and t.relkind in ('r', 'p') and t.oid <> v.oid
    join pg_namespace n on n.oid = v.relnamespace and n.nspname = current_schema()`.execute(trx);
  const map = new Map<string, Set<string>>();
  for (const { view, tbl } of r.rows) map.set(view, (map.get(view) ?? new Set()).add(tbl));
  viewTables = map;
  return map;
}

const readsOf = new Map<string, Set<string>>();

/** The tables (views resolved to theirs) each rule reads, from its whole statement (`statementOf`). */
async function readsOfRules<R extends { id: string }>(trx: Kysely<Database>, rules: readonly R[], statementOf: (rule: R) => RawBuilder<unknown>) {
  const views = await tablesBehindViews(trx);
  return rules.map((rule) => {
    let reads = readsOf.get(rule.id);
    if (!reads) {
      reads = new Set<string>();
      for (const name of tablesNamed(statementOf(rule).compile(trx).sql)) {
        reads.add(name);
        for (const t of views.get(name) ?? []) reads.add(t);
      }
      readsOf.set(rule.id, reads);
    }
    return { rule, reads };
  });
}

/**
 * The rules, of those given, that read a table the current transaction changed: all of them when a
 * case's holder or a team changed. `statementOf` gives a rule's whole statement (derivation, due
 * date and joins). `alongside` runs in the same round trip when any rule is to be re-derived.
 */
export async function rulesReadingChanges<R extends { id: string }>(
  trx: Kysely<Database>,
  rules: readonly R[],
  statementOf: (rule: R) => RawBuilder<unknown>,
  alongside: RawBuilder<unknown>,
): Promise<readonly R[]> {
  const reads = await readsOfRules(trx, rules, statementOf);
  const read = new Set([...EVERY_RULE_READS, ...reads.flatMap((r) => [...r.reads])]);
  const changed = await tablesChanged(trx, [...read], alongside);
  if ([...changed].some((t) => EVERY_RULE_READS.has(t))) return rules;
  return reads.filter(({ reads }) => [...changed].some((t) => reads.has(t))).map((r) => r.rule);
}

/** Forgets what each rule reads (the rules registered have changed). */
export function forgetReads(): void {
  readsOf.clear();
}

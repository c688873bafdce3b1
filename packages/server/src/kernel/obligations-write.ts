/**
 * How the timescales engine (obligations.ts) writes what it derived: an event's children compared
 * and written in one statement, a council's rebuild through a temporary table. Either way only the
 * rows that differ are written.
 */
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { PREPARED } from './db/store.ts';
import type { Scope } from './obligations.ts';

export const OBLIGATION_COLUMNS = sql.raw(
  'la_code, child_id, rule_id, source_id, episode_id, start_date, due_date, due_at, met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id',
);
/** The columns a re-derivation may change (all but the key and the refresh time). */
const DERIVED_FACTS = sql.raw('episode_id, start_date, due_date, due_at, met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id');

/**
 * What an event's statements run with, set by the caller before them (in a round trip it makes
 * anyway): their generic plans, until the transaction ends or the engine resets it after them.
 */
export const GENERIC_PLANS = sql`set_config('plan_cache_mode', 'force_generic_plan', true)`;

/**
 * The children an event touched: their rows derived and compared with what is stored in one
 * statement, so only what the event changed is written (a visit: the new visit's clock inserted,
 * the last one's met date updated) rather than every row of the child deleted and inserted again.
 * On PostgreSQL the statement is prepared on each connection and run with its generic plan: the
 * statement is the same for every event bar the children, and planning it (hundreds of
 * milliseconds for every rule's derivation) cost far more than running it for one child.
 */
export async function refreshChildren(
  trx: Kysely<Database>,
  key: string,
  children: { placeholder: string[]; ids: string[] },
  scope: Scope,
  ruleIds: string[],
  derivedBy: () => RawBuilder<unknown>,
  timing: ((step: string, ms: number) => void) | undefined,
): Promise<number> {
  const t = performance.now();
  const result = await runCompiled(
    trx,
    key,
    children,
    () => sql`${sql.raw(PREPARED)}
    with derived (${OBLIGATION_COLUMNS}) as materialized (${derivedBy()}),
    gone as (
      delete from obligation o
      where ${scope('o')} and o.rule_id = any(${ruleIds}::text[])
        and not exists (select 1 from derived d where d.child_id = o.child_id and d.rule_id = o.rule_id and d.source_id = o.source_id)
    )
    insert into obligation as o (${OBLIGATION_COLUMNS})
    select ${OBLIGATION_COLUMNS} from derived
    on conflict (la_code, child_id, rule_id, source_id) do update
    set (${DERIVED_FACTS}, refreshed_at) = (
      excluded.episode_id, excluded.start_date, excluded.due_date, excluded.due_at, excluded.met_on, excluded.ended_on, excluded.end_reason,
      excluded.responsible_worker_id, excluded.responsible_team_id, now())
    where (o.episode_id, o.start_date, o.due_date, o.due_at, o.met_on, o.ended_on, o.end_reason, o.responsible_worker_id, o.responsible_team_id)
      is distinct from (excluded.episode_id, excluded.start_date, excluded.due_date, excluded.due_at, excluded.met_on, excluded.ended_on,
        excluded.end_reason, excluded.responsible_worker_id, excluded.responsible_team_id)`,
  );
  timing?.('write', performance.now() - t);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A whole council's rebuild over the deadlines already there: derived into a temporary table, then
 * only what differs is written — the rows no longer derived (or derived differently) deleted, the
 * new ones inserted. Most of a council's deadlines are unchanged by a rebuild, and writing two
 * million rows and their nine indexes twice was most of its time; the result is the same rows.
 */
export async function rebuildInPlace(
  trx: Kysely<Database>,
  scope: Scope,
  ruleIds: string[],
  derived: RawBuilder<unknown>,
  timing: ((step: string, ms: number) => void) | undefined,
): Promise<number> {
  let t = performance.now();
  await sql`create temporary table obligation_derived (like obligation including defaults) on commit drop`.execute(trx);
  const result = await sql`insert into obligation_derived (${OBLIGATION_COLUMNS}) ${derived}`.execute(trx);
  await sql`analyze obligation_derived`.execute(trx);
  timing?.('derive', performance.now() - t);
  t = performance.now();
  await sql`
    delete from obligation o
    where ${scope('o')} and o.rule_id = any(${ruleIds}::text[])
      and not exists (
        select 1 from obligation_derived d
        where d.child_id = o.child_id and d.rule_id = o.rule_id and d.source_id = o.source_id
          and (d.episode_id, d.start_date, d.due_date, d.due_at, d.met_on, d.ended_on, d.end_reason, d.responsible_worker_id, d.responsible_team_id)
            is not distinct from (o.episode_id, o.start_date, o.due_date, o.due_at, o.met_on, o.ended_on, o.end_reason, o.responsible_worker_id, o.responsible_team_id))`.execute(
    trx,
  );
  timing?.('delete', performance.now() - t);
  t = performance.now();
  // What is left of the council's rows is exactly as derived: insert the rest.
  await sql`
    insert into obligation (${OBLIGATION_COLUMNS})
    select ${OBLIGATION_COLUMNS} from obligation_derived d
    where ${scope('d')} and not exists (select 1 from obligation o where ${scope('o')} and o.child_id = d.child_id and o.rule_id = d.rule_id and o.source_id = d.source_id)`.execute(
    trx,
  );
  timing?.('insert', performance.now() - t);
  await sql`drop table obligation_derived`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

const compiled = new Map<string, CompiledQuery>();

/** Forgets the compiled statements (the rules registered have changed). */
export function forgetCompiled(): void {
  compiled.clear();
}

/**
 * Runs an event's statement compiled once per council and settings: building and compiling every
 * rule's derivation took milliseconds of Lantern's own time on each event. The statement is compiled
 * with `placeholder` standing for the children, and each event passes its own in its place.
 */
export async function runCompiled(
  trx: Kysely<Database>,
  key: string,
  children: { placeholder: string[]; ids: string[] },
  build: () => RawBuilder<unknown>,
): Promise<{ numAffectedRows?: bigint }> {
  let query = compiled.get(key);
  if (!query) {
    query = build().compile(trx);
    if (!query.parameters.includes(children.placeholder)) throw new Error('An event’s statement names no children');
    compiled.set(key, query);
  }
  return trx.executeQuery({ ...query, parameters: query.parameters.map((p) => (p === children.placeholder ? children.ids : p)) });
}

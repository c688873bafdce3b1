/**
 * How the timescales engine (obligations.ts) writes an event's deadlines: its children's rows
 * compared and written in one statement, so only the rows that differ are written (a council's
 * rebuild: obligations-rebuild.ts).
 */
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { sqlLiteral } from './db/literal.ts';
import type { Database } from './db/schema.ts';
import { PREPARED } from './db/store.ts';
import type { Scope } from './obligations.ts';

/** The columns a re-derivation may change (all but the key and the refresh time), with obligation's types. */
export const OBLIGATION_FACTS = [
  ['episode_id', 'uuid'],
  ['start_date', 'date'],
  ['due_date', 'date'],
  ['due_at', 'timestamptz'],
  ['met_on', 'date'],
  ['ended_on', 'date'],
  ['end_reason', 'text'],
  ['responsible_worker_id', 'uuid'],
  ['responsible_team_id', 'uuid'],
] as const;
const FACT_NAMES = OBLIGATION_FACTS.map(([c]) => c);
export const OBLIGATION_COLUMNS = sql.raw(['la_code', 'child_id', 'rule_id', 'source_id', ...FACT_NAMES].join(', '));
const FACTS = sql.raw(FACT_NAMES.join(', '));
/** The facts as an alias's columns, in order. */
export const factsOf = (alias: string) => sql.raw(FACT_NAMES.map((c) => `${alias}.${c}`).join(', '));

/** Where an event's statements find its children (set by `eventChildren`, read in place of a parameter). */
const CHILDREN_SETTING = 'lantern.event_children';

/**
 * Names an event's children for its statements (runCompiled), for the caller to run before them in
 * a round trip it makes anyway; transaction-local, and set afresh by every refresh.
 */
export function eventChildren(ids: readonly string[]): RawBuilder<unknown> {
  return sql`set_config(${CHILDREN_SETTING}, ${`{${ids.join(',')}}`}, true)`;
}

/**
 * The children an event touched: their rows derived and compared with what is stored in one
 * statement, so only what the event changed is written (a visit: the new visit's clock inserted,
 * the last one's met date updated) rather than every row of the child deleted and inserted again.
 * On PostgreSQL the statement is prepared on each connection and run with its generic plan: the
 * statement is the same for every event bar the children, and planning it (hundreds of
 * milliseconds for every rule's derivation) cost far more than running it for one child. It has
 * no parameters (see runCompiled), and PostgreSQL plans a statement without parameters once.
 */
export async function refreshChildren(
  trx: Kysely<Database>,
  key: string,
  children: string[],
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
    set (${FACTS}, refreshed_at) = (${factsOf('excluded')}, now())
    where (${factsOf('o')}) is distinct from (${factsOf('excluded')})`,
  );
  timing?.('write', performance.now() - t);
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
 * with `placeholder` standing for the children, which it then reads from the transaction's setting
 * (eventChildren), its other parameters written in as literals: a statement with no parameters
 * keeps its one generic plan on the connection, where one with parameters would be planned afresh
 * for its first executions unless plan_cache_mode were set, and set back, around each event.
 */
export async function runCompiled(
  trx: Kysely<Database>,
  key: string,
  placeholder: string[],
  build: () => RawBuilder<unknown>,
): Promise<{ numAffectedRows?: bigint }> {
  let query = compiled.get(key);
  if (!query) {
    const built = build().compile(trx);
    if (!built.parameters.includes(placeholder)) throw new Error('An event’s statement names no children');
    const values = built.parameters.map((p) => (p === placeholder ? `current_setting(${sqlLiteral(CHILDREN_SETTING)})` : sqlLiteral(p)));
    query = {
      ...built,
      sql: outsideQuotes(built.sql, (text) => text.replace(/\$(\d+)\b/g, (_, n: string) => values[Number(n) - 1] as string)),
      parameters: [],
    };
    compiled.set(key, query);
  }
  return trx.executeQuery(query);
}

/** `edit` applied to the statement's text outside its comments, quoted strings and names (where a `$1` is text, not a parameter). */
function outsideQuotes(statement: string, edit: (text: string) => string): string {
  return statement
    .split(/(--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

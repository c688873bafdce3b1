/**
 * A whole council's rebuild (obligations.ts): each rule's rows derived by a statement of its own,
 * so the planner sees one rule at a time and each rule's time can be told apart, then written.
 * Who holds each case is worked out once, into temporary tables the rules join as they would the
 * event statement's CTEs. Over deadlines already stored, the rows are derived into a temporary
 * table and only what differs is written — most of a council's deadlines are unchanged by a
 * rebuild, and writing two million rows and their nine indexes twice was most of its time.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Scope, Settlement } from './obligations.ts';
import { OBLIGATION_COLUMNS } from './obligations-write.ts';

export type CouncilRebuild = {
  laCode: string;
  /** The children whose deadlines are written (all, or those with something open). */
  write: Scope;
  /** The children whose records are read (all, when most are written anyway). */
  derive: Scope;
  ruleIds: readonly string[];
  /** One rule's rows (child_id onwards, as obligation's columns), over `derive`. */
  rowsOf: (ruleId: string) => RawBuilder<unknown>;
  /** The temporary tables the rules read (name, select): the holders, and rows several rules share. */
  tables: [string, RawBuilder<unknown>][];
  /** The rule sets' settlements, run on the derived rows before they are compared with those stored. */
  settles: readonly Settlement[];
  timing: ((step: string, ms: number) => void) | undefined;
};

export async function rebuildCouncil(trx: Kysely<Database>, o: CouncilRebuild): Promise<number> {
  let t = performance.now();
  const step = (name: string) => {
    o.timing?.(name, performance.now() - t);
    t = performance.now();
  };
  // A council's rules join and compare hundreds of thousands of rows: hashed in memory rather
  // than in batches spilled to disk (the server's default is 4 MB), for this transaction only.
  await sql`set local work_mem = '256MB'`.execute(trx);
  for (const [name, body] of o.tables) {
    await sql`create temporary table ${sql.raw(name)} on commit drop as ${body}`.execute(trx);
    await sql`analyze ${sql.raw(name)}`.execute(trx);
  }
  step('holders and shared rows');
  // Rows read beyond those written (settled history kept) are compared, never inserted blind.
  const stored = o.derive !== o.write || (await sql`select 1 from obligation o where ${o.write('o')} limit 1`.execute(trx)).rows.length > 0;
  // With nothing stored (a new council, an import's first derivation), straight into obligation.
  const target = sql.raw(stored ? 'obligation_derived' : 'obligation');
  if (stored) await sql`create temporary table obligation_derived (like obligation including defaults) on commit drop`.execute(trx);
  let count = 0;
  for (const id of o.ruleIds) {
    const r = await sql`insert into ${target} (${OBLIGATION_COLUMNS}) select ${o.laCode}, r.* from (${o.rowsOf(id)}) as r`.execute(trx);
    count += Number(r.numAffectedRows ?? 0);
    step(`rule ${id}`);
  }
  if (stored) {
    // The settlements join the derived rows to themselves by child and rule (a lookup per row, as on obligation's key).
    await sql`create index on obligation_derived (child_id, rule_id, source_id)`.execute(trx);
    await sql`analyze obligation_derived`.execute(trx);
  }
  for (const settle of o.settles) await settle(stored ? o.derive : o.write, stored ? 'obligation_derived' : 'obligation').execute(trx);
  step('settle');
  if (stored) {
    await writeDifferences(trx, o.write, o.ruleIds);
    step('write');
  }
  for (const [name] of o.tables) await sql`drop table ${sql.raw(name)}`.execute(trx);
  if (stored) await sql`drop table obligation_derived`.execute(trx);
  return count;
}

/** The rows no longer derived (or derived differently) deleted, then those not stored inserted. */
async function writeDifferences(trx: Kysely<Database>, scope: Scope, ruleIds: readonly string[]) {
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
  // What is left of the council's rows is exactly as derived: insert the rest.
  await sql`
    insert into obligation (${OBLIGATION_COLUMNS})
    select ${OBLIGATION_COLUMNS} from obligation_derived d
    where ${scope('d')} and not exists (select 1 from obligation o where ${scope('o')} and o.child_id = d.child_id and o.rule_id = d.rule_id and o.source_id = d.source_id)`.execute(
    trx,
  );
}

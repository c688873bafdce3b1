/**
 * A whole council's rebuild (obligations.ts): each rule's rows derived by a statement of its own,
 * so the planner sees one rule at a time and each rule's time can be told apart, then written.
 * Who holds each case is worked out once, into temporary tables the rules join as they would the
 * event statement's CTEs. The rows are derived and settled in a temporary table; over deadlines
 * already stored only what differs is written — most of a council's deadlines are unchanged by a
 * rebuild, and writing two million rows and their nine indexes twice was most of its time. Over
 * deadlines already stored a rule's rows are first only summed into each child's digest (writeDifferences).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { deferIndexesOfFirstDeadlines, restoreChecksOfFirstCouncil } from './db/first-council.ts';
import type { Database } from './db/schema.ts';
import type { Scope, Settlement } from './obligations.ts';
import { type Alongside, copyAcross, tableFromText, tableText } from './obligations-alongside.ts';
import { factsOf, OBLIGATION_COLUMNS, OBLIGATION_FACTS } from './obligations-write.ts';

export type CouncilRebuild = {
  laCode: string;
  /** The children whose deadlines are written (all, or those with something open). */
  write: Scope;
  /** The children whose records are read (all, when most are written anyway). */
  derive: Scope;
  ruleIds: readonly string[];
  /** One rule's rows (child_id onwards, as obligation's columns), over `derive` or the children `scope` names. */
  rowsOf: (ruleId: string, scope?: Scope) => RawBuilder<unknown>;
  /** Who holds each case, a temporary table each (name, select) every rule reads. */
  tables: [string, RawBuilder<unknown>][];
  /** Rows several rules share (a rule set's `shared`), with the rules that read them: built where those rules are derived. */
  shared: readonly { name: string; body: RawBuilder<unknown>; rules: readonly string[] }[];
  /** The rule sets' settlements, run on the derived rows before they are compared with those stored. */
  settles: readonly Settlement[];
  /** The rules whose rows the settlements read or write. */
  settled: ReadonlySet<string>;
  timing: ((step: string, ms: number) => void) | undefined;
  /** A second connection reading the same snapshot, to derive digests beside this one (ended by the rebuild). */
  alongside?: Alongside | undefined;
};

export async function rebuildCouncil(trx: Kysely<Database>, o: CouncilRebuild): Promise<number> {
  let t = performance.now();
  const step = (name: string) => {
    o.timing?.(name, performance.now() - t);
    t = performance.now();
  };
  // Rows read beyond those written (settled history kept) are compared, never inserted blind.
  const stored = o.derive !== o.write || (await sql`select 1 from obligation o where ${o.write('o')} limit 1`.execute(trx)).rows.length > 0;
  // A second connection derives digests alongside (obligations-alongside.ts): only over stored deadlines.
  const alongside = stored ? o.alongside : undefined;
  if (!stored) await o.alongside?.end();
  try {
    return await rebuildWith(trx, o, stored, alongside, step);
  } finally {
    await alongside?.end();
  }
}

/** Every rule's last derivation time on this process, so the longest are dealt out first. */
const ruleCost = new Map<string, number>();

async function rebuildWith(trx: Kysely<Database>, o: CouncilRebuild, stored: boolean, alongside: Alongside | undefined, step: (name: string) => void) {
  // A council's rules join and compare hundreds of thousands of rows: hashed in memory rather
  // than in batches spilled to disk (the server's default is 4 MB), for this transaction only.
  const workMem = (db: Kysely<Database>) => sql`set local work_mem = '256MB'`.execute(db);
  const digestTables = async (db: Kysely<Database>) => {
    await sql`create temporary table obligation_rule_digest (child_id uuid, rule_id text, digest numeric, row_count bigint) on commit drop`.execute(db);
    await sql`create temporary table obligation_stored_digest (child_id uuid, digest numeric) on commit drop`.execute(db);
  };
  // The stored deadlines' digests, each child's (compared in writeDifferences): they read no holder.
  const storedDigests = async (db: Kysely<Database>) => {
    const began = performance.now();
    await sql`insert into obligation_stored_digest (child_id, digest)
      select o.child_id, ${digestOf('o')} from obligation o where o.la_code = ${o.laCode} and o.rule_id = any(${o.ruleIds}::text[]) group by o.child_id`.execute(
      db,
    );
    o.timing?.(db === trx ? 'stored digests' : 'stored digests (alongside)', performance.now() - began);
  };
  // The rows several rules share, built in a session when the first rule reading them is derived
  // there (the rules reading them are dealt out together): the placements' occasions took two seconds of each connection's time.
  const built = new Map<Kysely<Database>, Set<string>>();
  const sharedFor = async (db: Kysely<Database>, id: string) => {
    const have = built.get(db) ?? new Set<string>();
    built.set(db, have);
    for (const { name, body, rules } of o.shared) {
      if (have.has(name) || !rules.includes(id)) continue;
      const began = performance.now();
      await sql`create temporary table ${sql.raw(name)} on commit drop as ${body}`.execute(db);
      await sql`analyze ${sql.raw(name)}`.execute(db);
      have.add(name);
      const ms = performance.now() - began;
      ruleCost.set(name, ms);
      o.timing?.(db === trx ? `shared ${name}` : `shared ${name} (alongside)`, ms);
    }
  };
  // The second connection starts on the stored digests while this one works out the holders, then
  // takes a copy of them (50,000 rows a table, not the two joins and sort of every allocation again).
  // Its work is awaited once this connection has done its own (or in the catch below); until then a
  // failure there must not count as unhandled, which would end the process, not roll the rebuild back.
  const pending = <T>(work: Promise<T>): Promise<T> => {
    work.catch(() => undefined);
    return work;
  };
  let beside: Promise<unknown> | undefined =
    alongside &&
    pending(
      alongside.run(async (db) => {
        await workMem(db);
        await digestTables(db);
        await storedDigests(db);
      }),
    );
  // The rules whose rows are only digested, dealt out to whichever connection is free: those
  // reading the same shared rows together, the longest first.
  type Work = (db: Kysely<Database>) => Promise<void>;
  const queue: Work[] = [];
  /** The second connection's sums per child, as a text (summed), once it has no more work. */
  let across: Promise<string | null | undefined> | undefined;
  try {
    await workMem(trx);
    for (const [name, body] of o.tables) {
      await sql`create temporary table ${sql.raw(name)} on commit drop as ${body}`.execute(trx);
      await sql`analyze ${sql.raw(name)}`.execute(trx);
    }
    if (stored) await digestTables(trx);
    if (alongside && beside) {
      const copies: { name: string; columns: [string, string][]; text: string | null | undefined }[] = [];
      for (const [name] of o.tables) {
        const columns = (
          await sql<{ name: string; type: string }>`
            select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
            where attrelid = ${name}::regclass and attnum > 0 and not attisdropped order by attnum`.execute(trx)
        ).rows.map((c): [string, string] => [c.name, c.type]);
        copies.push({ name, columns, text: await tableText(trx, name, columns) });
      }
      beside = pending(
        beside.then(() =>
          alongside.run(async (db) => {
            for (const { name, columns, text } of copies) {
              await tableFromText(db, name, columns, text);
              await sql`analyze ${sql.raw(name)}`.execute(db);
            }
          }),
        ),
      );
    }
    step('holders');
    // Derived and settled in a temporary table, then written: settled in obligation itself (a new
    // council, an import's first derivation), each settled row was a second version of the row in
    // all eight of its indexes — an SSDA903 national return's 340,000 review-dated rows.
    await sql`create temporary table obligation_derived (like obligation including defaults) on commit drop`.execute(trx);
    // The rows the settlements read and write are derived apart, a few per cent of the council's:
    // indexed and settled there, not among every rule's rows (indexing those all took seconds). Its
    // pages are left half empty so a settled row's new version stays on its page, out of the index.
    await sql`create temporary table obligation_settling (like obligation including defaults) with (fillfactor = 50) on commit drop`.execute(trx);
    // Over deadlines already stored, a rule's rows are first only summed into each child's digest
    // (writeDifferences): most are unchanged, and writing 2.6 million rows to read them back for
    // their digests cost more than deriving again the few that differ.
    const derive = async (db: Kysely<Database>, id: string) => {
      await sharedFor(db, id);
      const began = performance.now();
      const settling = o.settled.has(id);
      const into = sql.raw(settling ? 'obligation_settling' : 'obligation_derived');
      if (stored && !settling)
        await sql`insert into obligation_rule_digest (child_id, rule_id, digest, row_count)
          select r.child_id, ${id}::text, ${digestOf('r')}, count(*) from (${o.rowsOf(id)}) as r (${DERIVED_COLUMNS}) group by r.child_id`.execute(db);
      else await sql`insert into ${into} (${OBLIGATION_COLUMNS}) select ${o.laCode}, r.* from (${o.rowsOf(id)}) as r`.execute(db);
      const ms = performance.now() - began;
      ruleCost.set(id, ms);
      o.timing?.(db === trx ? `rule ${id}` : `rule ${id} (alongside)`, ms);
    };
    if (stored) {
      if (!alongside) queue.push(storedDigests);
      // The digested rules, those reading the same shared rows in one piece of work.
      const pieces = new Map<string, { ids: string[]; shared: string[] }>();
      for (const id of o.ruleIds.filter((id) => !o.settled.has(id))) {
        const shared = o.shared.filter((s) => s.rules.includes(id)).map((s) => s.name);
        const key = shared.length ? shared.join(',') : id;
        pieces.set(key, { ids: [...(pieces.get(key)?.ids ?? []), id], shared });
      }
      // By each one's last time on this process (a shared table's too); a piece not yet timed goes first.
      const cost = ({ ids, shared }: { ids: string[]; shared: string[] }) =>
        ids.reduce((n, id) => n + (ruleCost.get(id) ?? Number.POSITIVE_INFINITY), 0) + shared.reduce((n, name) => n + (ruleCost.get(name) ?? 0), 0);
      for (const { ids } of [...pieces.values()].sort((a, b) => cost(b) - cost(a)))
        queue.push(async (db) => {
          for (const id of ids) await derive(db, id);
        });
    }
    const drain = async (db: Kysely<Database>) => {
      for (let work = queue.shift(); work; work = queue.shift()) await work(db);
    };
    // Once the queue is empty the second connection has digested all it will: its children's sums
    // (and the stored ones beside them) are made ready to come across while this one finishes its last.
    across =
      alongside && beside
        ? pending(
            beside.then(() =>
              alongside.run(async (db) => {
                await drain(db);
                return summed(db);
              }),
            ),
          )
        : undefined;
    // The settled rules here (their rows are settled in this transaction), then what is left of the queue.
    for (const id of o.ruleIds) if (!stored || o.settled.has(id)) await derive(trx, id);
    step('rules derived here');
    // The settlements join the rows to themselves by child and rule (a lookup per row, as on obligation's key).
    await sql`create index on obligation_settling (child_id, rule_id, source_id)`.execute(trx);
    await sql`analyze obligation_settling`.execute(trx);
    step('settled rows indexed');
    for (const settle of o.settles) await settle(stored ? o.derive : o.write, 'obligation_settling').execute(trx);
    if (stored) {
      // Settled, the settlements' rows are summed into their children's digests like every rule's
      // (kept for the children whose rows differ).
      await sql`
        insert into obligation_rule_digest (child_id, rule_id, digest, row_count)
        select s.child_id, s.rule_id, ${digestOf('s')}, count(*) from obligation_settling s group by s.child_id, s.rule_id`.execute(trx);
      step('settle');
      await drain(trx);
      // This connection's rules summed per child, likewise while the other may still be deriving. A
      // sample of 3,000 rows is enough for the planner to sum them by hashing, not by sorting them all
      // (the column's own target, on a table that goes at commit: nothing to save and put back).
      await sql`alter table obligation_rule_digest alter column child_id set statistics 10`.execute(trx);
      await sql`analyze obligation_rule_digest (child_id)`.execute(trx);
      await sql`create temporary table obligation_here_digest on commit drop as
        select child_id, sum(digest) as digest, sum(row_count) as row_count from obligation_rule_digest group by child_id`.execute(trx);
      await tableFromText(trx, 'obligation_alongside_digest', ALONGSIDE_COLUMNS, across && (await across));
      step(alongside ? 'digests: waited for the second connection, its sums brought across' : 'digests');
    }
  } catch (error) {
    queue.length = 0;
    await (across ?? beside)?.catch(() => undefined);
    throw error;
  }
  // Every rule's rows, counted where they all meet: the digests' counts, or the rows written.
  let count: number;
  if (stored) {
    // The rows counted are every rule's.
    const n = await sql<{ n: string | null }>`
      select ((select coalesce(sum(row_count), 0) from obligation_here_digest) + (select coalesce(sum(row_count), 0) from obligation_alongside_digest))::text as n`.execute(
      trx,
    );
    count = Number(n.rows[0]?.n ?? 0);
    await writeDifferences(trx, o, alongside, step, sharedFor);
  } else {
    await sql`insert into obligation_derived select * from obligation_settling`.execute(trx);
    step('settle');
    // Nothing stored: all of them, in key order, so obligation's key is written page after page.
    // A new database's first deadlines: obligation's secondary indexes built once from its rows, not kept
    // up row by row (at 50,000 children 16-17 s of database CPU, not 21-25 s; migration 0043), and on a
    // PostgreSQL server its key too (0049). Not once any council has a deadline: an index covers every council's rows.
    const deferred = await deferIndexesOfFirstDeadlines(trx, ['obligation']);
    const written =
      await sql`insert into obligation (${OBLIGATION_COLUMNS}) select ${OBLIGATION_COLUMNS} from obligation_derived order by child_id, rule_id, source_id`.execute(
        trx,
      );
    count = Number(written.numAffectedRows ?? 0);
    step('write');
    if (deferred > 0) {
      await restoreChecksOfFirstCouncil(trx);
      step('write: indexes built');
    }
  }
  await sql`drop table obligation_settling`.execute(trx);
  for (const name of [...o.tables.map(([name]) => name), ...(built.get(trx) ?? [])]) await sql`drop table ${sql.raw(name)}`.execute(trx);
  await sql`drop table obligation_derived`.execute(trx);
  return count;
}

/**
 * A row's columns digested, each with obligation's type: a rule's select is digested before it is
 * written (a due date counted in timestamps is a date once stored), so both sides hash the same values.
 */
const DIGESTED = [['rule_id', 'text'], ['source_id', 'uuid'], ...OBLIGATION_FACTS] as const;
/** The digests' temporary tables, dropped once the differences are written. */
const DIGEST_TABLES = ['obligation_rule_digest', 'obligation_stored_digest', 'obligation_here_digest', 'obligation_alongside_digest'];

/**
 * What the second connection hands back, a row a child: the sum of its rules' digests and rows (null
 * where it derived none of the child's) and the child's stored digest (null where none is stored).
 */
const ALONGSIDE_COLUMNS = [
  ['child_id', 'uuid'],
  ['digest', 'numeric'],
  ['row_count', 'bigint'],
  ['stored_digest', 'numeric'],
] as const;

/** The second connection's sums, per child, beside the stored digests it summed, as one text (tableText). */
async function summed(db: Kysely<Database>) {
  await sql`create temporary table obligation_alongside_digest on commit drop as
    select coalesce(d.child_id, s.child_id) as child_id, d.digest, d.row_count, s.digest as stored_digest
    from (select child_id, sum(digest) as digest, sum(row_count) as row_count from obligation_rule_digest group by child_id) d
    full join obligation_stored_digest s on s.child_id = d.child_id`.execute(db);
  return tableText(db, 'obligation_alongside_digest', ALONGSIDE_COLUMNS);
}
/** A rule's rows' columns by name (its select's are positional, as obligation's from child_id on). */
const DERIVED_COLUMNS = sql.raw(['child_id', ...DIGESTED.map(([c]) => c)].join(', '));

/**
 * A child's rows as one figure: the sum of a hash of each row (its rule, source and facts), so the
 * same rows give the same figure in any order. The row's hash is hashed again because a record's
 * hash is a weighted sum of its columns' hashes: summed as they are, two rows swapping a date would
 * sum the same.
 */
const digestOf = (alias: string) =>
  sql`sum(hashint8extended(hash_record_extended((${sql.raw(DIGESTED.map(([c, type]) => `${alias}.${c}::${type}`).join(', '))}), 0), 0))`;

/**
 * The rows no longer derived (or derived differently) deleted, then those not stored inserted.
 * First the children whose rows differ, by a digest of each child's rows on either side: a
 * rebuild changes few children, and summing 2.7 million rows into 50,000 children's figures
 * is cheaper than hash-joining the rows themselves, whose 400 MB table misses the processor's
 * cache on every row. The derived side's digests were summed as each rule was derived
 * (obligation_rule_digest, by child and rule). Of the children that differ, the rules that differ;
 * only those rules' rows are derived again, for those children alone, and matched with the stored
 * rows by key in one pass (a full join, where a delete and an insert each joining the two took
 * twice as long), the differences noted by the stored row's key and the derived row's place.
 */
async function writeDifferences(
  trx: Kysely<Database>,
  o: CouncilRebuild,
  alongside: Alongside | undefined,
  step: (name: string) => void,
  sharedFor: (db: Kysely<Database>, id: string) => Promise<void>,
) {
  const { laCode, write: scope, ruleIds } = o;
  // Each child's digest over the council, then the children written: with settled history kept,
  // choosing them from the 50,000 digests rather than from 2.6 million rows on each side saved a second.
  await sql`
    create temporary table obligation_changed_child on commit drop as
    with stored as materialized (
      select ${laCode}::text as la_code, o.child_id, o.digest
      from (select o.child_id, o.digest from obligation_stored_digest o union all select a.child_id, a.stored_digest from obligation_alongside_digest a where a.stored_digest is not null) o
    ), derived as materialized (
      select ${laCode}::text as la_code, d.child_id, sum(d.digest) as digest
      from (select d.child_id, d.digest from obligation_here_digest d union all select a.child_id, a.digest from obligation_alongside_digest a where a.digest is not null) d
      group by d.child_id
    )
    select coalesce(o.child_id, d.child_id) as child_id
    from (select o.* from stored o where ${scope('o')}) o
    full join (select d.* from derived d where ${scope('d')}) d on d.child_id = o.child_id
    where o.digest is distinct from d.digest`.execute(trx);
  step('write: children compared');
  // (A table made from a select reports no count of its rows.)
  const changed = await sql<{ n: number }>`select count(*)::int as n from obligation_changed_child`.execute(trx);
  if (!changed.rows[0]?.n) {
    for (const table of ['obligation_changed_child', ...DIGEST_TABLES]) await sql`drop table ${sql.raw(table)}`.execute(trx);
    return;
  }
  await sql`analyze obligation_changed_child`.execute(trx);
  if (alongside) {
    // The second connection's rules' digests of the children that differ, by rule.
    const children = await sql<{ child_id: string }>`select child_id from obligation_changed_child`.execute(trx);
    const values = children.rows.map((r) => r.child_id);
    await copyAcross(
      alongside,
      trx,
      'obligation_rule_digest',
      [
        ['child_id', 'uuid'],
        ['rule_id', 'text'],
        ['digest', 'numeric'],
        ['row_count', 'bigint'],
      ],
      { column: 'child_id', values, type: 'uuid' },
    );
  }
  const changedChild = (alias: string) => sql`${sql.ref(`${alias}.child_id`)} in (select c.child_id from obligation_changed_child c)`;
  // Those children's rules whose rows differ, by each rule's digest on either side.
  await sql`
    create temporary table obligation_changed_rule on commit drop as
    select coalesce(o.child_id, d.child_id) as child_id, coalesce(o.rule_id, d.rule_id) as rule_id
    from (
      select o.child_id, o.rule_id, ${digestOf('o')} as digest from obligation o
      where ${scope('o')} and o.rule_id = any(${ruleIds}::text[]) and ${changedChild('o')} group by o.child_id, o.rule_id
    ) o
    full join (select d.child_id, d.rule_id, d.digest from obligation_rule_digest d where ${changedChild('d')}) d
      on d.child_id = o.child_id and d.rule_id = o.rule_id
    where o.digest is distinct from d.digest`.execute(trx);
  await sql`analyze obligation_changed_rule`.execute(trx);
  const rules = await sql<{ rule_id: string }>`select distinct rule_id from obligation_changed_rule order by rule_id`.execute(trx);
  // Each of those rules' rows derived again, for its children that differ (a settled rule's are at hand).
  for (const { rule_id: id } of rules.rows) {
    const children = sql`(select c.child_id from obligation_changed_rule c where c.rule_id = ${id})`;
    if (o.settled.has(id))
      await sql`insert into obligation_derived select * from obligation_settling s where s.rule_id = ${id} and s.child_id in ${children}`.execute(trx);
    else {
      // (The rows it shares with other rules are built here too if the second connection derived it.)
      await sharedFor(trx, id);
      const theirs: Scope = (alias) => sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.child_id`)} in ${children}`;
      await sql`insert into obligation_derived (${OBLIGATION_COLUMNS})
        select ${laCode}, r.* from (${o.rowsOf(id, theirs)}) as r where r.child_id in ${children}`.execute(trx);
    }
  }
  await sql`analyze obligation_derived`.execute(trx);
  step('write: derived again');
  const changedOnly = (alias: string) =>
    sql`(${sql.ref(`${alias}.child_id`)}, ${sql.ref(`${alias}.rule_id`)}) in (select c.child_id, c.rule_id from obligation_changed_rule c)`;
  await sql`
    create temporary table obligation_change on commit drop as
    select o.child_id, o.rule_id, o.source_id, d.derived_row
    from (select o.child_id, o.rule_id, o.source_id, ${factsOf('o')} from obligation o where ${scope('o')} and o.rule_id = any(${ruleIds}::text[]) and ${changedOnly('o')}) o
    full join (select d.ctid as derived_row, d.child_id, d.rule_id, d.source_id, ${factsOf('d')} from obligation_derived d where ${scope('d')} and ${changedOnly('d')}) d
      on d.child_id = o.child_id and d.rule_id = o.rule_id and d.source_id = o.source_id
    where o.child_id is null or d.child_id is null or (${factsOf('d')}) is distinct from (${factsOf('o')})`.execute(trx);
  await sql`analyze obligation_change`.execute(trx);
  step('write: compared');
  await sql`
    delete from obligation o using obligation_change c
    where ${scope('o')} and o.child_id = c.child_id and o.rule_id = c.rule_id and o.source_id = c.source_id`.execute(trx);
  step('write: deleted');
  // What is left of the council's rows is exactly as derived: insert the rest.
  await sql`
    insert into obligation (${OBLIGATION_COLUMNS})
    select ${OBLIGATION_COLUMNS} from obligation_derived d where d.ctid in (select c.derived_row from obligation_change c where c.derived_row is not null)`.execute(
    trx,
  );
  step('write: inserted');
  for (const table of ['obligation_change', 'obligation_changed_rule', 'obligation_changed_child', ...DIGEST_TABLES])
    await sql`drop table ${sql.raw(table)}`.execute(trx);
}

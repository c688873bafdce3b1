/**
 * The timescales engine. Every deadline of every child is derived from the record by SQL, one
 * derivation per rule, and materialised in `obligation`. A whole council is rebuilt with a
 * handful of set-based statements; an event rebuilds only the children it touched, with the
 * same statements, so the two can never disagree. Due dates come from packages/core's rules
 * (with the council's settings) and the calendar_day table.
 *
 * The derivations belong to the areas that keep the records (`areas/<area>/obligations.ts`), each
 * exporting its rules as data; the areas' registry (`areas/obligation-rules.ts`) hands them to
 * the engine at start-up, so adding an area does not edit the kernel.
 */
import { CHANNELS, type DeadlineRefresh } from './telemetry.ts';
import { forCouncil } from './db/council.ts';
import { PREPARED } from './db/store.ts';
import { forgetReads, rulesNamed, rulesReadingChanges } from './obligation-reads.ts';
import { eventChildren, forgetCompiled, refreshChildren, runCompiled } from './obligations-write.ts';
import { rebuildCouncil } from './obligations-rebuild.ts';
import { type Alongside, openAlongside } from './obligations-alongside.ts';
import { holdersOf, responsibleOf } from './obligation-holders.ts';
import { effectiveDue, ruleById, type TimescaleSettings } from '@lantern/core/timescales';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { councilTimescaleSettings } from './settings.ts';
import { dueOf } from './obligation-sql.ts';

export { bornBy, dueOf, metOrEnded, plannedVisits, throughPlan } from './obligation-sql.ts';

/** The children a refresh covers, as a condition on a table's alias (its la_code and child_id). */
export type Scope = (alias: string) => RawBuilder<unknown>;

/**
 * A rule's derivation selects (child_id, source_id, episode_id, start_date, met_on, ended_on,
 * end_reason): when the clock started, what met it, or when the need ended. Recurring rules
 * (visits, core groups, reviews) have one row per occasion: counted from the plan's start or the
 * previous occasion, met by the next.
 */
export type Derivation = (scope: Scope) => RawBuilder<unknown>;

/** A due date in SQL: its expression and joins; for hours, the start and due timestamps too. */
export type DueSql = { expr: RawBuilder<unknown>; joins: RawBuilder<unknown>; start?: RawBuilder<unknown>; at?: RawBuilder<unknown> };

/** One deadline rule as an area gives it to the engine. */
export type ObligationRule = {
  /** The rule id in core's timescales (its due rule, its setting and who is responsible). */
  id: string;
  derive: Derivation;
  /** The derivation selects an eighth column, due_override: a row's own due date where its interval is not the rule's. */
  rowDue?: boolean;
  /** The interval depends on the row (the rule's default case still takes the council's setting). */
  due?: (settings: TimescaleSettings, laCode: string) => DueSql;
  /**
   * The due date is on the record that started the clock (a request says "by when"), and the
   * worker who made it owes it, not the child's allocated worker. `d.source_id` is that record.
   */
  recordedDue?: (laCode: string, settings: TimescaleSettings) => { joins: RawBuilder<unknown>; due: RawBuilder<unknown>; who: RawBuilder<unknown> };
};

/**
 * An update of `table`'s rows (obligation, or a rebuild's derived rows, which carry la_code and
 * obligation's columns) over the children `scope` names, once every rule's rows are in.
 */
export type Settlement = (scope: Scope, table?: string) => RawBuilder<unknown>;

/** An area's rules, and what settles once every rule's rows are in (a due date taken from another rule's row). */
export type ObligationRuleSet = {
  area: string;
  rules: readonly ObligationRule[];
  settle?: readonly Settlement[];
  /**
   * Rows several of the set's rules read by name (a placement's visits, for five visit rules):
   * derived once per refresh, as a CTE of an event's statement or a temporary table of a rebuild.
   */
  shared?: Readonly<Record<string, Derivation>>;
};

/**
 * An area's rules as data: each rule's id with its derivation (or the derivation and its options),
 * in the order given.
 */
export function obligationRules(
  area: string,
  rules: Record<string, Derivation | Omit<ObligationRule, 'id'>>,
  settle?: readonly Settlement[],
): ObligationRuleSet {
  return {
    area,
    rules: Object.entries(rules).map(([id, rule]) => (typeof rule === 'function' ? { id, derive: rule } : { id, ...rule })),
    ...(settle ? { settle } : {}),
  };
}

let ruleSets: readonly ObligationRuleSet[] = [];

/** Hands the areas' rules to the engine (areas/obligation-rules.ts does, at start-up). */
export function registerObligationRules(sets: readonly ObligationRuleSet[]): void {
  const ids = sets.flatMap((s) => s.rules.map((r) => r.id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`The deadline rule ${twice} is derived by two areas`);
  for (const id of ids) ruleById(id); // every rule is one of core's
  const names = sets.flatMap((s) => Object.keys(s.shared ?? {}));
  const clash = names.find((n, i) => names.indexOf(n) !== i);
  if (clash) throw new Error(`The shared deadline rows ${clash} are named by two areas`);
  ruleSets = sets;
  sharedBy.clear();
  forgetCompiled();
  forgetReads();
  settledBy.clear();
}

const settledBy = new Map<Settlement, readonly string[]>();
const sharedBy = new Map<string, readonly string[]>();

/** The shared rows (a rule set's `shared`) a rule reads: those its derivation names. */
function sharedRead(trx: Kysely<Database>, rule: ObligationRule, scope: Scope): readonly string[] {
  let names = sharedBy.get(rule.id);
  if (!names) {
    const text = rule.derive(scope).compile(trx).sql;
    names = ruleSets.flatMap((s) => Object.keys(s.shared ?? {})).filter((n) => new RegExp(`\\b${n}\\b`).test(text));
    sharedBy.set(rule.id, names);
  }
  return names;
}

/** The shared rows the rules given read, each as (name, derivation over `scope`), in the order registered. */
function sharedOf(trx: Kysely<Database>, rules: readonly ObligationRule[], scope: Scope): [string, RawBuilder<unknown>][] {
  const read = new Set(rules.flatMap((r) => sharedRead(trx, r, scope)));
  return ruleSets.flatMap((s) =>
    Object.entries(s.shared ?? {})
      .filter(([n]) => read.has(n))
      .map(([n, derive]): [string, RawBuilder<unknown>] => [n, derive(scope)]),
  );
}

/**
 * The rules whose rows a settlement reads or writes: those it names (in its text or its
 * parameters), else its set's. An event that re-derived none of them would find them as the last
 * settlement left them (a visit re-derives the looked-after visit clocks, not the review clocks
 * an IRO's contact settles from), so it skips the statement.
 */
function rulesSettled(trx: Kysely<Database>, settle: Settlement, set: ObligationRuleSet, scope: Scope): readonly string[] {
  let ids = settledBy.get(settle);
  if (!ids) {
    const named = rulesNamed(settle(scope).compile(trx), engineRuleIds());
    ids = named.length > 0 ? named : set.rules.map((r) => r.id);
    settledBy.set(settle, ids);
  }
  return ids;
}

function registeredRules(): readonly ObligationRule[] {
  if (ruleSets.length === 0) throw new Error('No deadline rules are registered: import areas/obligation-rules.ts at start-up');
  return ruleSets.flatMap((s) => s.rules);
}

/** The ids of the rules the engine derives (the areas' registered rules). */
export function engineRuleIds(): readonly string[] {
  return registeredRules().map((r) => r.id);
}

/**
 * Rebuilds the obligations of a council, or of some of its children. Pass the transaction of
 * the event that touched them, so the record and its deadlines commit together.
 */
export async function refreshObligations(db: Kysely<Database>, laCode: string, options: RefreshOptions = {}): Promise<Refreshed> {
  // The database sees this council only, whoever asks (the command line works for all councils).
  const result = await forCouncil(db, laCode, () => refreshFor(db, laCode, options));
  if (CHANNELS.deadlineRefresh.hasSubscribers)
    CHANNELS.deadlineRefresh.publish({ seconds: result.seconds, children: options.childIds?.length ?? 'all' } satisfies DeadlineRefresh);
  return result;
}

/**
 * A refresh of a council or of some of its children. `settled: 'keep'` (a setting changed, the
 * nightly job) leaves settled history as it stands: a child whose every deadline is met or ended
 * (their cases closed) is not re-derived, so a new timescale does not rewrite their past due
 * dates and the rebuild reads and writes only the children with something open. An event on a
 * settled child re-derives that child (the event names them); an import or `--rebuild` re-derives
 * everyone ('rederive', the default).
 */
export type RefreshOptions = {
  childIds?: string[];
  settled?: 'keep' | 'rederive';
  /** With childIds: 'changed' re-derives only the rules that read a table this transaction changed (an event's refresh). */
  rules?: 'all' | 'changed';
  timing?: (step: string, ms: number) => void;
  /**
   * For a council's rebuild in a transaction the caller opened: the store's database, whose pool
   * may lend a second connection to derive beside it on a PostgreSQL server (obligations-alongside.ts).
   * Without a transaction given, the refresh's own database lends it.
   */
  alongside?: Kysely<Database>;
};

/** The children a council's refresh that keeps settled history re-derives: those with a deadline open, or with none yet. */
const UNSETTLED = sql.raw('obligation_unsettled');

/** Stands for an event's children in its compiled statements (see runCompiled). */
const CHILDREN: string[] = [];

/** What a refresh wrote, how long it took, and how many rules it derived. */
export type Refreshed = { obligations: number; seconds: number; rules: number };

async function refreshFor(db: Kysely<Database>, laCode: string, options: RefreshOptions): Promise<Refreshed> {
  const began = performance.now();
  const rules = registeredRules();
  const settings = await councilTimescaleSettings(db, laCode);
  const childIds = options.childIds;
  if (childIds && childIds.length === 0) return { obligations: 0, seconds: 0, rules: 0 };
  let derived = rules.length;
  let rederived: ReadonlySet<string> = new Set(rules.map((r) => r.id));
  const keepSettled = !childIds && options.settled === 'keep';
  const scope: Scope = (alias) =>
    childIds
      ? sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.child_id`)} = any(${CHILDREN}::uuid[])`
      : keepSettled
        ? sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.child_id`)} in (select u.child_id from ${UNSETTLED} u)`
        : sql`${sql.ref(`${alias}.la_code`)} = ${laCode}`;

  const council: Scope = (alias) => sql`${sql.ref(`${alias}.la_code`)} = ${laCode}`;
  // One rule's rows with their due dates and who must act, over the children `scope` names.
  const ruleRows = (rule: ObligationRule, scope: Scope) => {
    const recorded = rule.recordedDue?.(laCode, settings);
    if (recorded) {
      return sql`
      select d.child_id, ${rule.id}::text as rule_id, d.source_id, d.episode_id, d.start_date, ${recorded.due} as due_date, null::timestamptz as due_at, d.met_on, d.ended_on, d.end_reason, ${recorded.who}
      from (${rule.derive(scope)}) as d (child_id, source_id, episode_id, start_date, met_on, ended_on, end_reason)
      ${recorded.joins}`;
    }
    const due = rule.due?.(settings, laCode) ?? dueOf(effectiveDue(ruleById(rule.id), settings));
    const who = responsibleOf(rule.id, laCode);
    const dueDate = rule.rowDue ? sql`coalesce(d.due_override, ${due.expr})` : due.expr;
    return sql`
      select d.child_id, ${rule.id}::text as rule_id, d.source_id, d.episode_id, ${due.start ?? sql`d.start_date`}::date as start_date, ${dueDate} as due_date, ${due.at ?? sql`null::timestamptz`} as due_at, d.met_on, d.ended_on, d.end_reason, ${who.columns}
      from (${rule.derive(scope)}) as d (child_id, source_id, episode_id, start_date, met_on, ended_on, end_reason)
      ${due.joins}
      ${who.joins}`;
  };
  // Every rule's rows (or those given) in one statement, over the children `scope` names.
  const derivedBy = (trx: Kysely<Database>, scope: Scope, some: readonly ObligationRule[]) => {
    const ctes = [...holdersOf(scope), ...sharedOf(trx, some, scope)].map(([name, body]) => sql`${sql.raw(name)} as materialized (${body})`);
    return sql`with ${sql.join(ctes)} select ${laCode}, r.* from (${sql.join(
      some.map((rule) => ruleRows(rule, scope)),
      sql` union all `,
    )}) as r`;
  };
  const ruleIds = rules.map((r) => r.id);
  // A council's rebuild's second connection, ended however the rebuild ends (obligations-alongside.ts).
  let alongside: Alongside | undefined;
  const run = async (trx: Kysely<Database>) => {
    let t = performance.now();
    let count: number;
    let deriveScope = scope;
    // Taken before anything is written, so the second connection reads what this transaction does.
    const lender = childIds ? undefined : (options.alongside ?? (db.isTransaction ? undefined : db));
    alongside = lender ? ((await openAlongside(trx, lender, laCode)) ?? undefined) : undefined;
    if (keepSettled) {
      // The children with a deadline open, and the people with none yet: one pass over the council's
      // deadlines, grouped by child and joined to its people. A lookup of each person's deadlines and
      // a walk of the open ones took 1.6-1.9 s at 50,000 children (the index's pages and the rows'
      // visibility read one by one); made by a select, the pass may use both processors.
      await sql`
        create temporary table ${UNSETTLED} on commit drop as
        select coalesce(s.child_id, p.person_id) as child_id
        from (
          select o.child_id, bool_or(o.met_on is null and o.ended_on is null) as open
          from obligation o where o.la_code = ${laCode} group by o.child_id
        ) s
        full join (select p.person_id from person p where p.la_code = ${laCode}) p on p.person_id = s.child_id
        where s.open or s.child_id is null`.execute(trx);
      await sql`alter table ${UNSETTLED} add primary key (child_id)`.execute(trx);
      await sql`analyze ${UNSETTLED}`.execute(trx);
      // Reading only the unsettled children's records pays while they are the fewer; when most
      // children have something open, reading the council's records whole is cheaper than a
      // semi-join in every rule, and only the unsettled children's rows are written either way.
      const n = await sql<{ unsettled: number; people: number }>`
        select (select count(*) from ${UNSETTLED})::int as unsettled, (select count(*) from person where la_code = ${laCode})::int as people`.execute(trx);
      const counts = n.rows[0] ?? { unsettled: 0, people: 0 };
      if (counts.unsettled * 2 > counts.people) deriveScope = council;
      else {
        // The unsettled children are in a temporary table the second connection cannot see.
        await alongside?.end();
        alongside = undefined;
      }
      options.timing?.('unsettled', performance.now() - t);
      t = performance.now();
    }
    // An event's statements are compiled once per council and settings (runCompiled), its children set apart.
    const key = `${laCode}\n${JSON.stringify(settings)}`;
    if (childIds) {
      // An event re-derives the rules that read what it changed (obligation-reads.ts); a refresh asked for by name, all of them.
      // Either way its statements read its children from a setting (obligations-write.ts), set in the same round trip.
      let some = rules;
      // A rule's whole statement, the shared rows it reads with it (so their tables count as its own).
      const statementOf = (rule: ObligationRule) => {
        const ctes = sharedOf(trx, [rule], council).map(([name, body]) => sql`${sql.raw(name)} as (${body})`);
        return ctes.length ? sql`with ${sql.join(ctes)} ${ruleRows(rule, council)}` : ruleRows(rule, council);
      };
      if (options.rules === 'changed') some = await rulesReadingChanges(trx, rules, statementOf, eventChildren(childIds));
      else await sql`select ${eventChildren(childIds)}`.execute(trx);
      derived = some.length;
      rederived = new Set(some.map((r) => r.id));
      if (some.length === 0) return 0;
      const ids = some.map((r) => r.id);
      const subsetKey = some.length === rules.length ? key : `${key}\n${ids.join(',')}`;
      count = await refreshChildren(trx, subsetKey, CHILDREN, scope, ids, () => derivedBy(trx, scope, some), options.timing);
    } else {
      const byId = new Map(rules.map((r) => [r.id, r]));
      count = await rebuildCouncil(trx, {
        laCode,
        write: scope,
        derive: deriveScope,
        ruleIds,
        rowsOf: (id, some) => ruleRows(byId.get(id) as ObligationRule, some ?? deriveScope),
        tables: holdersOf(deriveScope),
        shared: sharedOf(trx, rules, deriveScope).map(([name, body]) => ({
          name,
          body,
          rules: rules.filter((r) => sharedRead(trx, r, deriveScope).includes(name)).map((r) => r.id),
        })),
        // In the order the areas registered them (a settlement may read another's due dates).
        settles: ruleSets.flatMap((set) => set.settle ?? []),
        settled: new Set(ruleSets.flatMap((set) => (set.settle ?? []).flatMap((settle) => rulesSettled(trx, settle, set, scope)))),
        timing: options.timing,
        alongside,
      });
      if (keepSettled) await sql`drop table ${UNSETTLED}`.execute(trx);
      return count;
    }
    t = performance.now();
    // In the order the areas registered them (a settlement may read another's due dates). A rule
    // set's settlement reads its own rules' rows: after an event that re-derived none of them, it
    // would find them as it left them.
    const settles = ruleSets.flatMap((set) => (set.settle ?? []).map((settle) => ({ settle, set })));
    for (const [i, { settle, set }] of settles.entries()) {
      if (!rulesSettled(trx, settle, set, scope).some((id) => rederived.has(id))) continue;
      await runCompiled(trx, `${key}\nsettle ${i}`, CHILDREN, () => sql`${sql.raw(PREPARED)}${settle(scope)}`);
    }
    options.timing?.('settle', performance.now() - t);
    return count;
  };
  const guarded = (trx: Kysely<Database>) => run(trx).finally(() => alongside?.end());
  const obligations = db.isTransaction ? await guarded(db) : await db.transaction().execute(guarded);
  return { obligations, seconds: (performance.now() - began) / 1000, rules: derived };
}

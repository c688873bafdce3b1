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
import { eventChildren, forgetCompiled, OBLIGATION_COLUMNS, rebuildInPlace, refreshChildren, runCompiled } from './obligations-write.ts';
import { type DueRule, effectiveDue, ruleById, type TimescaleSettings } from '@lantern/core/timescales';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { councilTimescaleSettings } from './settings.ts';

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

/** An area's rules, and what settles once every rule's rows are in (a due date taken from another rule's row). */
export type ObligationRuleSet = { area: string; rules: readonly ObligationRule[]; settle?: readonly Derivation[] };

/**
 * An area's rules as data: each rule's id with its derivation (or the derivation and its options),
 * in the order given.
 */
export function obligationRules(
  area: string,
  rules: Record<string, Derivation | Omit<ObligationRule, 'id'>>,
  settle?: readonly Derivation[],
): ObligationRuleSet {
  return {
    area,
    rules: Object.entries(rules).map(([id, rule]) => (typeof rule === 'function' ? { id, derive: rule } : { id, ...rule })),
    ...(settle ? { settle } : {}),
  };
}

/**
 * A derivation's met, ended and reason columns for a deadline that a record meets and an end
 * cancels: while unmet, it ends (unmet) when `end` has happened, for `reason`.
 */
export function metOrEnded(met: RawBuilder<unknown>, end: RawBuilder<unknown>, reason: string | RawBuilder<unknown>) {
  const why = typeof reason === 'string' ? sql.lit(reason) : reason;
  return sql`${met}, case when ${met} is null then ${end} end, case when ${met} is null and ${end} is not null then ${why} end`;
}

let ruleSets: readonly ObligationRuleSet[] = [];

/** Hands the areas' rules to the engine (areas/obligation-rules.ts does, at start-up). */
export function registerObligationRules(sets: readonly ObligationRuleSet[]): void {
  const ids = sets.flatMap((s) => s.rules.map((r) => r.id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`The deadline rule ${twice} is derived by two areas`);
  for (const id of ids) ruleById(id); // every rule is one of core's
  ruleSets = sets;
  forgetCompiled();
  forgetReads();
  settledBy.clear();
}

const settledBy = new Map<Derivation, readonly string[]>();

/**
 * The rules whose rows a settlement reads or writes: those it names (in its text or its
 * parameters), else its set's. An event that re-derived none of them would find them as the last
 * settlement left them (a visit re-derives the looked-after visit clocks, not the review clocks
 * an IRO's contact settles from), so it skips the statement.
 */
function rulesSettled(trx: Kysely<Database>, settle: Derivation, set: ObligationRuleSet, scope: Scope): readonly string[] {
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
 * How the insert computes a due date from `d.start_date`: calendar arithmetic in place, and for
 * working days a join to calendar_day (set-based, so a whole council costs one hash join).
 */
export function dueOf(due: DueRule): DueSql {
  const none = sql``;
  switch (due.unit) {
    case 'hours':
      // `d.start_date` is an instant; the day it falls on and the due day are England's.
      return {
        start: sql`((d.start_date at time zone 'Europe/London')::date)`,
        expr: sql`(((d.start_date + make_interval(hours => ${sql.lit(due.n)})) at time zone 'Europe/London')::date)`,
        at: sql`(d.start_date + make_interval(hours => ${sql.lit(due.n)}))`,
        joins: none,
      };
    case 'by-event':
      // Settled from the event's own deadline once every rule's rows are in (a rule set's `settle`).
      return { expr: sql`d.start_date`, joins: none };
    case 'working-days': {
      // A weekend or holiday carries the number of the working day before it, so counting n ≤ 0
      // from one needs one more (see calendarDays in core).
      const extra = due.n > 0 ? sql.lit(0) : sql`(case when c1.is_working_day then 0 else 1 end)`;
      return {
        expr: sql`c2.day`,
        joins: sql`join calendar_day c1 on c1.day = d.start_date join calendar_day c2 on c2.is_working_day and c2.working_day_number = c1.working_day_number + ${sql.lit(due.n)} + ${extra}`,
      };
    }
    case 'days':
      return { expr: sql`(d.start_date + ${sql.lit(due.n)})`, joins: none };
    case 'weeks':
      return { expr: sql`(d.start_date + ${sql.lit(due.n * 7)})`, joins: none };
    case 'months':
      // Postgres clamps to the month's last day (31 August + 6 months = 28 or 29 February).
      return { expr: sql`((d.start_date + make_interval(months => ${sql.lit(due.n)}))::date)`, joins: none };
    default:
      throw new Error(`The engine cannot count a due rule of unit ${(due as DueRule).unit} in SQL`);
  }
}

/**
 * The child had been born by the visit. Before birth a visit cannot see the child, so a visit to
 * an expectant parent counts; after birth only a visit in which the child was seen does. A plan's
 * window ends the day before its end date, so a visit on the day one plan ends and the next
 * starts belongs to the new plan only.
 */
export const bornBy = (visit: string) =>
  sql`select 1 from person b where b.la_code = ${sql.ref(`${visit}.la_code`)} and b.person_id = ${sql.ref(`${visit}.child_id`)} and b.date_of_birth is not null and b.date_of_birth <= ${sql.ref(`${visit}.visited_on`)}`;

/**
 * A deadline that recurs through a plan (a child in need plan, a child protection plan): counted
 * from the plan's start, then from each occasion (a visit, a review) within the plan, each met by
 * the next occasion; unmet when the plan ends.
 */
export function throughPlan(
  scope: Scope,
  table: 'cp_plan' | 'cin_plan',
  key: 'plan_id' | 'cin_plan_id',
  occasion: { join: RawBuilder<unknown>; id: RawBuilder<unknown>; on: RawBuilder<unknown> },
) {
  const plan = sql.table(table);
  const planKey = sql.ref(`p.${key}`);
  return sql`
    select o.child_id, o.source_id, o.episode_id, o.on_date,
      ${metOrEnded(sql`o.next_on`, sql`o.end_date`, 'Plan ended')}
    from (
      select x.*, lead(on_date) over (partition by la_code, plan_key order by on_date, is_occasion, source_id) as next_on
      from (
        select p.la_code, ${planKey} as plan_key, p.child_id, p.episode_id, p.end_date, ${planKey} as source_id, p.start_date as on_date, 0 as is_occasion
        from ${plan} p where ${scope('p')}
        union all
        select p.la_code, ${planKey}, p.child_id, p.episode_id, p.end_date, ${occasion.id}, ${occasion.on}, 1
        from ${plan} p ${occasion.join}
          and ${occasion.on} >= p.start_date and (p.end_date is null or ${occasion.on} < p.end_date)
        where ${scope('p')}
      ) x
    ) o`;
}

/**
 * Who must act, joined in as each rule's rows are inserted: the child's allocated social worker
 * and their team (or, for an unallocated child, the team that last held the case); for rules a
 * manager owns, that team's manager; for contacts, the front door team and its manager.
 */
function responsibleOf(rule: string, laCode: string) {
  // Core gives each rule to a role: the front door, the child's IRO, the personal adviser, a team manager, or the social worker.
  const responsible = ruleById(rule).responsible;
  if (responsible === 'front-door') {
    return {
      columns: sql`fd.manager_worker_id, fd.team_id`,
      joins: sql`left join (select team_id, manager_worker_id from team where la_code = ${laCode} and service = 'Front door' order by name limit 1) fd on true`,
    };
  }
  // The holders are worked out once per refresh (materialised in the insert), not once per rule's row.
  const holder = sql`left join case_holder r on r.child_id = d.child_id`;
  if (responsible === 'iro') {
    // The child's IRO (an allocation of role 'iro'); without one, the social worker's team sees it.
    return {
      columns: sql`iro.worker_id, coalesce(iro.team_id, r.team_id)`,
      joins: sql`${holder} left join case_iro iro on iro.child_id = d.child_id`,
    };
  }
  if (responsible === 'personal-adviser') {
    // The young person's personal adviser; until one is allocated, the social worker holding the case.
    return {
      columns: sql`coalesce(pa.worker_id, r.worker_id), coalesce(pa.team_id, r.team_id)`,
      joins: sql`${holder} left join case_adviser pa on pa.child_id = d.child_id`,
    };
  }
  if (responsible === 'team-manager') {
    return { columns: sql`t.manager_worker_id, r.team_id`, joins: sql`${holder} left join team t on t.la_code = ${laCode} and t.team_id = r.team_id` };
  }
  return { columns: sql`r.worker_id, r.team_id`, joins: holder };
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
  const derivedBy = (scope: Scope, some: readonly ObligationRule[] = rules) => {
    const perRule = some.map((rule) => ruleRows(rule, scope));
    const holders = sql`
      with case_holder as materialized (
        -- The allocated social worker and their team; with none, the team the case was routed or
        -- transferred to (case_team) unless a later allocation ended after it, else the last holder's team.
        select distinct on (h.child_id) h.child_id, h.worker_id, h.team_id
        from (
          select a.child_id, case when a.end_date is null then a.worker_id end as worker_id, w.team_id, a.end_date is null as is_open, a.end_date as since, 0 as routed
          from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
          where ${scope('a')} and a.allocation_role = 'social-worker'
          union all
          select ct.child_id, null, ct.team_id, false, ct.routed_on, 1 from case_team ct where ${scope('ct')} and ct.ended_on is null
        ) h
        order by h.child_id, h.is_open desc, h.since desc nulls last, h.routed desc
      ), case_iro as materialized (
        select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'iro' and a.end_date is null
      ), case_adviser as materialized (
        select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'personal-adviser' and a.end_date is null
      )
      select ${laCode}, r.* from (${sql.join(perRule, sql` union all `)}) as r`;
    return holders;
  };
  const ruleIds = rules.map((r) => r.id);
  const run = async (trx: Kysely<Database>) => {
    let t = performance.now();
    let count: number;
    let deriveScope = scope;
    if (keepSettled) {
      await sql`create temporary table ${UNSETTLED} (child_id uuid primary key) on commit drop`.execute(trx);
      await sql`
        insert into ${UNSETTLED}
        select distinct o.child_id from obligation o where o.la_code = ${laCode} and o.met_on is null and o.ended_on is null
        union
        select p.person_id from person p
        where p.la_code = ${laCode} and not exists (select 1 from obligation o where o.la_code = p.la_code and o.child_id = p.person_id)`.execute(trx);
      await sql`analyze ${UNSETTLED}`.execute(trx);
      // Reading only the unsettled children's records pays while they are the fewer; when most
      // children have something open, reading the council's records whole is cheaper than a
      // semi-join in every rule, and only the unsettled children's rows are written either way.
      const n = await sql<{ unsettled: number; people: number }>`
        select (select count(*) from ${UNSETTLED})::int as unsettled, (select count(*) from person where la_code = ${laCode})::int as people`.execute(trx);
      const counts = n.rows[0] ?? { unsettled: 0, people: 0 };
      if (counts.unsettled * 2 > counts.people) deriveScope = council;
      options.timing?.('unsettled', performance.now() - t);
      t = performance.now();
    }
    // An event's statements are compiled once per council and settings (runCompiled), its children set apart.
    const holders = childIds ? sql`` : derivedBy(deriveScope);
    const key = `${laCode}\n${JSON.stringify(settings)}`;
    const kept = keepSettled || (!childIds && (await sql`select 1 from obligation o where ${scope('o')} limit 1`.execute(trx)).rows.length > 0);
    if (childIds) {
      // An event re-derives the rules that read what it changed (obligation-reads.ts); a refresh asked for by name, all of them.
      // Either way its statements read its children from a setting (obligations-write.ts), set in the same round trip.
      let some = rules;
      if (options.rules === 'changed') some = await rulesReadingChanges(trx, rules, (rule) => ruleRows(rule, council), eventChildren(childIds));
      else await sql`select ${eventChildren(childIds)}`.execute(trx);
      derived = some.length;
      rederived = new Set(some.map((r) => r.id));
      if (some.length === 0) return 0;
      const ids = some.map((r) => r.id);
      const subsetKey = some.length === rules.length ? key : `${key}\n${ids.join(',')}`;
      count = await refreshChildren(trx, subsetKey, CHILDREN, scope, ids, () => derivedBy(scope, some), options.timing);
    } else if (kept) {
      count = await rebuildInPlace(trx, scope, ruleIds, holders, options.timing);
    } else {
      await sql`delete from obligation o where ${scope('o')} and o.rule_id = any(${ruleIds}::text[])`.execute(trx);
      options.timing?.('delete', performance.now() - t);
      t = performance.now();
      const result = await sql`insert into obligation (${OBLIGATION_COLUMNS}) ${holders}`.execute(trx);
      options.timing?.('insert', performance.now() - t);
      count = Number(result.numAffectedRows ?? 0);
    }
    t = performance.now();
    // In the order the areas registered them (a settlement may read another's due dates). A rule
    // set's settlement reads its own rules' rows: after an event that re-derived none of them, it
    // would find them as it left them.
    const settles = ruleSets.flatMap((set) => (set.settle ?? []).map((settle) => ({ settle, set })));
    for (const [i, { settle, set }] of settles.entries()) {
      if (childIds && !rulesSettled(trx, settle, set, scope).some((id) => rederived.has(id))) continue;
      if (childIds) await runCompiled(trx, `${key}\nsettle ${i}`, CHILDREN, () => sql`${sql.raw(PREPARED)}${settle(scope)}`);
      else await settle(scope).execute(trx);
    }
    options.timing?.('settle', performance.now() - t);
    if (keepSettled) await sql`drop table ${UNSETTLED}`.execute(trx);
    return count;
  };
  const obligations = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return { obligations, seconds: (performance.now() - began) / 1000, rules: derived };
}

/**
 * Indicators computed from the live record: for any as-of date and period, for the council, a
 * service, a team or a worker; the children behind each number for those who may see them, and
 * aggregates with small counts suppressed for those who may not.
 */
import { type IndicatorDefinition, INDICATORS, indicatorById, indicatorValue, monthEnds, periodEnding, suppressSmall } from '@lantern/core/indicators';
import { addDays } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { forbidden, invalid, notFound } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { INDICATOR_SQL, type Window } from './indicators.ts';

export type ScopeKind = 'council' | 'service' | 'team' | 'worker';
export type KpiScope = { kind: ScopeKind; id: string };
export const COUNCIL: KpiScope = { kind: 'council', id: '' };

export type IndicatorResult = {
  id: string;
  title: string;
  area: IndicatorDefinition['area'];
  unit: IndicatorDefinition['unit'];
  measure: IndicatorDefinition['measure'];
  asOf: string;
  period: { from: string; to: string } | null;
  scope: KpiScope;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  per10k: number | null;
  medianDays: number | null;
  maxDays: number | null;
  suppressed: boolean;
  frozen: boolean;
  higherIsBetter: boolean | null;
  england: IndicatorDefinition['england'];
};

export const POPULATION_SETTING = 'population-0-17';

/** The council's population aged 0–17, the denominator of every rate per 10,000 (a council setting). */
export async function councilPopulation(db: Kysely<Database>, laCode: string): Promise<number | null> {
  const row = await db.selectFrom('council_setting').select('value').where('la_code', '=', laCode).where('key', '=', POPULATION_SETTING).executeTakeFirst();
  if (!row) return null;
  const v = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
  return typeof v === 'number' && v > 0 ? v : null;
}

function windowFor(def: IndicatorDefinition, laCode: string, asOf: string, months: number): Window {
  // Snapshots look back 12 months (3 placements, 3 workers) whatever period is asked for.
  const p = periodEnding(asOf, def.measure === 'snapshot' ? 12 : months);
  return { laCode, from: p.from, to: p.to };
}

/**
 * Each unit of an indicator with whom it belongs to: its own worker and team where the unit names
 * them, otherwise the child's social worker on the unit's day (the last allocation started on or
 * before it: the one covering it, or the last to end before it; else the next to start) and that
 * worker's team. Two index lookups per unit, each the first row of allocation_child.
 */
function attributed(def: IndicatorDefinition, w: Window, toWhom = true): RawBuilder<unknown> {
  const q = INDICATOR_SQL[def.id];
  if (!q) throw new Error(`Indicator ${def.id} has no SQL in areas/performance/indicators.ts`);
  // The council's own figure needs nobody's allocation: looking each row's worker up cost half a
  // second an indicator on a 50,000-child council.
  if (!toWhom)
    return sql`
    select u.child_id, u.on_date, u.num::numeric as num, u.den::numeric as den, u.days::numeric as days, u.worker_id, u.team_id, null::text as service
    from (${q.sql(w)}) as u (child_id, worker_id, team_id, on_date, num, den, days)`;
  const byAllocation = q.attribution === 'allocation';
  return sql`
    select u.child_id, u.on_date, u.num::numeric as num, u.den::numeric as den, u.days::numeric as days,
      coalesce(u.worker_id, al.worker_id) as worker_id, coalesce(u.team_id, wk.team_id) as team_id, t.service
    from (${q.sql(w)}) as u (child_id, worker_id, team_id, on_date, num, den, days)
    left join lateral (
      select coalesce(
        (select a.worker_id from allocation a
          where a.la_code = ${w.laCode} and a.child_id = u.child_id and a.allocation_role = 'social-worker' and a.start_date <= u.on_date
          order by a.start_date desc limit 1),
        (select a.worker_id from allocation a
          where a.la_code = ${w.laCode} and a.child_id = u.child_id and a.allocation_role = 'social-worker' and a.start_date > u.on_date
          order by a.start_date limit 1)) as worker_id
      where ${byAllocation ? sql`true` : sql`false`}
    ) al on true
    left join worker wk on wk.la_code = ${w.laCode} and wk.worker_id = coalesce(u.worker_id, al.worker_id)
    left join team t on t.la_code = ${w.laCode} and t.team_id = coalesce(u.team_id, wk.team_id)`;
}

function scopeWhere(scope: KpiScope): RawBuilder<unknown> {
  switch (scope.kind) {
    case 'council':
      return sql`true`;
    case 'service':
      return sql`x.service = ${scope.id}`;
    case 'team':
      return sql`x.team_id::text = ${scope.id}`;
    case 'worker':
      return sql`x.worker_id::text = ${scope.id}`;
  }
}

type Aggregate = { group_id: string | null; numerator: number; denominator: number; units: number; median_days: number | null; max_days: number | null };

async function aggregate(db: Kysely<Database>, def: IndicatorDefinition, w: Window, scope: KpiScope, groupBy?: 'team' | 'service'): Promise<Aggregate[]> {
  const group = groupBy === 'team' ? sql`x.team_id::text` : groupBy === 'service' ? sql`x.service` : sql`null::text`;
  const rows = await sql<Aggregate>`
    select ${group} as group_id, coalesce(sum(x.num), 0) as numerator, coalesce(sum(x.den), 0) as denominator, count(*) as units,
      percentile_cont(0.5) within group (order by x.days) as median_days, max(x.days) as max_days
    from (${attributed(def, w, scope.kind !== 'council' || groupBy !== undefined)}) x
    where ${scopeWhere(scope)}
    group by 1`.execute(db);
  return rows.rows.map((r) => ({
    group_id: r.group_id,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    units: Number(r.units),
    median_days: r.median_days === null ? null : Number(r.median_days),
    max_days: r.max_days === null ? null : Number(r.max_days),
  }));
}

function resultOf(
  def: IndicatorDefinition,
  w: Window,
  scope: KpiScope,
  agg: Aggregate | undefined,
  population: number | null,
  aggregatesOnly: boolean,
): IndicatorResult {
  const numerator = agg?.numerator ?? 0;
  const denominator = def.denominator === null ? null : def.unit === 'per-10k' ? population : (agg?.denominator ?? 0);
  const atCouncil = scope.kind === 'council';
  // A rate per 10,000 is of the council's children; a team's share of it would mislead.
  const value =
    def.unit === 'per-10k' && !atCouncil ? null : indicatorValue(def.unit, { numerator, denominator, medianDays: agg?.median_days ?? null }, population);
  const counts = aggregatesOnly ? suppressSmall(def, { numerator, denominator, value }) : { numerator, denominator, value, suppressed: false };
  const per10k = def.alsoPer10k && atCouncil && population && counts.numerator !== null ? Math.round((counts.numerator * 100000) / population) / 10 : null;
  return {
    id: def.id,
    title: def.title,
    area: def.area,
    unit: def.unit,
    measure: def.measure,
    asOf: w.to,
    period: def.measure === 'period' ? { from: w.from, to: w.to } : null,
    scope,
    numerator: counts.numerator,
    denominator: counts.denominator,
    value: counts.value,
    per10k,
    medianDays: counts.suppressed ? null : (agg?.median_days ?? null),
    maxDays: counts.suppressed ? null : (agg?.max_days ?? null),
    suppressed: counts.suppressed,
    frozen: false,
    higherIsBetter: def.higherIsBetter,
    england: def.england,
  };
}

/** Who may see what: the scopes a user may ask about, and whether they see children or aggregates only. */
export async function checkScope(db: Kysely<Database>, user: CurrentUser, scope: KpiScope): Promise<{ aggregatesOnly: boolean }> {
  const granted = scopeFor(user.role, 'performance:read');
  if (!granted) throw forbidden();
  if (granted === 'team') {
    if (scope.kind === 'team' && scope.id === user.teamId) return { aggregatesOnly: !scopeFor(user.role, 'child:read') };
    if (scope.kind === 'worker' && user.teamId) {
      const w = await db.selectFrom('worker').select('team_id').where('la_code', '=', user.laCode).where('worker_id', '=', scope.id).executeTakeFirst();
      if (w?.team_id === user.teamId) return { aggregatesOnly: !scopeFor(user.role, 'child:read') };
    }
    throw forbidden('You may see the figures of your own team and its workers');
  }
  if (granted !== 'council') throw forbidden();
  return { aggregatesOnly: !scopeFor(user.role, 'child:read') };
}

export function parseScope(kind: ScopeKind | undefined, id: string | undefined, user: CurrentUser): KpiScope {
  const k = kind ?? (scopeFor(user.role, 'performance:read') === 'team' ? 'team' : 'council');
  if (k === 'council') return COUNCIL;
  const sid = id ?? (k === 'team' ? user.teamId : k === 'worker' ? user.workerId : null);
  if (!sid) throw invalid([{ field: 'scopeId', rule: 'required', message: `Say which ${k}` }]);
  return { kind: k, id: sid };
}

function definition(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw notFound('indicator');
  return def;
}

async function frozenValue(db: Kysely<Database>, laCode: string, def: IndicatorDefinition, asOf: string, months: number, scope: KpiScope) {
  return db
    .selectFrom('indicator_snapshot')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('indicator_id', '=', def.id)
    .where('period_end', '=', asOf)
    .where('period_months', '=', def.measure === 'snapshot' ? 0 : months)
    .where('scope_kind', '=', scope.kind)
    .where('scope_id', '=', scope.id)
    .executeTakeFirst();
}

/** One indicator for a scope, as of a date; a frozen value where the month was frozen. */
export async function computeIndicator(
  db: Kysely<Database>,
  laCode: string,
  id: string,
  options: { asOf: string; months?: number; scope?: KpiScope; aggregatesOnly?: boolean; population?: number | null; live?: boolean },
): Promise<IndicatorResult> {
  const def = definition(id);
  const months = options.months ?? 12;
  const scope = options.scope ?? COUNCIL;
  const w = windowFor(def, laCode, options.asOf, months);
  const population = options.population === undefined ? await councilPopulation(db, laCode) : options.population;
  if (!options.live) {
    const frozen = await frozenValue(db, laCode, def, options.asOf, months, scope);
    if (frozen) {
      const agg: Aggregate = {
        group_id: null,
        numerator: Number(frozen.numerator ?? 0),
        denominator: Number(frozen.denominator ?? 0),
        units: 0,
        median_days: null,
        max_days: null,
      };
      const r = resultOf(def, w, scope, agg, population, options.aggregatesOnly ?? false);
      return { ...r, value: r.suppressed ? null : frozen.value === null ? null : Number(frozen.value), frozen: true };
    }
  }
  const [agg] = await aggregate(db, def, w, scope);
  return resultOf(def, w, scope, agg, population, options.aggregatesOnly ?? false);
}

/** How many indicators are counted at once (the PostgreSQL pool holds ten connections). */
const CONCURRENT_INDICATORS = 4;

/** Every indicator for a scope, as of a date. */
export async function computeAll(
  db: Kysely<Database>,
  laCode: string,
  options: { asOf: string; months?: number; scope?: KpiScope; aggregatesOnly?: boolean; live?: boolean },
): Promise<IndicatorResult[]> {
  const population = await councilPopulation(db, laCode);
  // A few at a time: on PostgreSQL each runs on its own pooled connection (and core); the
  // embedded store takes them in turn on its one connection, as it would one by one.
  const out: IndicatorResult[] = new Array(INDICATORS.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < INDICATORS.length; i = next++)
      out[i] = await computeIndicator(db, laCode, (INDICATORS[i] as (typeof INDICATORS)[number]).id, { ...options, population });
  };
  await Promise.all(Array.from({ length: CONCURRENT_INDICATORS }, worker));
  return out;
}

/** An indicator for each team (or service), for comparing them side by side. */
export async function compareTeams(db: Kysely<Database>, actor: Actor, id: string, q: { asOf: string; months?: number; by?: 'team' | 'service' }) {
  const { aggregatesOnly } = await checkScope(db, actor.user, COUNCIL);
  const def = definition(id);
  const w = windowFor(def, actor.user.laCode, q.asOf, q.months ?? 12);
  const population = await councilPopulation(db, actor.user.laCode);
  const by = q.by ?? 'team';
  const rows = await aggregate(db, def, w, COUNCIL, by);
  const names =
    by === 'team'
      ? new Map((await db.selectFrom('team').select(['team_id', 'name']).where('la_code', '=', actor.user.laCode).execute()).map((t) => [t.team_id, t.name]))
      : null;
  return rows
    .map((r) => {
      const scope: KpiScope = r.group_id === null ? { kind: 'council', id: '' } : { kind: by, id: r.group_id };
      const result = resultOf(def, w, scope.kind === 'council' ? { kind: by, id: '' } : scope, r, population, aggregatesOnly);
      return { groupId: r.group_id, name: r.group_id === null ? 'No allocated worker' : (names?.get(r.group_id) ?? r.group_id), ...result };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The monthly trend over complete months: each month's figure (the month alone for period
 * indicators, its last day for snapshots), up to the last month ended by the as-of date.
 */
export async function trend(db: Kysely<Database>, laCode: string, id: string, q: { asOf: string; months: number; scope: KpiScope; aggregatesOnly: boolean }) {
  const def = definition(id);
  const population = await councilPopulation(db, laCode);
  const points: IndicatorResult[] = [];
  const lastComplete = addDays(q.asOf, 1).slice(8) === '01' ? q.asOf : addDays(`${q.asOf.slice(0, 8)}01`, -1);
  for (const end of monthEnds(lastComplete, q.months)) {
    points.push(await computeIndicator(db, laCode, id, { asOf: end, months: 1, scope: q.scope, aggregatesOnly: q.aggregatesOnly, population }));
  }
  return { id: def.id, title: def.title, unit: def.unit, points };
}

export type ChildBehind = {
  childId: string;
  laChildId: string;
  name: string;
  onDate: string;
  inNumerator: boolean;
  days: number | null;
  worker: string | null;
  team: string | null;
};

/**
 * The children behind a number, for those who may read their records: each unit of the
 * denominator (or of the count), marked whether it is in the numerator. Restricted children
 * the user may not see are counted but not named.
 */
export async function childrenBehind(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  q: { asOf: string; months?: number; scope: KpiScope; only?: 'numerator' | 'not-numerator' },
) {
  const user = actor.user;
  const { aggregatesOnly } = await checkScope(db, user, q.scope);
  const readScope = scopeFor(user.role, 'child:read');
  if (aggregatesOnly || !readScope) throw forbidden('Only those with access to children’s records see the children behind a number');
  const def = definition(id);
  const w = windowFor(def, user.laCode, q.asOf, q.months ?? 12);
  const filter = q.only === 'numerator' ? sql`x.num > 0` : q.only === 'not-numerator' ? sql`x.num = 0` : sql`true`;
  const rows = await sql<{ child_id: string | null; on_date: string; num: number; days: number | null; worker_id: string | null; team_id: string | null }>`
    select x.child_id, x.on_date, x.num, x.days, x.worker_id, x.team_id from (${attributed(def, w)}) x
    where ${scopeWhere(q.scope)} and x.child_id is not null and ${filter}
    order by x.on_date, x.child_id`.execute(db);
  const ids = [...new Set(rows.rows.map((r) => r.child_id as string))];
  const visible = ids.length
    ? await db
        .selectFrom('person as p')
        .select(['p.person_id', 'p.la_child_id', 'p.given_name', 'p.family_name'])
        .where('p.person_id', 'in', ids)
        .where(childrenInScope(user, readScope))
        .execute()
    : [];
  const people = new Map(visible.map((p) => [p.person_id, p]));
  const workers = new Map(
    (await db.selectFrom('worker').select(['worker_id', 'given_name', 'family_name']).where('la_code', '=', user.laCode).execute()).map((x) => [
      x.worker_id,
      `${x.given_name} ${x.family_name}`,
    ]),
  );
  const teams = new Map((await db.selectFrom('team').select(['team_id', 'name']).where('la_code', '=', user.laCode).execute()).map((t) => [t.team_id, t.name]));
  const children: ChildBehind[] = [];
  let hidden = 0;
  for (const r of rows.rows) {
    const p = people.get(r.child_id as string);
    if (!p) {
      hidden++;
      continue;
    }
    children.push({
      childId: p.person_id,
      laChildId: p.la_child_id ?? '',
      name: `${p.given_name} ${p.family_name}`,
      onDate: r.on_date,
      inNumerator: Number(r.num) > 0,
      days: r.days === null ? null : Number(r.days),
      worker: r.worker_id ? (workers.get(r.worker_id) ?? null) : null,
      team: r.team_id ? (teams.get(r.team_id) ?? null) : null,
    });
  }
  return { id: def.id, title: def.title, period: def.measure === 'period' ? { from: w.from, to: w.to } : null, asOf: w.to, children, hidden };
}

/**
 * Freezes the figures of a closed month (the month alone, and the 12 months ending on it; for
 * snapshots, the month's last day) for the council and each team. A value once frozen is what
 * the board saw; later corrections or timescale changes count from then on.
 */
export async function freezeMonth(db: Kysely<Database>, actor: Actor, periodEnd: string, today: string) {
  const laCode = actor.user.laCode;
  if (periodEnd >= today) throw invalid([{ field: 'periodEnd', rule: 'closed-period', message: 'Only a period that has ended may be frozen' }]);
  const population = await councilPopulation(db, laCode);
  const teams = await db.selectFrom('team').select('team_id').where('la_code', '=', laCode).execute();
  const rows: Insertable<Database['indicator_snapshot']>[] = [];
  for (const def of INDICATORS) {
    for (const months of def.measure === 'snapshot' ? [0] : [1, 12]) {
      const w = windowFor(def, laCode, periodEnd, months || 12);
      const byTeam = await aggregate(db, def, w, COUNCIL, 'team');
      const [council] = await aggregate(db, def, w, COUNCIL);
      const put = (kind: 'council' | 'team', scopeId: string, agg: Aggregate | undefined) => {
        const r = resultOf(def, w, { kind, id: scopeId }, agg, population, false);
        rows.push({
          la_code: laCode,
          indicator_id: def.id,
          period_end: periodEnd,
          period_months: months,
          scope_kind: kind,
          scope_id: scopeId,
          numerator: r.numerator,
          denominator: r.denominator,
          value: r.value,
          frozen_by: actor.user.userId,
        });
      };
      put('council', '', council);
      for (const t of teams)
        put(
          'team',
          t.team_id,
          byTeam.find((b) => b.group_id === t.team_id),
        );
    }
  }
  // Hundreds of figures frozen at once: one audit row for the month's freeze, not one a figure.
  const inserted = await change(db, actor, async (ledger) => {
    const res = await ledger.db
      .insertInto('indicator_snapshot')
      .values(rows)
      .onConflict((c) => c.doNothing())
      .executeTakeFirst();
    ledger.audit({ action: 'create', recordType: 'indicator-snapshot', recordId: periodEnd, detail: { rows: rows.length } });
    return Number(res.numInsertedOrUpdatedRows ?? 0);
  });
  return { periodEnd, frozen: inserted, alreadyFrozen: rows.length - inserted };
}

/**
 * Benchmarking: published figures for other councils, their regions and England, loaded from a
 * CSV in the shape of the DfE's local-authority tables (one row per area, indicator and year),
 * and the council's statistical neighbours, loaded as a published list (never computed).
 */
import { indicatorById } from '@lantern/core/indicators';
import { parse } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import type { AuditAction } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { type FieldError, invalid, notFound } from '../../kernel/http/problem.ts';
import { batch } from '../../kernel/ledger.ts';
import { computeIndicator } from './service.ts';

export const ENGLAND = 'E92000001';

type Row = Record<string, string>;

/** A published CSV's rows (headers trimmed and lower-cased), refused unless it is readable and has every column named. */
function rows(csv: string, columns: string[]): Row[] {
  let data: Row[];
  try {
    data = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (e) {
    throw invalid([{ field: 'csv', rule: 'csv', message: `Not a readable CSV: ${(e as Error).message}` }]);
  }
  const header = data[0];
  const missing = columns.filter((c) => !header || !(c in header));
  if (missing.length) throw invalid([{ field: 'csv', rule: 'csv-columns', message: `The CSV needs the columns ${missing.join(', ')}` }]);
  return data;
}

/** Stores a published file for the actor's council inside a batch, with one audit row for the whole load (as for an import). */
function loadPublished<T extends Record<string, unknown>>(
  db: Kysely<Database>,
  actor: Actor,
  audit: { action: AuditAction; recordType: string },
  store: (db: Kysely<Database>, laCode: string) => Promise<T>,
) {
  return batch(db, actor, async (ledger) => {
    const loaded = await store(ledger.db, actor.user.laCode);
    ledger.audit({ ...audit, detail: loaded });
    return loaded;
  });
}

/** '202425', '2024/25' and '2024-25' are all the collection year 2024-25. */
export function collectionYear(v: string): string | null {
  const m = /^(\d{4})[-/]?(\d{2})$/.exec(v.trim());
  if (!m) return null;
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return null;
  return `${m[1]}-${m[2]}`;
}

/** The DfE's symbols for a figure not published: c (suppressed), x, z, low, u, k. */
const NOT_PUBLISHED = new Set(['c', 'x', 'z', 'low', 'u', 'k', ':', '']);

/**
 * Loads published figures: columns time_period, geographic_level (National, Regional, Local
 * authority), region_code, region_name, new_la_code, la_name, indicator, value. A figure the
 * DfE did not publish (c, x, z, low) is skipped; anything else unreadable refuses the whole file.
 */
export async function loadBenchmarks(db: Kysely<Database>, actor: Actor, csv: string) {
  return loadPublished(db, actor, { action: 'create', recordType: 'benchmark' }, (trx, laCode) => storeBenchmarks(trx, laCode, csv));
}

/** Parses and stores published figures for a council, inside the caller's batch (the demo generator calls this directly). */
export async function storeBenchmarks(db: Kysely<Database>, laCode: string, csv: string) {
  const data = rows(csv, ['time_period', 'geographic_level', 'region_code', 'region_name', 'new_la_code', 'la_name', 'indicator', 'value']);
  const errors: FieldError[] = [];
  const comparators = new Map<string, { name: string; level: 'national' | 'regional' | 'local-authority'; region: string | null }>();
  const values: { code: string; indicator: string; year: string; value: number }[] = [];
  let skipped = 0;
  data.forEach((r, i) => {
    const line = i + 2;
    const level = ({ national: 'national', regional: 'regional', 'local authority': 'local-authority' } as const)[(r.geographic_level ?? '').toLowerCase()];
    const year = collectionYear(r.time_period ?? '');
    const code = level === 'national' ? ENGLAND : level === 'regional' ? r.region_code : r.new_la_code;
    const name = level === 'national' ? 'England' : level === 'regional' ? r.region_name : r.la_name;
    if (!level)
      errors.push({ field: `csv.line${line}.geographic_level`, rule: 'geographic-level', message: `Line ${line}: National, Regional or Local authority` });
    if (!year) errors.push({ field: `csv.line${line}.time_period`, rule: 'collection-year', message: `Line ${line}: a year like 202425 or 2024-25` });
    if (!code || !/^E\d{8}$/.test(code)) errors.push({ field: `csv.line${line}.code`, rule: 'ons-code', message: `Line ${line}: an ONS code like E06000019` });
    if (!indicatorById(r.indicator ?? ''))
      errors.push({ field: `csv.line${line}.indicator`, rule: 'indicator-id', message: `Line ${line}: "${r.indicator}" is not an indicator id` });
    const raw = (r.value ?? '').toLowerCase();
    if (NOT_PUBLISHED.has(raw)) {
      skipped++;
    } else if (!/^-?\d+(\.\d+)?$/.test(raw)) {
      errors.push({ field: `csv.line${line}.value`, rule: 'number', message: `Line ${line}: a number, or a DfE symbol (c, x, z, low)` });
    }
    if (errors.length || !level || !year || !code) return;
    comparators.set(code, { name: name || code, level, region: level === 'local-authority' ? r.region_code || null : null });
    if (!NOT_PUBLISHED.has(raw)) values.push({ code, indicator: r.indicator as string, year, value: Number(raw) });
  });
  if (errors.length) throw invalid(errors.slice(0, 50), `${errors.length} line(s) of the CSV break a rule; nothing was loaded`);
  for (const [code, c] of comparators) {
    await db
      .insertInto('comparator')
      .values({ la_code: laCode, comparator_code: code, name: c.name, level: c.level, region_code: c.region, neighbour_rank: null })
      .onConflict((oc) => oc.columns(['la_code', 'comparator_code']).doUpdateSet({ name: c.name, level: c.level, region_code: c.region }))
      .execute();
  }
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('benchmark_value')
      .values(values.slice(i, i + 500).map((v) => ({ la_code: laCode, comparator_code: v.code, indicator_id: v.indicator, year: v.year, value: v.value })))
      .onConflict((oc) => oc.columns(['la_code', 'comparator_code', 'indicator_id', 'year']).doUpdateSet({ value: sql`excluded.value`, loaded_at: sql`now()` }))
      .execute();
  }
  return { values: values.length, comparators: comparators.size, skipped };
}

/** The council's statistical neighbours as published: columns la_code, neighbour_la_code, rank (1–10). Replaces the list. */
export async function loadNeighbours(db: Kysely<Database>, actor: Actor, csv: string) {
  return loadPublished(db, actor, { action: 'update', recordType: 'statistical-neighbours' }, (trx, laCode) => storeNeighbours(trx, laCode, csv));
}

/** Replaces the council's statistical neighbours, inside the caller's batch. */
export async function storeNeighbours(db: Kysely<Database>, laCode: string, csv: string) {
  const data = rows(csv, ['la_code', 'neighbour_la_code', 'rank']).filter((r) => r.la_code === laCode);
  if (data.length === 0) throw invalid([{ field: 'csv', rule: 'own-council', message: `The CSV has no rows for this council (${laCode})` }]);
  const known = new Set(
    (await db.selectFrom('comparator').select('comparator_code').where('la_code', '=', laCode).where('level', '=', 'local-authority').execute()).map(
      (c) => c.comparator_code,
    ),
  );
  const errors: FieldError[] = [];
  const ranks = new Set<number>();
  for (const r of data) {
    const rank = Number(r.rank);
    if (!Number.isInteger(rank) || rank < 1 || rank > 10 || ranks.has(rank))
      errors.push({ field: 'csv.rank', rule: 'rank', message: `${r.neighbour_la_code}: rank must be a different whole number from 1 to 10` });
    ranks.add(rank);
    if (!known.has(r.neighbour_la_code as string))
      errors.push({ field: 'csv.neighbour_la_code', rule: 'loaded-comparator', message: `${r.neighbour_la_code}: load its published figures first` });
  }
  if (errors.length) throw invalid(errors);
  await db.updateTable('comparator').set({ neighbour_rank: null }).where('la_code', '=', laCode).execute();
  for (const r of data)
    await db
      .updateTable('comparator')
      .set({ neighbour_rank: Number(r.rank) })
      .where('la_code', '=', laCode)
      .where('comparator_code', '=', r.neighbour_la_code as string)
      .execute();
  return { neighbours: data.length };
}

/** The last day of a collection year: 2024-25 ends on 31 March 2025. */
export const yearEnd = (year: string) => `${Number(year.slice(0, 4)) + 1}-03-31`;

/**
 * The council against England, its region and its statistical neighbours, year by year: the
 * council's own figure counted live from the record for each year ending 31 March.
 */
export async function compare(db: Kysely<Database>, laCode: string, indicatorId: string, options: { aggregatesOnly: boolean; today: string }) {
  const def = indicatorById(indicatorId);
  if (!def) throw notFound('indicator');
  const comparators = await db.selectFrom('comparator').selectAll().where('la_code', '=', laCode).execute();
  const own = comparators.find((c) => c.comparator_code === laCode);
  const region = own?.region_code ? comparators.find((c) => c.comparator_code === own.region_code) : undefined;
  const neighbours = comparators.filter((c) => c.neighbour_rank !== null).sort((a, b) => (a.neighbour_rank ?? 0) - (b.neighbour_rank ?? 0));
  const values = await db.selectFrom('benchmark_value').selectAll().where('la_code', '=', laCode).where('indicator_id', '=', indicatorId).execute();
  const years = [...new Set(values.map((v) => v.year))].sort();
  const publishedValue = (code: string | undefined, year: string) => {
    const v = values.find((x) => x.comparator_code === code && x.year === year);
    return v ? Number(v.value) : null;
  };
  const out = [];
  for (const year of years) {
    const end = yearEnd(year);
    const live = end < options.today ? await computeIndicator(db, laCode, indicatorId, { asOf: end, aggregatesOnly: options.aggregatesOnly }) : null;
    const nv = neighbours.map((n) => publishedValue(n.comparator_code, year)).filter((v): v is number => v !== null);
    out.push({
      year,
      council: live?.value ?? null,
      councilPublished: publishedValue(laCode, year),
      england: publishedValue(ENGLAND, year),
      region: publishedValue(region?.comparator_code, year),
      neighboursAverage: nv.length ? Math.round((nv.reduce((a, b) => a + b, 0) / nv.length) * 10) / 10 : null,
      neighbours: neighbours.map((n) => ({
        code: n.comparator_code,
        name: n.name,
        rank: n.neighbour_rank as number,
        value: publishedValue(n.comparator_code, year),
      })),
    });
  }
  return {
    id: def.id,
    title: def.title,
    unit: def.unit,
    higherIsBetter: def.higherIsBetter,
    region: region ? { code: region.comparator_code, name: region.name } : null,
    neighbours: neighbours.map((n) => ({ code: n.comparator_code, name: n.name, rank: n.neighbour_rank as number })),
    years: out,
  };
}

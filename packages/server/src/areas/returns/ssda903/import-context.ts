/**
 * What the SSDA903 import's parts share: the return's tables, the codes and dates it is read by,
 * the rows a batch of children makes, and what is already recorded for those children (matched
 * by natural keys, one query per kind for the whole batch).
 */
import { SSDA903_UPN_UNKNOWN } from '@lantern/core/codes';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import type { Ledger } from '../../../kernel/ledger.ts';
import type { ReturnActor } from '../audit.ts';
import type { importTrail } from '../import-result.ts';
import type { loadReturnDir } from './files.ts';
import type { Ssda903Import } from './import.ts';

export const SOURCE = 'ssda903-import';
export const NOTE = 'Recorded in the SSDA903 return imported into Lantern';

/** dd/mm/yyyy to ISO, or null. */
export function iso(s: string | undefined): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s ?? '');
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1 ? `${y}-${mo}-${d}` : null;
}
export const flag = (s: string | undefined) => (s === '1' ? true : s === '0' ? false : null);
export const addYears = (isoDate: string, n: number) => `${Number(isoDate.slice(0, 4)) + n}${isoDate.slice(4)}`;

export const RNE = new Set(['S', 'L', 'P', 'T', 'B', 'U']);
export const CIN = new Set(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
export const PROVIDERS = new Set(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
export const PN = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
export const UPN_UNKNOWN = new Set(SSDA903_UPN_UNKNOWN);

export const TABLES = [
  'worker',
  'person',
  'relationship',
  'cla_episode',
  'cla_review',
  'missing_episode',
  'uasc_record',
  'adoption',
  'previous_permanence',
  'health_outcome',
  'health_check',
  'care_leaver',
  'leaver_birthday_contact',
  'allocation',
  'deprivation_of_liberty_order',
] as const;
export type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

export type Return = Awaited<ReturnType<typeof loadReturnDir>>['tables'];
type TableName = keyof Return;

/**
 * A column as the import holds it: when its values repeat (dates, codes, a child's id on each of
 * their episodes), a small code per row into its distinct values; else the values themselves.
 * A national return is millions of values, and the heap a process may grow to is a multiple of
 * what it holds: an array of codes is an eighth to a half of an array of references.
 */
type Column = readonly string[] | { codes: Uint8Array | Uint16Array | Uint32Array; values: string[] };
export type HeldReturn = Partial<Record<TableName, { length: number; columns: Record<string, Column> }>>;

/** The return's tables held compactly (see Column); the tables given are left to the collector. */
export function holdCompactly(tables: Return): HeldReturn {
  const held: HeldReturn = {};
  for (const [name, table] of Object.entries(tables) as [TableName, NonNullable<Return[TableName]>][])
    held[name] = { length: table.length, columns: Object.fromEntries(Object.entries(table.columns).map(([c, v]) => [c, compactColumn(v)])) };
  return held;
}

/** More distinct values than this and a column is held as it is (and is not looked through to the end). */
const CODED_AT_MOST = 100_000;

function compactColumn(column: string[]): Column {
  const code = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let k = code.get(v);
    if (k === undefined) {
      k = values.length;
      code.set(v, k);
      values.push(v);
      // Mostly different values (postcodes, UPNs): codes would only add to them.
      if (values.length > CODED_AT_MOST) return column;
    }
    codes[i] = k;
  }
  if (values.length > column.length / 2) return column;
  if (values.length <= 0x100) return { codes: Uint8Array.from(codes), values };
  if (values.length <= 0x10000) return { codes: Uint16Array.from(codes), values };
  return { codes, values };
}

/** A value of the return ('' when the table or column is not there). */
export function returnValue(r: HeldReturn, table: TableName, column: string, i: number): string {
  const c = r[table]?.columns[column];
  if (!c) return '';
  return ('codes' in c ? c.values[c.codes[i]!] : c[i]) ?? '';
}

/**
 * A table's rows by child, in file order. Each child's rows are a chain (the first row, then each
 * row's next): no array per child to hold for the whole import.
 */
export class RowsByChild {
  private readonly first = new Map<string, number>();
  private readonly next: Int32Array;

  constructor(r: HeldReturn, table: TableName) {
    const length = r[table]?.length ?? 0;
    this.next = new Int32Array(length);
    for (let i = length - 1; i >= 0; i--) {
      const child = returnValue(r, table, 'CHILD', i);
      this.next[i] = this.first.get(child) ?? -1;
      this.first.set(child, i);
    }
  }

  /** The child's rows (row indexes, in file order), or undefined when they have none. */
  get(child: string): number[] | undefined {
    let i = this.first.get(child);
    if (i === undefined) return undefined;
    const rows: number[] = [];
    for (; i >= 0; i = this.next[i]!) rows.push(i);
    return rows;
  }
}

export type Ctx = {
  ledger: Ledger;
  trx: Transaction<Database>;
  laCode: string;
  actor: ReturnActor;
  importId: string;
  result: Ssda903Import;
  r: HeldReturn;
  groups: Record<string, RowsByChild>;
  start: string;
  ref: string;
  workers: Map<string, string>;
  year: number;
};

export type Existing = {
  person: Map<string, { id: string; dob: string | null }>;
  keys: Set<string>; // `${table}|${childId}|${key}`
  episodes: Map<string, { id: string; period: string; placement: string; start: string; end: string | null }[]>;
  adoptions: Map<string, { id: string; decision: string; placed: string | null; closed: boolean }[]>;
};

/** The child being placed, and where their batch's rows and trail go. */
export type ChildInBatch = {
  ctx: Ctx;
  rows: Rows;
  existing: Existing;
  laChildId: string;
  childId: string;
  dob: string | null;
  /** The child's episodes of care, recorded and new, oldest first. */
  known: Existing['episodes'] extends Map<string, infer E> ? E : never;
  /** The child's rows of the Episodes table, oldest first. */
  epRows: number[];
  col: (t: TableName, c: string, i: number) => string;
  skip: (child: string | null, table: string, row: number, reason: string) => void;
  /** False when the record is already there (by its natural key); else notes it as there now. */
  newKey: (k: string) => boolean;
  audit: ReturnType<typeof importTrail>['audit'];
  chronology: ReturnType<typeof importTrail>['chronology'];
};

export async function loadExisting(ctx: Ctx, laChildIds: string[]): Promise<Existing> {
  const { trx, laCode } = ctx;
  const existing: Existing = { person: new Map(), keys: new Set(), episodes: new Map(), adoptions: new Map() };
  const people = (
    await sql<{ person_id: string; la_child_id: string; dob: string | null }>`
      select person_id, la_child_id, date_of_birth::text as dob from person where la_code = ${laCode} and la_child_id = any(${laChildIds}::text[])`.execute(trx)
  ).rows;
  for (const p of people) existing.person.set(p.la_child_id, { id: p.person_id, dob: p.dob });
  const ids = people.map((p) => p.person_id);
  if (ids.length === 0) return existing;
  const eps = (
    await sql<{ cla_episode_id: string; child_id: string; period_id: string; placement_id: string; s: string; e: string | null }>`
      select cla_episode_id, child_id, period_id, placement_id, start_date::text as s, end_date::text as e from cla_episode
      where la_code = ${laCode} and child_id = any(${ids}::uuid[]) order by start_date`.execute(trx)
  ).rows;
  for (const e of eps) {
    const list = existing.episodes.get(e.child_id) ?? [];
    list.push({ id: e.cla_episode_id, period: e.period_id, placement: e.placement_id, start: e.s, end: e.e });
    existing.episodes.set(e.child_id, list);
  }
  const keys = (
    await sql<{ k: string }>`
      select 'review|' || child_id || '|' || held_on as k from cla_review where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'missing|' || child_id || '|' || (started_at at time zone 'Europe/London')::date from missing_episode where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'uasc|' || child_id || '|' from uasc_record where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'prevperm|' || child_id || '|' || period_id from previous_permanence where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'outcome|' || child_id || '|' || recorded_on from health_outcome where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'check|' || child_id || '|' || kind || '|' || done_on from health_check where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'leaver|' || child_id || '|' from care_leaver where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'birthday|' || child_id || '|' || birthday_age from leaver_birthday_contact where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'sw|' || child_id || '|' || start_date from allocation where la_code = ${laCode} and child_id = any(${ids}::uuid[]) and allocation_role = 'social-worker'
      union all select 'dolo|' || child_id || '|' || made_on from deprivation_of_liberty_order where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'mother|' || related_person_id || '|' from relationship where la_code = ${laCode} and related_person_id = any(${ids}::uuid[]) and relationship_type = 'mother'`.execute(
      trx,
    )
  ).rows;
  for (const k of keys) existing.keys.add(k.k);
  const ads = (
    await sql<{ adoption_id: string; child_id: string; d: string; p: string | null; closed: boolean }>`
      select adoption_id, child_id, decision_on::text as d, placed_on::text as p, (adoption_order_on is not null or no_longer_on is not null) as closed
      from adoption where la_code = ${laCode} and child_id = any(${ids}::uuid[])`.execute(trx)
  ).rows;
  for (const a of ads) {
    const list = existing.adoptions.get(a.child_id) ?? [];
    list.push({ id: a.adoption_id, decision: a.d, placed: a.p, closed: a.closed });
    existing.adoptions.set(a.child_id, list);
  }
  return existing;
}

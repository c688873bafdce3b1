/**
 * The SSDA903 return as columns. A national return is ~85,000 children and ~400,000 episodes, so a
 * table is one array of strings per column (no row objects), dates are parsed once into Int32Array
 * day numbers, and each table gets one per-child index. Rules are functions over whole tables that
 * return failing row indexes; nothing here allocates per row beyond those arrays.
 */
import { civilFromDays, daysFromCivil } from '../../calendar.ts';
import type { PostcodeDirectory } from './postcodes.ts';

/** Columns of each table, in the DfE's order (data-standards §2.1). */
export const TABLE_COLUMNS = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

/** Which table a CSV is, from its exact set of column names (its file name does not matter). */
export function recogniseTable(columns: readonly string[]): TableName | undefined {
  const given = [...columns].map((c) => c.trim().toUpperCase()).sort();
  for (const name of TABLE_NAMES) {
    const want = [...TABLE_COLUMNS[name]].sort();
    if (want.length === given.length && want.every((c, i) => c === given[i])) return name;
  }
  return undefined;
}

/** One table: a column of strings per field ('' = blank), trimmed and upper-cased as the DfE reads them. */
export interface Table {
  readonly name: TableName;
  readonly length: number;
  readonly columns: Readonly<Record<string, string[]>>;
}

export function makeTable(name: TableName, columns: Record<string, string[]>): Table {
  const length = columns.CHILD?.length ?? 0;
  const full: Record<string, string[]> = {};
  for (const c of TABLE_COLUMNS[name]) {
    const col = columns[c] ?? new Array<string>(length).fill('');
    if (col.length !== length) throw new Error(`${name}.${c} has ${col.length} values, CHILD has ${length}`);
    full[c] = col;
  }
  return { name, length, columns: full };
}

/** A day number (days since 1970-01-01) or one of these two markers. */
export const BLANK = -2147483648;
export const INVALID = -2147483647;
export const isDay = (d: number) => d > INVALID;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** dd/mm/yyyy to a day number; BLANK for '', INVALID for anything not a real date in that shape. */
export function parseDay(s: string): number {
  if (s === '') return BLANK;
  if (s.length !== 10 || s.charCodeAt(2) !== 47 || s.charCodeAt(5) !== 47) return INVALID;
  const d = digits(s, 0, 2);
  const m = digits(s, 3, 5);
  const y = digits(s, 6, 10);
  if (d < 1 || m < 1 || m > 12 || y < 1800) return INVALID;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return INVALID;
  return dayNumber(y, m, d);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a date (a day past the month's end rolls over, as 29 February does in a common year). */
export const dayNumber: (y: number, m: number, d: number) => number = daysFromCivil;

export function dayToDate(day: number): string {
  const t = new Date(day * 86_400_000);
  return `${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${t.getUTCFullYear()}`;
}

/**
 * yyyymmdd of each day from 1 January 1800 to 31 December 2199, made on first use: rules age
 * every row, and a look-up is cheaper than the arithmetic (0 outside the range: worked out then).
 */
const YMD_FROM = dayNumber(1800, 1, 1);
const YMD_DAYS = dayNumber(2200, 1, 1) - YMD_FROM;
let ymdTable: Int32Array | undefined;
function ymd(day: number): number {
  const k = day - YMD_FROM;
  if (k < 0 || k >= YMD_DAYS || !Number.isInteger(k)) return 0;
  if (!ymdTable) {
    ymdTable = new Int32Array(YMD_DAYS);
    for (let i = 0; i < YMD_DAYS; i++) {
      const c = civilFromDays(YMD_FROM + i);
      ymdTable[i] = c.year * 10000 + c.month * 100 + c.day;
    }
  }
  return ymdTable[k]!;
}

/** The day a person born on `dob` turns `years` (29 February birthdays fall on 1 March). */
export function birthday(dob: number, years: number): number {
  const v = ymd(dob);
  if (v === 0) {
    const { year, month, day } = civilFromDays(dob);
    return dayNumber(year + years, month, day);
  }
  return dayNumber(Math.floor(v / 10000) + years, Math.floor(v / 100) % 100, v % 100);
}

/** Whole years of age on `day`. */
export function ageOn(dob: number, day: number): number {
  const b = ymd(dob);
  const t = ymd(day);
  // yyyymmdd apart, in whole ten-thousands: the years, less one before the birthday's month and day.
  if (b !== 0 && t !== 0) return Math.floor((t - b) / 10000);
  const born = civilFromDays(dob);
  const on = civilFromDays(day);
  return on.year - born.year - (on.month < born.month || (on.month === born.month && on.day < born.day) ? 1 : 0);
}

/** A row index per child, in row order; for Episodes sorted by start date. */
export interface ChildIndex {
  /** Row indexes, grouped by child. */
  readonly order: Int32Array;
  /** For each child, where its rows start in `order` (and `starts[i + 1]` where they end). */
  readonly starts: Int32Array;
  readonly children: string[];
  readonly byChild: Map<string, number>;
  /** For each row, the child's group number. */
  readonly groupOf: Int32Array;
  /** For each row, the previous / next row of the same child in `order`, or -1. */
  readonly prev: Int32Array;
  readonly next: Int32Array;
}

export function indexByChild(table: Table, sortDays?: Int32Array): ChildIndex {
  const child = table.columns.CHILD!;
  const byChild = new Map<string, number>();
  const children: string[] = [];
  const groupOf = new Int32Array(table.length);
  const counts: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const c = child[i]!;
    let g = byChild.get(c);
    if (g === undefined) {
      g = children.length;
      byChild.set(c, g);
      children.push(c);
      counts.push(0);
    }
    groupOf[i] = g;
    counts[g]!++;
  }
  const starts = new Int32Array(children.length + 1);
  for (let g = 0; g < children.length; g++) starts[g + 1] = starts[g]! + counts[g]!;
  const fill = starts.slice(0, children.length);
  const order = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) order[fill[groupOf[i]!]!++] = i;
  if (sortDays) {
    // By day, then row. A child has a handful of rows: sorted in place by insertion (no view and
    // comparator call per child); a long group (a blank CHILD on many rows) by the array's sort.
    for (let g = 0; g < children.length; g++) {
      const a = starts[g]!;
      const b = starts[g + 1]!;
      if (b - a > 32) order.subarray(a, b).sort((x, y) => sortDays[x]! - sortDays[y]! || x - y);
      else
        for (let k = a + 1; k < b; k++) {
          const row = order[k]!;
          const day = sortDays[row]!;
          let j = k - 1;
          for (; j >= a && (sortDays[order[j]!]! > day || (sortDays[order[j]!]! === day && order[j]! > row)); j--) order[j + 1] = order[j]!;
          order[j + 1] = row;
        }
    }
  }
  const prev = new Int32Array(table.length).fill(-1);
  const next = new Int32Array(table.length).fill(-1);
  for (let g = 0; g < children.length; g++) {
    for (let k = starts[g]! + 1; k < starts[g + 1]!; k++) {
      prev[order[k]!] = order[k - 1]!;
      next[order[k - 1]!] = order[k]!;
    }
  }
  return { order, starts, children, byChild, groupOf, prev, next };
}

/** One provider from Ofsted's lists (see `lantern validate ssda903 --providers`). */
export interface Provider {
  urn: string;
  /** Placement types (PLACE codes) the provider is registered for. */
  placeCodes: string[];
  /** Provider codes (PR0–PR5) the provider may be. */
  providerCodes: string[];
  postcode: string;
  /** ONS code of the council the provider is in, when known. */
  laCode: string;
  registered: number;
  closed: number;
}

/** Everything the rules read: this year's tables, last year's, and the collection's dates. */
export class Ssda903Return {
  /** The year of the 31 March reference date: 2026 for 2025/26. */
  readonly year: number;
  readonly collectionStart: number;
  readonly collectionEnd: number;
  /** The council's ONS code, when known (rules on the provider's council need it). */
  readonly laCode: string | undefined;
  readonly providers: Map<string, Provider> | undefined;
  /** The ONS Postcode Directory (or the part of it this return's postcodes need), when given. */
  readonly postcodes: PostcodeDirectory | undefined;
  private readonly current: Partial<Record<TableName, Table>>;
  private readonly previous: Partial<Record<TableName, Table>> | undefined;
  private readonly dayCache = new Map<string, Int32Array>();
  private readonly indexCache = new Map<string, ChildIndex>();
  private readonly memo = new Map<string, unknown>();

  constructor(opts: {
    year: number;
    tables: Partial<Record<TableName, Table>>;
    previous?: Partial<Record<TableName, Table>>;
    providers?: Provider[];
    laCode?: string;
    postcodes?: PostcodeDirectory;
  }) {
    this.year = opts.year;
    this.collectionStart = dayNumber(opts.year - 1, 4, 1);
    this.collectionEnd = dayNumber(opts.year, 3, 31);
    this.current = opts.tables;
    this.previous = opts.previous;
    this.laCode = opts.laCode;
    this.postcodes = opts.postcodes;
    this.providers = opts.providers ? new Map(opts.providers.map((p) => [p.urn, p])) : undefined;
  }

  has(name: TableName): boolean {
    return this.current[name] !== undefined;
  }
  hasLast(name: TableName): boolean {
    return this.previous?.[name] !== undefined;
  }
  table(name: TableName): Table {
    const t = this.current[name];
    if (!t) throw new Error(`The return has no ${name} table`);
    return t;
  }
  last(name: TableName): Table {
    const t = this.previous?.[name];
    if (!t) throw new Error(`Last year's return has no ${name} table`);
    return t;
  }
  col(name: TableName, field: string): string[] {
    return this.table(name).columns[field]!;
  }
  lastCol(name: TableName, field: string): string[] {
    return this.last(name).columns[field]!;
  }

  /** A date column as day numbers, parsed once. */
  days(name: TableName, field: string, lastYear = false): Int32Array {
    const key = `${lastYear ? 'last:' : ''}${name}.${field}`;
    let d = this.dayCache.get(key);
    if (!d) {
      const col = (lastYear ? this.last(name) : this.table(name)).columns[field]!;
      d = new Int32Array(col.length);
      for (let i = 0; i < col.length; i++) d[i] = parseDay(col[i]!);
      this.dayCache.set(key, d);
    }
    return d;
  }

  /** Rows of a table per child; Episodes, Missing, SWEpisodes and PlacedAdoption in date order. */
  index(name: TableName, lastYear = false): ChildIndex {
    const key = `${lastYear ? 'last:' : ''}${name}`;
    let ix = this.indexCache.get(key);
    if (!ix) {
      const sortField = SORT_FIELD[name];
      const table = lastYear ? this.last(name) : this.table(name);
      ix = indexByChild(table, sortField ? this.days(name, sortField, lastYear) : undefined);
      this.indexCache.set(key, ix);
    }
    return ix;
  }

  /** A value derived once and shared by the rules that need it. */
  derived<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }
}

const SORT_FIELD: Partial<Record<TableName, string>> = {
  Episodes: 'DECOM',
  Missing: 'MIS_START',
  SWEpisodes: 'SW_DECOM',
  PlacedAdoption: 'DATE_PLACED',
  Reviews: 'REVIEW',
  DoLo: 'DOLO_START',
};

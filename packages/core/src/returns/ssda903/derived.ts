/** Facts several rules share, each worked out once per return over whole columns. */
import { ageOn, BLANK, isDay, type Ssda903Return, type TableName } from './model.ts';

/** Legal statuses of a short break (V3, V4): an episode of respite, not of care. */
export const SHORT_BREAK: ReadonlySet<string> = new Set(['V3', 'V4']);
/** Placements for adoption (A3–A6). */
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6']);
/** Foster placements (U1–U6). */
export const FOSTER: ReadonlySet<string> = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

/**
 * For each row of `table`, its child's (first) Header row, or -1 when Header has no such child:
 * the rules that compare a table with Header read an index, not look the child's id up again.
 */
export function headerRowFor(r: Ssda903Return, table: TableName): Int32Array {
  return r.derived(`headerRowFor:${table}`, () => {
    const out = new Int32Array(r.table(table).length).fill(-1);
    if (!r.has('Header')) return out;
    const hix = r.index('Header');
    const child = r.col(table, 'CHILD');
    for (let i = 0; i < child.length; i++) {
      const g = hix.byChild.get(child[i]!);
      if (g !== undefined) out[i] = hix.order[hix.starts[g]!]!;
    }
    return out;
  });
}

/** The child's date of birth from Header, aligned with the rows of `table` (BLANK when unknown). */
export function headerDobFor(r: Ssda903Return, table: TableName): Int32Array {
  return r.derived(`dobFor:${table}`, () => {
    const out = new Int32Array(r.table(table).length).fill(BLANK);
    if (!r.has('Header')) return out;
    const hdob = r.days('Header', 'DOB');
    const row = headerRowFor(r, table);
    for (let i = 0; i < row.length; i++) if (row[i]! !== -1) out[i] = hdob[row[i]!]!;
    return out;
  });
}

/** A Header field for the child of each row of `table` ('' when the child has no Header row). */
export function headerValueFor(r: Ssda903Return, table: TableName, field: string): string[] {
  return r.derived(`headerFor:${table}.${field}`, () => {
    const col = r.col('Header', field);
    const row = headerRowFor(r, table);
    return Array.from(row, (h) => (h === -1 ? '' : col[h]!));
  });
}

/**
 * For each episode, the start of its period of care: an episode begins a new period when its
 * reason is S or it does not start the day the child's previous episode ended.
 */
export function periodStartRow(r: Ssda903Return): Int32Array {
  return r.derived('periodStartRow', () => {
    const ix = r.index('Episodes');
    const rne = r.col('Episodes', 'RNE');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    const out = new Int32Array(rne.length);
    for (let k = 0; k < ix.order.length; k++) {
      const i = ix.order[k]!;
      const p = ix.prev[i]!;
      out[i] = p >= 0 && rne[i] !== 'S' && isDay(dec[p]!) && dec[p] === decom[i] ? out[p]! : i;
    }
    return out;
  });
}

/** Episodes open at some time in the collection year. */
export function inYear(r: Ssda903Return): (i: number) => boolean {
  const decom = r.days('Episodes', 'DECOM');
  const dec = r.days('Episodes', 'DEC');
  return (i) => decom[i]! <= r.collectionEnd && (dec[i] === BLANK || dec[i]! >= r.collectionStart);
}

/** Children with an episode still open at 31 March. */
export function lookedAfterAtEnd(r: Ssda903Return): Set<string> {
  return r.derived('lookedAfterAtEnd', () => {
    const child = r.col('Episodes', 'CHILD');
    const dec = r.days('Episodes', 'DEC');
    const decom = r.days('Episodes', 'DECOM');
    const out = new Set<string>();
    for (let i = 0; i < child.length; i++) if (dec[i] === BLANK && isDay(decom[i]!) && decom[i]! <= r.collectionEnd) out.add(child[i]!);
    return out;
  });
}

/** Children looked after at some time in the collection year. */
export function lookedAfterInYear(r: Ssda903Return): Set<string> {
  return r.derived('lookedAfterInYear', () => {
    const child = r.col('Episodes', 'CHILD');
    const open = inYear(r);
    const out = new Set<string>();
    for (let i = 0; i < child.length; i++) if (open(i)) out.add(child[i]!);
    return out;
  });
}

/**
 * Children looked after continuously for at least 12 months at 31 March (the OC2 cohort): looked
 * after in the year, with no period of care starting after 1 April or ending before 31 March,
 * and no short-break (V3/V4) episode in the year.
 */
export function continuouslyLookedAfter(r: Ssda903Return): Set<string> {
  return r.derived('continuouslyLookedAfter', () => {
    const child = r.col('Episodes', 'CHILD');
    const rne = r.col('Episodes', 'RNE');
    const rec = r.col('Episodes', 'REC');
    const ls = r.col('Episodes', 'LS');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    const open = inYear(r);
    const inCare = new Set<string>();
    const broken = new Set<string>();
    for (let i = 0; i < child.length; i++) {
      if (!open(i)) continue;
      inCare.add(child[i]!);
      const starts = rne[i] === 'S' && decom[i]! > r.collectionStart;
      const leaves = rec[i] !== 'X1' && rec[i] !== '' && isDay(dec[i]!) && dec[i]! < r.collectionEnd;
      if (starts || leaves || SHORT_BREAK.has(ls[i]!)) broken.add(child[i]!);
    }
    // A child whose earliest episode in the data starts after 1 April cannot have 12 months.
    const ix = r.index('Episodes');
    for (let g = 0; g < ix.children.length; g++) if (decom[ix.order[ix.starts[g]!]!]! > r.collectionStart) broken.add(ix.children[g]!);
    for (const c of broken) inCare.delete(c);
    return inCare;
  });
}

/** The child's last episode (by start date) row, per child. */
export function lastEpisodeOf(r: Ssda903Return): Map<string, number> {
  return r.derived('lastEpisodeOf', () => {
    const ix = r.index('Episodes');
    const out = new Map<string, number>();
    for (let g = 0; g < ix.children.length; g++) out.set(ix.children[g]!, ix.order[ix.starts[g + 1]! - 1]!);
    return out;
  });
}

/**
 * Country of a postcode outside England, from postcode areas wholly in Scotland (SCO), Wales (WAL)
 * or Northern Ireland (NIR). Areas that straddle a border (TD, CH, SY, LD's neighbours, …) and
 * every English area give ''. This is all that can be derived without the ONS Postcode Directory.
 */
export function countryOfPostcode(postcode: string): '' | 'SCO' | 'WAL' | 'NIR' {
  const m = /^([A-Z]{1,2})\d/.exec(postcode.replace(/\s+/g, ''));
  if (!m) return '';
  const area = m[1]!;
  if (area === 'BT') return 'NIR';
  if (SCOTTISH_AREAS.has(area)) return 'SCO';
  if (WELSH_AREAS.has(area)) return 'WAL';
  return '';
}
const SCOTTISH_AREAS = new Set(['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'ZE']);
const WELSH_AREAS = new Set(['CF', 'LD', 'LL', 'NP', 'SA']);

/** A UK postcode in its usual shape (outward code, optional space, inward code). */
export const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;

/** Last year's open episode (DEC blank) per child: its row in last year's Episodes. */
export function openLastYear(r: Ssda903Return): Map<string, number> {
  return r.derived('openLastYear', () => {
    const ix = r.index('Episodes', true);
    const dec = r.days('Episodes', 'DEC', true);
    const out = new Map<string, number>();
    for (let g = 0; g < ix.children.length; g++) {
      const last = ix.order[ix.starts[g + 1]! - 1]!;
      if (dec[last] === BLANK) out.set(ix.children[g]!, last);
    }
    return out;
  });
}

/**
 * For each child whose last episode last year was still open: this year's first episode, flagged
 * where `flag(first, open)` holds (`open`: the row in last year's Episodes). In row order.
 */
export function firstEpisodesAfterOpen(r: Ssda903Return, flag: (first: number, open: number) => boolean): number[] {
  const open = openLastYear(r);
  const ix = r.index('Episodes');
  const rows: number[] = [];
  for (let g = 0; g < ix.children.length; g++) {
    const l = open.get(ix.children[g]!);
    const first = ix.order[ix.starts[g]!]!;
    if (l !== undefined && flag(first, l)) rows.push(first);
  }
  return rows.sort((a, b) => a - b);
}

/** Last year's `field` in the child's first row of `table`; undefined when last year's table has no row for the child. */
export function lastYearValue(r: Ssda903Return, table: TableName, field: string): (child: string) => string | undefined {
  const before = r.index(table, true);
  const was = r.lastCol(table, field);
  return (child) => {
    const g = before.byChild.get(child);
    return g === undefined ? undefined : was[before.order[before.starts[g]!]!];
  };
}

/** Age on a day from the table's own DOB column; -1 when unknown. */
export function ownAge(r: Ssda903Return, table: TableName) {
  const dob = r.days(table, 'DOB');
  return (i: number, day: number) => (isDay(dob[i]!) && isDay(day) ? ageOn(dob[i]!, day) : -1);
}

/** The child's final episode when it ended the child's care (not X1), per child. */
export function leftCareOn(r: Ssda903Return): Map<string, { row: number; dec: number }> {
  return r.derived('leftCareOn', () => {
    const rec = r.col('Episodes', 'REC');
    const dec = r.days('Episodes', 'DEC');
    const out = new Map<string, { row: number; dec: number }>();
    for (const [child, row] of lastEpisodeOf(r)) if (rec[row] !== '' && rec[row] !== 'X1' && isDay(dec[row]!)) out.set(child, { row, dec: dec[row]! });
    return out;
  });
}

/** Per child, the first day of an episode matching `test` (in the year), and that episode's row. */
export function firstEpisodeWhere(r: Ssda903Return, key: string, test: (i: number) => boolean): Map<string, number> {
  return r.derived(key, () => {
    const ix = r.index('Episodes');
    const out = new Map<string, number>();
    for (let g = 0; g < ix.children.length; g++)
      for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++)
        if (test(ix.order[k]!)) {
          out.set(ix.children[g]!, ix.order[k]!);
          break;
        }
    return out;
  });
}

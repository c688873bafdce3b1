/** Build small synthetic returns for rule tests: rows give only the fields a test cares about. */
import { expect, it } from 'vitest';
import { makeTable, type Provider, Ssda903Return, type Table, TABLE_COLUMNS, type TableName } from '../../src/returns/ssda903/model.ts';
import type { PostcodeDirectory } from '../../src/returns/ssda903/postcodes.ts';
import type { Flagged } from '../../src/returns/ssda903/rule.ts';
import { IMPLEMENTED } from '../../src/returns/ssda903/validate.ts';

export type Rows = Partial<Record<TableName, Record<string, string>[]>>;

export function tables(rows: Rows): Partial<Record<TableName, Table>> {
  const out: Partial<Record<TableName, Table>> = {};
  for (const [name, list] of Object.entries(rows) as [TableName, Record<string, string>[]][]) {
    const columns: Record<string, string[]> = {};
    for (const c of TABLE_COLUMNS[name]) columns[c] = list.map((row) => row[c] ?? '');
    out[name] = makeTable(name, columns);
  }
  return out;
}

/** A 2025/26 return (1 April 2025 – 31 March 2026) unless another year is given. */
export function ret(
  rows: Rows,
  opts: { year?: number; previous?: Rows; providers?: Provider[]; laCode?: string; postcodes?: PostcodeDirectory } = {},
): Ssda903Return {
  return new Ssda903Return({
    year: opts.year ?? 2026,
    tables: tables(rows),
    previous: opts.previous ? tables(opts.previous) : undefined,
    providers: opts.providers,
    laCode: opts.laCode,
    postcodes: opts.postcodes,
  });
}

/** Run one rule and check exactly which rows (0-based, per table) it flags. */
export function expectFlags(code: string, rows: Rows, want: Flagged, opts: Parameters<typeof ret>[1] = {}) {
  const check = IMPLEMENTED.get(code);
  if (!check) throw new Error(`rule ${code} is not implemented`);
  const got = check.test(ret(rows, opts));
  const tidy = (f: Partial<Record<string, number[]>>) =>
    Object.fromEntries(
      Object.entries(f)
        .filter(([, v]) => v?.length)
        .map(([k, v]) => [k, [...v!].sort((a, b) => a - b)]),
    );
  expect(tidy(got), `rule ${code}`).toEqual(tidy(want));
}

/** An episode row with sensible defaults: a child in a foster placement under a care order. */
export function ep(child: string, decom: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    CHILD: child,
    DECOM: decom,
    RNE: 'S',
    LS: 'C2',
    CIN: 'N1',
    PLACE: 'U4',
    PLACE_PROVIDER: 'PR1',
    URN: 'SC123456',
    PL_POST: 'LS1 2CD',
    HOME_POST: 'M1 2ZZ',
    ...more,
  };
}
export function hd(child: string, dob: string, more: Record<string, string> = {}): Record<string, string> {
  return { CHILD: child, SEX: 'F', DOB: dob, ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: '0', ...more };
}

/** A test named by the rule's code that runs it on `rows` and checks exactly which rows it flags. */
export function itFlags(code: string, rows: Rows, want: Flagged, opts: Parameters<typeof ret>[1] = {}) {
  it(code, () => expectFlags(code, rows, want, opts));
}

/** An episode that ended on `dec` for the reason `rec`. */
export function closed(child: string, decom: string, dec: string, rec: string, more: Record<string, string> = {}): Record<string, string> {
  return ep(child, decom, { DEC: dec, REC: rec, ...more });
}

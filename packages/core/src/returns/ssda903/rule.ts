import { isDay, type Ssda903Return, type TableName } from './model.ts';

/** A table of this year's return, or (`Episodes_last`, …) of last year's. */
export type FlaggedTable = TableName | `${TableName}_last`;
/** Failing row indexes, per table. */
export type Flagged = Partial<Record<FlaggedTable, number[]>>;

export interface RuleCheck {
  readonly code: string;
  /** Tables this year's return must have for the rule to run. */
  readonly needs: readonly TableName[];
  /** Last year's tables (`--previous`) the rule needs. */
  readonly needsLast?: readonly TableName[];
  /** Whether Ofsted's provider list (`--providers`) is needed. */
  readonly needsProviders?: boolean;
  /** Whether the council's own ONS code (`--la-code`) is needed. */
  readonly needsLaCode?: boolean;
  /** Whether the ONS Postcode Directory (`--postcodes`, or loaded into the database) is needed. */
  readonly needsPostcodes?: boolean;
  readonly test: (r: Ssda903Return) => Flagged;
}

export function rule(
  code: string,
  needs: readonly TableName[],
  test: (r: Ssda903Return) => Flagged,
  more: { needsLast?: readonly TableName[]; needsProviders?: boolean; needsLaCode?: boolean; needsPostcodes?: boolean } = {},
): RuleCheck {
  return { code, needs, test, ...more };
}

/** Row indexes 0…n-1 for which `pred` holds. */
export function where(n: number, pred: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (pred(i)) out.push(i);
  return out;
}

/** A one-table rule: flag the rows for which `pred` holds. */
export function rowRule(code: string, table: TableName, pred: (r: Ssda903Return) => (i: number) => boolean, needs: readonly TableName[] = [table]): RuleCheck {
  return rule(code, needs, (r) => ({ [table]: where(r.table(table).length, pred(r)) }));
}

/**
 * One-table rules that read the same columns: `rowRuleReading('DoLo', dolo)` makes a
 * `(code, pred, needs?)` whose `pred` is given the return and what `read` took from it.
 */
export function rowRuleReading<Cols>(table: TableName, read: (r: Ssda903Return) => Cols) {
  return (code: string, pred: (r: Ssda903Return, cols: Cols) => (i: number) => boolean, needs: readonly TableName[] = [table]): RuleCheck =>
    rowRule(code, table, (r) => pred(r, read(r)), needs);
}

/** A code list: a value given must be one of `valid`; `required` also flags a blank. */
export function codeRule(code: string, table: TableName, field: string, valid: readonly string[], required = false): RuleCheck {
  const set = new Set(valid);
  return rowRule(code, table, (r) => {
    const col = r.col(table, field);
    return (i) => (col[i] === '' ? required : !set.has(col[i]!));
  });
}

/** A date in dd/mm/yyyy: a value given must be a real date; `required` also flags a blank. */
export function dateRule(code: string, table: TableName, field: string, required = false): RuleCheck {
  return rowRule(code, table, (r) => {
    const col = r.col(table, field);
    const d = r.days(table, field);
    return (i) => (col[i] === '' ? required : !isDay(d[i]!));
  });
}

/** Flag every row of `table` whose child is in `children`. */
export function rowsOfChildren(r: Ssda903Return, table: TableName, children: Set<string>): number[] {
  const col = r.col(table, 'CHILD');
  return where(col.length, (i) => children.has(col[i]!));
}

/** Whether any of the columns is blank / given on row `i`. */
export function anyBlank(cols: string[][], i: number): boolean {
  for (const c of cols) if (c[i] === '') return true;
  return false;
}
export function anyGiven(cols: string[][], i: number): boolean {
  for (const c of cols) if (c[i] !== '') return true;
  return false;
}

/** Run the SSDA903 rules of a collection year over a return, naming each failure's child, table, row and fields. */
import { RULES_2025_26, RULES_ADDED_2026_27, type RuleRow } from './catalogue.ts';
import type { Ssda903Return, TableName } from './model.ts';
import type { FlaggedTable, RuleCheck } from './rule.ts';
import { episodeRules } from './rules-episodes.ts';
import { headerRules } from './rules-header.ts';
import { integrityRules } from './rules-integrity.ts';
import { moduleRules } from './rules-modules.ts';
import { moreRules } from './rules-more.ts';
import { postcodeRules } from './rules-postcodes.ts';

/** Every rule Lantern implements, by DfE code. */
export const IMPLEMENTED: ReadonlyMap<string, RuleCheck> = new Map(
  [...headerRules, ...episodeRules, ...integrityRules, ...moduleRules, ...moreRules, ...postcodeRules].map((r) => [r.code, r]),
);

export interface RuleInfo {
  code: string;
  tables: string[];
  fields: string[];
  message: string;
}

/** The DfE's rules for a collection year, by the year of its 31 March reference date. */
export function rulesForYear(year: number): RuleInfo[] {
  const rows: readonly RuleRow[] = year >= 2027 ? [...RULES_2025_26, ...RULES_ADDED_2026_27] : RULES_2025_26;
  return rows.map(([code, tables, fields, message]) => ({ code, tables: tables.split(';'), fields: fields.split(';'), message }));
}

export const SUPPORTED_YEARS = [2026, 2027];

export interface Failure {
  code: string;
  message: string;
  /** The table, with `_last` for a row of last year's return. */
  table: FlaggedTable;
  /** Row number in the table, counting the first data row as 1 (the CSV line is one more). */
  row: number;
  child: string;
  /** The rule's affected fields found in this table, with this row's values. */
  fields: Record<string, string>;
}

export interface ValidationResult {
  year: number;
  failures: Failure[];
  /** Rules run. */
  ran: string[];
  /** Rules of the year not run, with why. */
  notRun: { code: string; reason: string }[];
}

/** One rule's failing rows in one table: the compact form of its failures (no object per row). */
export interface RuleFindings {
  info: RuleInfo;
  table: FlaggedTable;
  /** Row indexes (0 = first data row), in the order the rule gave them. */
  rows: number[];
  /** The rule's affected fields found in this table. */
  fields: string[];
}

/** A validation's outcome before its failures are named: each rule's failing rows, in rule order. */
export interface CheckedReturn {
  year: number;
  findings: RuleFindings[];
  /** How many failures the findings hold. */
  count: number;
  ran: string[];
  notRun: { code: string; reason: string }[];
}

/** Why a rule cannot run on this return, or undefined when it can. */
function whyNotRun(r: Ssda903Return, check: RuleCheck | undefined): string | undefined {
  if (!check) return 'not implemented (see docs/returns-rules-ssda903.md)';
  const missing = check.needs.filter((t) => !r.has(t));
  if (missing.length) return `the return has no ${missing.join(', ')} table`;
  const missingLast = (check.needsLast ?? []).filter((t) => !r.hasLast(t));
  if (missingLast.length) return `needs last year's ${missingLast.join(', ')} (--previous)`;
  if (check.needsProviders && !r.providers) return "needs Ofsted's provider list (--providers)";
  if (check.needsPostcodes && !r.postcodes) return 'needs the ONS Postcode Directory (--postcodes FILE, or `lantern reference postcodes load`)';
  if (check.needsLaCode && !r.laCode) return "needs the council's ONS code (--la-code)";
  return undefined;
}

/** Which of the year's rules run on this return (in the DfE's order, with their checks) and which do not, with why. */
export function planSsda903(r: Ssda903Return): { run: { info: RuleInfo; check: RuleCheck }[]; notRun: { code: string; reason: string }[] } {
  const run: { info: RuleInfo; check: RuleCheck }[] = [];
  const notRun: { code: string; reason: string }[] = [];
  for (const info of rulesForYear(r.year)) {
    const check = IMPLEMENTED.get(info.code);
    const why = whyNotRun(r, check);
    if (why || !check) notRun.push({ code: info.code, reason: why ?? '' });
    else run.push({ info, check });
  }
  return { run, notRun };
}

/** One rule's findings: its failing rows, per table. */
export function checkRule(r: Ssda903Return, info: RuleInfo, check: RuleCheck): RuleFindings[] {
  const out: RuleFindings[] = [];
  for (const [key, rows] of Object.entries(check.test(r)) as [FlaggedTable, number[]][]) {
    if (!rows?.length) continue;
    const t = flaggedTable(r, key);
    out.push({ info, table: key, rows, fields: info.fields.filter((f) => f in t.columns) });
  }
  return out;
}

/** The table a flagged key names, this year's or last year's. */
export function flaggedTable(r: Ssda903Return, key: FlaggedTable) {
  const lastYear = key.endsWith('_last');
  const table = (lastYear ? key.slice(0, -5) : key) as TableName;
  return lastYear ? r.last(table) : r.table(table);
}

/** Run the year's rules and keep each one's failing rows. */
export function checkSsda903(r: Ssda903Return): CheckedReturn {
  const plan = planSsda903(r);
  const findings: RuleFindings[] = [];
  for (const { info, check } of plan.run) findings.push(...checkRule(r, info, check));
  const count = findings.reduce((n, f) => n + f.rows.length, 0);
  return { year: r.year, findings, count, ran: plan.run.map((p) => p.info.code), notRun: plan.notRun };
}

/** The failures of checked findings, one at a time, in rule order. */
export function* failuresOf(r: Ssda903Return, findings: readonly RuleFindings[]): Generator<Failure> {
  for (const { info, table: key, rows, fields: fieldNames } of findings) {
    const t = flaggedTable(r, key);
    const child = t.columns.CHILD!;
    for (const i of rows) {
      const fields: Record<string, string> = {};
      for (const f of fieldNames) fields[f] = t.columns[f]![i]!;
      yield { code: info.code, message: info.message, table: key, row: i + 1, child: child[i]!, fields };
    }
  }
}

export function validateSsda903(r: Ssda903Return): ValidationResult {
  const checked = checkSsda903(r);
  return { year: checked.year, failures: [...failuresOf(r, checked.findings)], ran: checked.ran, notRun: checked.notRun };
}

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

export function validateSsda903(r: Ssda903Return): ValidationResult {
  const failures: Failure[] = [];
  const ran: string[] = [];
  const notRun: { code: string; reason: string }[] = [];
  for (const info of rulesForYear(r.year)) {
    const check = IMPLEMENTED.get(info.code);
    if (!check) {
      notRun.push({ code: info.code, reason: 'not implemented (see docs/returns-rules-ssda903.md)' });
      continue;
    }
    const missing = check.needs.filter((t) => !r.has(t));
    if (missing.length) {
      notRun.push({ code: info.code, reason: `the return has no ${missing.join(', ')} table` });
      continue;
    }
    const missingLast = (check.needsLast ?? []).filter((t) => !r.hasLast(t));
    if (missingLast.length) {
      notRun.push({ code: info.code, reason: `needs last year's ${missingLast.join(', ')} (--previous)` });
      continue;
    }
    if (check.needsProviders && !r.providers) {
      notRun.push({ code: info.code, reason: "needs Ofsted's provider list (--providers)" });
      continue;
    }
    if (check.needsPostcodes && !r.postcodes) {
      notRun.push({ code: info.code, reason: 'needs the ONS Postcode Directory (--postcodes FILE, or `lantern reference postcodes load`)' });
      continue;
    }
    if (check.needsLaCode && !r.laCode) {
      notRun.push({ code: info.code, reason: "needs the council's ONS code (--la-code)" });
      continue;
    }
    ran.push(info.code);
    const flagged = check.test(r);
    for (const [key, rows] of Object.entries(flagged) as [FlaggedTable, number[]][]) {
      if (!rows?.length) continue;
      const lastYear = key.endsWith('_last');
      const table = (lastYear ? key.slice(0, -5) : key) as TableName;
      const t = lastYear ? r.last(table) : r.table(table);
      const fieldNames = info.fields.filter((f) => f in t.columns);
      const child = t.columns.CHILD!;
      for (const i of rows) {
        const fields: Record<string, string> = {};
        for (const f of fieldNames) fields[f] = t.columns[f]![i]!;
        failures.push({ code: info.code, message: info.message, table: key, row: i + 1, child: child[i]!, fields });
      }
    }
  }
  return { year: r.year, failures, ran, notRun };
}

/**
 * The CIN census rules for 2025/26, one rule a unit: its definition (definitions.ts, the DfE's
 * code, type, fields and message) and a pure check over one child's typed rows, or — for the
 * few rules about the whole file — an accumulator fed one child at a time, so a file of any
 * size is judged in one pass with bounded memory. Readings of the DfE's wording that needed a
 * choice are noted at the rule and in docs/returns-rules.md.
 */
import { failureOf, type ReturnFailure, type RuleDefinition, type RuleHit } from '../types.ts';
import { CIN_CENSUS_2025_26_DEFINITIONS } from './definitions.ts';
import type { CensusChild, CensusHeader, CensusYear } from './model.ts';
import { type ChildCheck, present } from './check-helpers.ts';
import { childChecks } from './child-checks.ts';

export type { ChildCheck } from './check-helpers.ts';
export type FileCheck = { add(child: CensusChild): void; finish(): (RuleHit & { childId?: string | null })[] };

export type CinCensusRule = RuleDefinition &
  (
    | { scope: 'child'; check: ChildCheck }
    | { scope: 'file'; start: (header: CensusHeader, year: CensusYear) => FileCheck }
    | { scope: 'header'; checkHeader: (header: CensusHeader, year: CensusYear) => RuleHit[] }
  );

/** Rules about the whole file: fed each child in turn, they keep only counts and keys. */
const fileChecks: Record<string, (header: CensusHeader, year: CensusYear) => FileCheck> = {
  '1520': () => duplicates((c) => (present(c.upn) ? (c.upn as string).toUpperCase() : null)),
  '8510': () => duplicates((c) => (present(c.laChildId) ? (c.laChildId as string) : null)),
  // More than 2% of born children with sex U (not recorded).
  '2886Q': () => {
    let born = 0;
    let unknown = 0;
    return {
      add(c) {
        if (!present(c.birthDate)) return;
        born++;
        if (c.sex === 'U') unknown++;
      },
      finish: () => (born > 0 && unknown / born > 0.02 ? [{ row: null }] : []),
    };
  },
  // Fewer than 8 different disability codes (other than NONE) across the return.
  '2887Q': () => {
    const codes = new Set<string>();
    return {
      add(c) {
        for (const x of c.disabilities ?? []) if (x !== 'NONE') codes.add(x);
      },
      finish: () => (codes.size < 8 ? [{ row: null }] : []),
    };
  },
  // Disabled children are recorded, but never a child with more than one disability.
  '2888Q': () => {
    let disabled = 0;
    let several = 0;
    return {
      add(c) {
        const codes = (c.disabilities ?? []).filter((x) => x !== 'NONE');
        if (codes.length > 0) disabled++;
        if (codes.length > 1) several++;
      },
      finish: () => (disabled > 0 && several === 0 ? [{ row: null }] : []),
    };
  },
};

function duplicates(key: (c: CensusChild) => string | null): FileCheck {
  const seen = new Map<string, { first: CensusChild; reported: boolean }>();
  const hits: (RuleHit & { childId: string | null })[] = [];
  return {
    add(c) {
      const k = key(c);
      if (k === null) return;
      const prior = seen.get(k);
      if (!prior) {
        seen.set(k, { first: { laChildId: c.laChildId, line: c.line } as CensusChild, reported: false });
        return;
      }
      if (!prior.reported) {
        hits.push({ childId: prior.first.laChildId, line: prior.first.line ?? null });
        prior.reported = true;
      }
      hits.push({ childId: c.laChildId, line: c.line ?? null });
    },
    finish: () => hits,
  };
}

const headerChecks: Record<string, (header: CensusHeader, year: CensusYear) => RuleHit[]> = {
  '100': (h, y) => (h.referenceDate === y.referenceDate ? [] : [{ row: 'Header' }]),
};

export const CIN_CENSUS_2025_26_RULES: readonly CinCensusRule[] = CIN_CENSUS_2025_26_DEFINITIONS.flatMap((def): CinCensusRule[] => {
  const child = childChecks[def.code];
  if (child) return [{ ...def, scope: 'child', check: child }];
  const file = fileChecks[def.code];
  if (file) return [{ ...def, scope: 'file', start: file }];
  const header = headerChecks[def.code];
  if (header) return [{ ...def, scope: 'header', checkHeader: header }];
  return [];
});

/** Codes in the DfE's list that have no check here (each is explained in docs/returns-rules.md). */
export const CIN_CENSUS_2025_26_NOT_IMPLEMENTED: readonly string[] = CIN_CENSUS_2025_26_DEFINITIONS.map((r) => r.code).filter(
  (code) => !CIN_CENSUS_2025_26_RULES.some((r) => r.code === code),
);

/**
 * Judges a return one child at a time: `child` gives that child's failures at once (so a
 * caller can stream them out), `finish` the file-level ones. Pure: no I/O.
 */
export function cinCensusValidator(header: CensusHeader, year: CensusYear, rules: readonly CinCensusRule[] = CIN_CENSUS_2025_26_RULES) {
  const childRules = rules.filter((r): r is Extract<CinCensusRule, { scope: 'child' }> => r.scope === 'child');
  const files = rules.flatMap((r) => (r.scope === 'file' ? [{ rule: r, check: r.start(header, year) }] : []));
  return {
    header(): ReturnFailure[] {
      return rules.flatMap((r) => (r.scope === 'header' ? r.checkHeader(header, year).map((h) => failureOf(r, null, h)) : []));
    },
    child(child: CensusChild): ReturnFailure[] {
      for (const f of files) f.check.add(child);
      const found: ReturnFailure[] = [];
      for (const r of childRules) for (const h of r.check(child, year)) found.push(failureOf(r, child.laChildId, h));
      return found;
    },
    finish(): ReturnFailure[] {
      return files.flatMap(({ rule, check }) => check.finish().map((h) => failureOf(rule, h.childId ?? null, h)));
    },
  };
}

/** Judges a whole return held in memory (tests, small files). */
export function validateCinCensus(header: CensusHeader, children: readonly CensusChild[], year: CensusYear, rules?: readonly CinCensusRule[]) {
  const v = cinCensusValidator(header, year, rules);
  return [...v.header(), ...children.flatMap((c) => v.child(c)), ...v.finish()];
}

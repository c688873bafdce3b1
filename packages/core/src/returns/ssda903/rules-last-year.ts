/** Rules comparing this year's SSDA903 return with last year's (--previous). */
import { SSDA903_UPN_UNKNOWN } from '../../codes.ts';
import { firstEpisodesAfterOpen, lastYearValue, openLastYear } from './derived.ts';
import { isDay, type Ssda903Return, type TableName } from './model.ts';
import { type RuleCheck, rule, where } from './rule.ts';

/** Rows of `table` flagged by comparing `field` with the child's value in last year's table (children in it only). */
function againstLastYear(code: string, table: TableName, field: string, flagged: (was: string, now: string) => boolean): RuleCheck {
  return rule(
    code,
    [table],
    (r) => {
      const last = lastYearValue(r, table, field);
      const child = r.col(table, 'CHILD');
      const now = r.col(table, field);
      return {
        [table]: where(child.length, (i) => {
          const was = last(child[i]!);
          return was !== undefined && flagged(was, now[i]!);
        }),
      };
    },
    { needsLast: [table] },
  );
}

/** A Header field that must not change from last year (when both years give it). */
const sameAsLastYear = (code: string, field: string, skip: (last: string, now: string) => boolean = () => false) =>
  againstLastYear(code, 'Header', field, (was, now) => was !== '' && now !== '' && was !== now && !skip(was, now));

/** This year's first episode that continues last year's open one (same start date), where `field` differs. */
function firstMatchingOpen(code: string, field: string): RuleCheck {
  return rule(
    code,
    ['Episodes'],
    (r) => {
      const decom = r.days('Episodes', 'DECOM');
      const lastDecom = r.days('Episodes', 'DECOM', true);
      const now = r.col('Episodes', field);
      const was = r.lastCol('Episodes', field);
      return { Episodes: firstEpisodesAfterOpen(r, (first, l) => decom[first] === lastDecom[l] && now[first] !== was[l]) };
    },
    { needsLast: ['Episodes'] },
  );
}

/** Last year's open rows (a start, no end) of `table` should continue into this year's (same child, same start). */
function openCarriedForward(code: string, table: TableName, startField: string, endField: string): RuleCheck {
  return rule(
    code,
    [table],
    (r) => {
      const lastChild = r.lastCol(table, 'CHILD');
      const lastEnd = r.lastCol(table, endField);
      const lastStart = r.lastCol(table, startField);
      const child = r.col(table, 'CHILD');
      const start = r.col(table, startField);
      const now = new Set(child.map((c, i) => `${c}|${start[i]}`));
      return { [`${table}_last`]: where(lastChild.length, (i) => lastEnd[i] === '' && lastStart[i] !== '' && !now.has(`${lastChild[i]}|${lastStart[i]}`)) };
    },
    { needsLast: [table] },
  );
}

const UPN_UNKNOWN = new Set(SSDA903_UPN_UNKNOWN);
export const lastYearRules: RuleCheck[] = [
  sameAsLastYear('202', 'SEX'),
  sameAsLastYear('203', 'DOB'),
  sameAsLastYear('204', 'ETHNIC'),
  // A UPN may replace an unknown code; a known UPN may not change.
  sameAsLastYear('208', 'UPN', (was) => UPN_UNKNOWN.has(was)),
  sameAsLastYear('624', 'MC_DOB'),
  // Once a mother, always a mother.
  sameAsLastYear('207', 'MOTHER', (was, now) => !(was === '1' && now === '0')),
  rule(
    '626',
    ['Header'],
    (r) => {
      const lastMother = lastYearValue(r, 'Header', 'MOTHER');
      const child = r.col('Header', 'CHILD');
      const mc = r.days('Header', 'MC_DOB');
      return { Header: where(child.length, (i) => isDay(mc[i]!) && mc[i]! < r.collectionStart && lastMother(child[i]!) === '0') };
    },
    { needsLast: ['Header'] },
  ),
  rule(
    '502',
    ['Episodes'],
    (r) => {
      const decom = r.days('Episodes', 'DECOM');
      const lastDecom = r.days('Episodes', 'DECOM', true);
      return { Episodes: firstEpisodesAfterOpen(r, (first, l) => decom[first] !== lastDecom[l]) };
    },
    { needsLast: ['Episodes'] },
  ),
  firstMatchingOpen('503A', 'RNE'),
  firstMatchingOpen('503B', 'LS'),
  firstMatchingOpen('503C', 'CIN'),
  firstMatchingOpen('503D', 'PLACE'),
  firstMatchingOpen('503E', 'PLACE_PROVIDER'),
  firstMatchingOpen('503F', 'URN'),
  // An episode from before 1 April should be in last year's return (same child, same start).
  rule(
    '562',
    ['Episodes'],
    (r) => {
      const decom = r.days('Episodes', 'DECOM');
      const child = r.col('Episodes', 'CHILD');
      const lastIx = r.index('Episodes', true);
      const lastDecom = r.days('Episodes', 'DECOM', true);
      return {
        Episodes: where(child.length, (i) => {
          if (!isDay(decom[i]!) || decom[i]! >= r.collectionStart) return false;
          const g = lastIx.byChild.get(child[i]!);
          if (g === undefined) return false;
          for (let k = lastIx.starts[g]!; k < lastIx.starts[g + 1]!; k++) if (lastDecom[lastIx.order[k]!] === decom[i]) return false;
          return true;
        }),
      };
    },
    { needsLast: ['Episodes'] },
  ),
  rule(
    'NoE',
    ['Episodes'],
    (r) => {
      const ix = r.index('Episodes');
      const decom = r.days('Episodes', 'DECOM');
      const before = r.index('Episodes', true).byChild;
      const rows: number[] = [];
      for (let g = 0; g < ix.children.length; g++) {
        const first = ix.order[ix.starts[g]!]!;
        if (isDay(decom[first]!) && decom[first]! < r.collectionStart && !before.has(ix.children[g]!)) rows.push(first);
      }
      return { Episodes: rows.sort((a, b) => a - b) };
    },
    { needsLast: ['Episodes'] },
  ),
  // An open missing period at the end of last year should continue into this year's return.
  openCarriedForward('576', 'Missing', 'MIS_START', 'MIS_END'),
  openCarriedForward('706', 'DoLo', 'DOLO_START', 'DOLO_END'),
  // UASC last year with no date ceased, and in this year's Header but not its UASC table.
  rule(
    '205A',
    ['Header', 'UASC'],
    (r) => {
      const lastDuc = lastYearValue(r, 'UASC', 'DUC');
      const nowUasc = r.index('UASC').byChild;
      const child = r.col('Header', 'CHILD');
      return { Header: where(child.length, (i) => lastDuc(child[i]!) === '' && !nowUasc.has(child[i]!)) };
    },
    { needsLast: ['Header', 'UASC'] },
  ),
  // UASC both years: a date ceased given last year must be the same this year.
  againstLastYear('205B', 'UASC', 'DUC', (was, now) => was !== '' && was !== now),
  // UASC this year, in last year's Header but not last year's UASC table.
  rule(
    '205D',
    ['UASC'],
    (r) => {
      const lastHeader = r.index('Header', true).byChild;
      const lastUasc = r.index('UASC', true).byChild;
      const child = r.col('UASC', 'CHILD');
      return { UASC: where(child.length, (i) => lastHeader.has(child[i]!) && !lastUasc.has(child[i]!)) };
    },
    { needsLast: ['Header', 'UASC'] },
  ),
  // A care leaver who died last year is recorded as dead this year too.
  againstLastYear('348', 'OC3', 'IN_TOUCH', (was, now) => was === 'DIED' && now !== 'DIED'),
  // A care leaver with no episodes in either year has no care to leave.
  rule(
    '1002',
    ['Episodes', 'OC3'],
    (r) => {
      const now = r.index('Episodes').byChild;
      const before = r.index('Episodes', true).byChild;
      return { OC3: careLeaverRows(r, (c) => !now.has(c) && !before.has(c)) };
    },
    { needsLast: ['Episodes'] },
  ),
  // Looked after at the end of last year, no episodes this year, yet care leaver data.
  rule(
    '1010',
    ['Episodes', 'OC3'],
    (r) => {
      const now = r.index('Episodes').byChild;
      const open = openLastYear(r);
      return { OC3: careLeaverRows(r, (c) => !now.has(c) && open.has(c)) };
    },
    { needsLast: ['Episodes'] },
  ),
  rule(
    '559',
    ['PlacedAdoption'],
    (r) => {
      const placed = r.days('PlacedAdoption', 'DATE_PLACED');
      const text = r.col('PlacedAdoption', 'DATE_PLACED');
      const child = r.col('PlacedAdoption', 'CHILD');
      const before = decisionsLastYear(r);
      return {
        PlacedAdoption: where(child.length, (i) => isDay(placed[i]!) && placed[i]! < r.collectionStart && !before.has(decisionKey(child[i]!, text[i]!))),
      };
    },
    { needsLast: ['PlacedAdoption'] },
  ),
  // Last year's latest decision was still open, yet this year's decisions do not include it.
  rule(
    '560',
    ['PlacedAdoption'],
    (r) => {
      const before = r.index('PlacedAdoption', true);
      const lastPlaced = r.lastCol('PlacedAdoption', 'DATE_PLACED');
      const lastCeased = r.lastCol('PlacedAdoption', 'DATE_PLACED_CEASED');
      const ix = r.index('PlacedAdoption');
      const placed = r.col('PlacedAdoption', 'DATE_PLACED');
      const rows: number[] = [];
      for (let g = 0; g < ix.children.length; g++) {
        const b = before.byChild.get(ix.children[g]!);
        if (b === undefined) continue;
        const latest = before.order[before.starts[b + 1]! - 1]!;
        if (lastCeased[latest] !== '' || lastPlaced[latest] === '') continue;
        const mine = Array.from(ix.order.subarray(ix.starts[g]!, ix.starts[g + 1]!));
        if (!mine.some((i) => placed[i] === lastPlaced[latest])) rows.push(mine[0]!);
      }
      return { PlacedAdoption: rows.sort((a, b) => a - b) };
    },
    { needsLast: ['PlacedAdoption'] },
  ),
  // The same decision as last year, though last year it had ceased.
  rule(
    '561',
    ['PlacedAdoption'],
    (r) => {
      const ceasedBefore = decisionsLastYear(r, { ceasedOnly: true });
      const child = r.col('PlacedAdoption', 'CHILD');
      const placed = r.col('PlacedAdoption', 'DATE_PLACED');
      const ceased = r.col('PlacedAdoption', 'DATE_PLACED_CEASED');
      return { PlacedAdoption: where(child.length, (i) => placed[i] !== '' && ceased[i] === '' && ceasedBefore.has(decisionKey(child[i]!, placed[i]!))) };
    },
    { needsLast: ['PlacedAdoption'] },
  ),
];

/** A placed-for-adoption decision as one key: the child and the date placed, as written. */
const decisionKey = (child: string, placed: string) => `${child}|${placed}`;

/** Last year's placed-for-adoption decisions as keys (only those that had ceased, when asked). */
function decisionsLastYear(r: Ssda903Return, { ceasedOnly = false } = {}): Set<string> {
  const child = r.lastCol('PlacedAdoption', 'CHILD');
  const placed = r.lastCol('PlacedAdoption', 'DATE_PLACED');
  const ceased = r.lastCol('PlacedAdoption', 'DATE_PLACED_CEASED');
  const out = new Set<string>();
  for (let i = 0; i < child.length; i++) if (!ceasedOnly || ceased[i] !== '') out.add(decisionKey(child[i]!, placed[i]!));
  return out;
}

function careLeaverRows(r: Ssda903Return, test: (child: string) => boolean): number[] {
  const child = r.col('OC3', 'CHILD');
  const cols = ['IN_TOUCH', 'ACTIV', 'ACCOM'].map((f) => r.col('OC3', f));
  return where(child.length, (i) => cols.some((c) => c[i] !== '') && test(child[i]!));
}

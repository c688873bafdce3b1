/**
 * Social worker episodes, deprivation of liberty (2026/27), rules comparing with last
 * year's return, and rules against Ofsted's provider list.
 */
import { SSDA903_UPN_UNKNOWN } from '../../codes.ts';
import { firstEpisodesAfterOpen, inYear, lastEpisodeOf, lastYearValue, lookedAfterAtEnd, openLastYear } from './derived.ts';
import { BLANK, dayNumber, isDay, type Provider, type Ssda903Return, type TableName } from './model.ts';
import { dateRule, type RuleCheck, rowRule, rule, where } from './rule.ts';

// ---------------------------------------------------------------------------------------------
// SWEpisodes

const SW_REASONS = ['MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS'];
function sw(r: Ssda903Return) {
  return {
    child: r.col('SWEpisodes', 'CHILD'),
    id: r.col('SWEpisodes', 'SW_ID'),
    reason: r.col('SWEpisodes', 'SW_REASON'),
    startText: r.col('SWEpisodes', 'SW_DECOM'),
    start: r.days('SWEpisodes', 'SW_DECOM'),
    end: r.days('SWEpisodes', 'SW_DEC'),
    ix: r.index('SWEpisodes'),
  };
}
const swRule = (code: string, pred: (r: Ssda903Return, s: ReturnType<typeof sw>) => (i: number) => boolean) =>
  rowRule(code, 'SWEpisodes', (r) => pred(r, sw(r)));

/** For children looked after at 31 March: their SW episode rows, or their last Episodes row when they have none. */
function lookedAfterChildrenSw(r: Ssda903Return, test: (s: ReturnType<typeof sw>, rows: number[]) => number[]): { SWEpisodes: number[]; Episodes: number[] } {
  const s = sw(r);
  const last = lastEpisodeOf(r);
  const out = { SWEpisodes: [] as number[], Episodes: [] as number[] };
  for (const child of lookedAfterAtEnd(r)) {
    const g = s.ix.byChild.get(child);
    if (g === undefined) {
      out.Episodes.push(last.get(child)!);
      continue;
    }
    out.SWEpisodes.push(...test(s, Array.from(s.ix.order.subarray(s.ix.starts[g]!, s.ix.starts[g + 1]!))));
  }
  out.SWEpisodes.sort((a, b) => a - b);
  out.Episodes.sort((a, b) => a - b);
  return out;
}

const swRules: RuleCheck[] = [
  swRule('SW01aSTG1', (_r, s) => (i) => s.id[i] === '' || s.startText[i] === ''),
  // From 1 April 2023 every social worker episode has an ID and a reason; every one has a start.
  swRule(
    'SW01bSTG1',
    (_r, s) => (i) => s.startText[i] === '' || (isDay(s.start[i]!) && s.start[i]! >= dayNumber(2023, 4, 1) && (s.id[i] === '' || s.reason[i] === '')),
  ),
  swRule('SW02STG1', (_r, s) => (i) => s.id[i] !== '' && !s.id[i]!.startsWith('SW') && !s.id[i]!.startsWith('XX')),
  dateRule('SW04STG1', 'SWEpisodes', 'SW_DECOM'),
  dateRule('SW05STG1', 'SWEpisodes', 'SW_DEC'),
  swRule('SW06STG2', (r, s) => (i) => isDay(s.start[i]!) && s.start[i]! > r.collectionEnd),
  swRule('SW07STG2', (r, s) => (i) => isDay(s.end[i]!) && (s.end[i]! < r.collectionStart || s.end[i]! > r.collectionEnd)),
  swRule('SW08STG2', (_r, s) => (i) => s.ix.next[i] !== -1 && s.end[i] === BLANK),
  swRule('SW09STG2', (_r, s) => (i) => isDay(s.start[i]!) && s.end[i] === s.start[i]),
  swRule('SW10STG2', (_r, s) => (i) => {
    const p = s.ix.prev[i]!;
    return p !== -1 && isDay(s.end[p]!) && isDay(s.start[i]!) && s.start[i]! < s.end[p]!;
  }),
  rowRule('SW13STG1', 'SWEpisodes', (r) => {
    const reason = r.col('SWEpisodes', 'SW_REASON');
    return (i) => reason[i] !== '' && !SW_REASONS.includes(reason[i]!);
  }),
  // For a child looked after at 31 March, a social worker episode ending before then needs a successor.
  rule('SW11bSTG2', ['SWEpisodes', 'Episodes'], (r) => ({
    SWEpisodes: lookedAfterChildrenSw(r, (s, rows) => rows.filter((i) => s.ix.next[i] === -1 && isDay(s.end[i]!) && s.end[i]! < r.collectionEnd)).SWEpisodes,
  })),
  // Social worker episodes covering the year for children looked after at 31 March, "even those
  // whilst they were not looked after": from 1 April, or from when care began if that was later.
  // A child first known to the council in the year had no social worker before; what the file
  // can show is a gap between care starting and the first social worker episode.
  rule('SW12STG2', ['SWEpisodes', 'Episodes'], (r) => {
    const ix = r.index('Episodes');
    const decom = r.days('Episodes', 'DECOM');
    const careFrom = (child: string) => {
      const g = ix.byChild.get(child);
      const first = g === undefined ? undefined : decom[ix.order[ix.starts[g]!]!];
      return first !== undefined && isDay(first) && first > r.collectionStart ? first : r.collectionStart;
    };
    return lookedAfterChildrenSw(r, (s, rows) => {
      const first = rows[0]!;
      return isDay(s.start[first]!) && s.start[first]! > careFrom(s.child[first]!) ? [first] : [];
    });
  }),
  rule('SW17STG2', ['SWEpisodes', 'Episodes'], (r) =>
    lookedAfterChildrenSw(r, (s, rows) => {
      const open = rows.some((i) => isDay(s.start[i]!) && s.start[i]! <= r.collectionEnd && (s.end[i] === BLANK || s.end[i]! >= r.collectionEnd));
      return open ? [] : [rows[rows.length - 1]!];
    }),
  ),
];

// ---------------------------------------------------------------------------------------------
// DoLo: deprivation of liberty orders (2026/27)

function dolo(r: Ssda903Return) {
  return {
    child: r.col('DoLo', 'CHILD'),
    start: r.days('DoLo', 'DOLO_START'),
    end: r.days('DoLo', 'DOLO_END'),
    endText: r.col('DoLo', 'DOLO_END'),
    ix: r.index('DoLo'),
  };
}
const doloRule = (code: string, pred: (r: Ssda903Return, d: ReturnType<typeof dolo>) => (i: number) => boolean) =>
  rowRule(code, 'DoLo', (r) => pred(r, dolo(r)));
/** Placements a DoLO cannot be in: secure children's home, with parents, YOI, supported accommodation. */
const NO_DOLO_PLACES = new Set(['K1', 'P1', 'R5', 'K3']);

const doloRules: RuleCheck[] = [
  dateRule('700', 'DoLo', 'DOLO_START', true),
  dateRule('701', 'DoLo', 'DOLO_END'),
  doloRule('702', (_r, d) => (i) => isDay(d.start[i]!) && isDay(d.end[i]!) && d.end[i]! < d.start[i]!),
  doloRule('703', (r, d) => (i) => isDay(d.start[i]!) && d.start[i]! > r.collectionEnd),
  doloRule('704', (r, d) => (i) => isDay(d.end[i]!) && (d.end[i]! < r.collectionStart || d.end[i]! > r.collectionEnd)),
  doloRule('705', (_r, d) => (i) => {
    const p = d.ix.prev[i]!;
    return p !== -1 && isDay(d.start[i]!) && (d.end[p] === BLANK || (isDay(d.end[p]!) && d.end[p]! > d.start[i]!));
  }),
  doloRule('708', (r, d) => {
    const dob = r.days('DoLo', 'DOB');
    return (i) => isDay(d.start[i]!) && isDay(dob[i]!) && d.start[i]! < dob[i]!;
  }),
  rule('707', ['DoLo', 'Episodes'], (r) => {
    const d = dolo(r);
    const rec = r.col('Episodes', 'REC');
    const last = lastEpisodeOf(r);
    return {
      DoLo: where(d.child.length, (i) => {
        const l = last.get(d.child[i]!);
        return d.endText[i] === '' && l !== undefined && rec[l] !== '' && rec[l] !== 'X1';
      }),
    };
  }),
  // An episode in one of those placements overlapping the order.
  rule('710', ['DoLo', 'Episodes'], (r) => {
    const d = dolo(r);
    const ix = r.index('Episodes');
    const place = r.col('Episodes', 'PLACE');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    return {
      DoLo: where(d.child.length, (i) => {
        const g = ix.byChild.get(d.child[i]!);
        if (g === undefined || !isDay(d.start[i]!)) return false;
        const to = isDay(d.end[i]!) ? d.end[i]! : r.collectionEnd;
        for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++) {
          const e = ix.order[k]!;
          const eEnd = isDay(dec[e]!) ? dec[e]! : r.collectionEnd;
          if (NO_DOLO_PLACES.has(place[e]!) && decom[e]! <= to && eEnd >= d.start[i]!) return true;
        }
        return false;
      }),
    };
  }),
];

const SHORT_BREAK = new Set(['V3', 'V4']);
const squash = (p: string) => p.replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// Compared with last year's return (--previous)

/** A Header field that must not change from last year (when both years give it). */
function sameAsLastYear(code: string, field: string, skip: (last: string, now: string) => boolean = () => false): RuleCheck {
  return rule(
    code,
    ['Header'],
    (r) => {
      const last = lastYearValue(r, 'Header', field);
      const child = r.col('Header', 'CHILD');
      const now = r.col('Header', field);
      return {
        Header: where(child.length, (i) => {
          const was = last(child[i]!);
          return was !== undefined && was !== '' && now[i] !== '' && was !== now[i] && !skip(was, now[i]!);
        }),
      };
    },
    { needsLast: ['Header'] },
  );
}

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
const lastYearRules: RuleCheck[] = [
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
  rule(
    '205B',
    ['UASC'],
    (r) => {
      const lastDuc = lastYearValue(r, 'UASC', 'DUC');
      const child = r.col('UASC', 'CHILD');
      const duc = r.col('UASC', 'DUC');
      return {
        UASC: where(child.length, (i) => {
          const was = lastDuc(child[i]!);
          return was !== undefined && was !== '' && was !== duc[i];
        }),
      };
    },
    { needsLast: ['UASC'] },
  ),
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
  rule(
    '348',
    ['OC3'],
    (r) => {
      const was = lastYearValue(r, 'OC3', 'IN_TOUCH');
      const child = r.col('OC3', 'CHILD');
      const now = r.col('OC3', 'IN_TOUCH');
      return { OC3: where(child.length, (i) => was(child[i]!) === 'DIED' && now[i] !== 'DIED') };
    },
    { needsLast: ['OC3'] },
  ),
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
      const before = new Set(r.lastCol('PlacedAdoption', 'CHILD').map((c, i) => `${c}|${r.lastCol('PlacedAdoption', 'DATE_PLACED')[i]}`));
      return { PlacedAdoption: where(child.length, (i) => isDay(placed[i]!) && placed[i]! < r.collectionStart && !before.has(`${child[i]}|${text[i]}`)) };
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
      const lastChild = r.lastCol('PlacedAdoption', 'CHILD');
      const lastPlaced = r.lastCol('PlacedAdoption', 'DATE_PLACED');
      const lastCeased = r.lastCol('PlacedAdoption', 'DATE_PLACED_CEASED');
      const ceasedBefore = new Set<string>();
      for (let i = 0; i < lastChild.length; i++) if (lastCeased[i] !== '') ceasedBefore.add(`${lastChild[i]}|${lastPlaced[i]}`);
      const child = r.col('PlacedAdoption', 'CHILD');
      const placed = r.col('PlacedAdoption', 'DATE_PLACED');
      const ceased = r.col('PlacedAdoption', 'DATE_PLACED_CEASED');
      return { PlacedAdoption: where(child.length, (i) => placed[i] !== '' && ceased[i] === '' && ceasedBefore.has(`${child[i]}|${placed[i]}`)) };
    },
    { needsLast: ['PlacedAdoption'] },
  ),
];

function careLeaverRows(r: Ssda903Return, test: (child: string) => boolean): number[] {
  const child = r.col('OC3', 'CHILD');
  const cols = ['IN_TOUCH', 'ACTIV', 'ACCOM'].map((f) => r.col('OC3', f));
  return where(child.length, (i) => cols.some((c) => c[i] !== '') && test(child[i]!));
}

// ---------------------------------------------------------------------------------------------
// Against Ofsted's provider list (--providers)

function providerRule(code: string, test: (r: Ssda903Return, p: Provider, i: number) => boolean, opts: { needsLaCode?: boolean } = {}): RuleCheck {
  return rule(
    code,
    ['Episodes'],
    (r) => {
      const urn = r.col('Episodes', 'URN');
      const open = inYear(r);
      return {
        Episodes: where(urn.length, (i) => {
          if (urn[i] === '' || urn[i] === 'XXXXXXX' || !open(i)) return false;
          const p = r.providers!.get(urn[i]!);
          return p !== undefined && test(r, p, i);
        }),
      };
    },
    { needsProviders: true, ...opts },
  );
}

const providerRules: RuleCheck[] = [
  rule(
    '1008',
    ['Episodes'],
    (r) => {
      const urn = r.col('Episodes', 'URN');
      const open = inYear(r);
      return { Episodes: where(urn.length, (i) => urn[i] !== '' && urn[i] !== 'XXXXXXX' && open(i) && !r.providers!.has(urn[i]!)) };
    },
    { needsProviders: true },
  ),
  providerRule('219', (r, p, i) => p.placeCodes.length > 0 && !p.placeCodes.includes(r.col('Episodes', 'PLACE')[i]!)),
  providerRule('224', (r, p, i) => p.providerCodes.length > 0 && !p.providerCodes.includes(r.col('Episodes', 'PLACE_PROVIDER')[i]!)),
  providerRule('221', (r, p, i) => {
    const place = r.col('Episodes', 'PLACE')[i]!;
    const ls = r.col('Episodes', 'LS')[i]!;
    const pl = r.col('Episodes', 'PL_POST')[i]!;
    return ['K1', 'K2', 'K3', 'R3', 'S1'].includes(place) && !SHORT_BREAK.has(ls) && p.postcode !== '' && squash(pl) !== squash(p.postcode);
  }),
  providerRule('227', (r, p, i) => {
    const d = r.days('Episodes', 'DECOM')[i]!;
    return isDay(d) && ((isDay(p.registered) && p.registered > d) || (isDay(p.closed) && p.closed < d));
  }),
  providerRule('228', (r, p, i) => {
    const dec = r.days('Episodes', 'DEC')[i]!;
    const d = dec === BLANK ? r.collectionEnd : dec;
    return isDay(d) && ((isDay(p.registered) && p.registered > d) || (isDay(p.closed) && p.closed < d));
  }),
  // PR1 (own provision) should be in the council's own area; PR2 (another council's) outside it.
  providerRule(
    '229',
    (r, p, i) => {
      const provider = r.col('Episodes', 'PLACE_PROVIDER')[i]!;
      if (p.laCode === '') return false;
      return (provider === 'PR1' && p.laCode !== r.laCode) || (provider === 'PR2' && p.laCode === r.laCode);
    },
    { needsLaCode: true },
  ),
];

export const moreRules: RuleCheck[] = [...swRules, ...doloRules, ...lastYearRules, ...providerRules];

/**
 * Social worker episodes, deprivation of liberty (2026/27), and rules against Ofsted's provider
 * list; rules comparing with last year's return are in rules-last-year.ts.
 */
import { DOLO_PLACES, NO_DOLO_PLACES } from '../../looked-after/codes.ts';
import { inYear, lastEpisodeOf, lookedAfterAtEnd, SHORT_BREAK } from './derived.ts';
import { BLANK, dayNumber, isDay, type Provider, type Ssda903Return } from './model.ts';
import { dateRule, type RuleCheck, rowRule, rowRuleReading, rule, where } from './rule.ts';
import { lastYearRules } from './rules-last-year.ts';

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
const swRule = rowRuleReading('SWEpisodes', sw);

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
const doloRule = rowRuleReading('DoLo', dolo);

/** The orders, and the episodes' placements and dates by child, as rules 709 and 710 compare them. */
function ordersAndEpisodes(r: Ssda903Return) {
  return { d: dolo(r), ix: r.index('Episodes'), place: r.col('Episodes', 'PLACE'), decom: r.days('Episodes', 'DECOM'), dec: r.days('Episodes', 'DEC') };
}

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
  // An order with both dates, overlapping an episode in any placement but a children's home (K2) or
  // Z12 / Z13: both rows are flagged. As data-to-insight's 2026/27 rule_709.py defines it (the DfE's
  // message names no placements); that code reads a column PLACEMENT the Episodes table does not
  // have, so there it cannot run on a return; this reads PLACE.
  rule('709', ['DoLo', 'Episodes'], (r) => {
    const { d, ix, place, decom, dec } = ordersAndEpisodes(r);
    const decText = r.col('Episodes', 'DEC');
    const episodes = new Set<number>();
    const orders = where(d.child.length, (i) => {
      const g = ix.byChild.get(d.child[i]!);
      if (g === undefined || !isDay(d.start[i]!) || !isDay(d.end[i]!)) return false;
      let wrong = false;
      for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++) {
        const e = ix.order[k]!;
        const overlaps = (decText[e] === '' || (isDay(dec[e]!) && d.start[i]! <= dec[e]!)) && isDay(decom[e]!) && d.end[i]! >= decom[e]!;
        if (overlaps && !DOLO_PLACES.has(place[e]!)) {
          episodes.add(e);
          wrong = true;
        }
      }
      return wrong;
    });
    return { DoLo: orders, Episodes: [...episodes].sort((a, b) => a - b) };
  }),
  // An episode in one of those placements overlapping the order.
  rule('710', ['DoLo', 'Episodes'], (r) => {
    const { d, ix, place, decom, dec } = ordersAndEpisodes(r);
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

const squash = (p: string) => p.replace(/\s+/g, '');

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

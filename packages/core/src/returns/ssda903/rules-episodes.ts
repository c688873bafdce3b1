/** Episodes rules: codes, dates, the order of episodes, legal statuses, placements and providers. */
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  REASON_ENDED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
} from '../../looked-after/codes.ts';
import { ADOPTION_PLACEMENTS, countryOfPostcode, FOSTER, headerDobFor, periodStartRow, SHORT_BREAK } from './derived.ts';
import { ageOn, BLANK, birthday, dayNumber, isDay, type Ssda903Return } from './model.ts';
import { codeRule, dateRule, type RuleCheck, rowRuleReading, rule, where } from './rule.ts';

// The code lists are Lantern's own (what it records is what the return carries): their codes, as the rules check them.
export const RNE_CODES = Object.keys(REASON_NEW_EPISODE);
export const LS_CODES = Object.keys(LEGAL_STATUS);
export const CIN_CODES = Object.keys(CATEGORY_OF_NEED);
/** PLACE codes from 2025/26: Z1 is replaced by Z11–Z14 (H5 and P2 went in 2024/25). */
export const PLACE_CODES = Object.keys(PLACEMENT_TYPE);
export const REC_CODES = Object.keys(REASON_ENDED);
export const PROVIDER_CODES = Object.keys(PLACEMENT_PROVIDER);
export const PLACE_CHANGE_CODES = Object.keys(REASON_PLACE_CHANGE);
const TEMPORARY = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
const A3_A5_FROM = dayNumber(2015, 4, 1);
const Z_CODES = ['Z11', 'Z12', 'Z13', 'Z14'];
/** Placements that have no provider (rule 178; 213 adds T4). */
const NO_PROVIDER_178 = new Set(['T0', 'T1', 'T2', 'T3', ...Z_CODES]);
const NO_PROVIDER_213 = new Set([...TEMPORARY, ...Z_CODES]);
/** Placements that have no Ofsted URN (rules 218, 222). */
const NO_URN = new Set(['P1', 'P3', 'R1', 'R2', 'R5', ...TEMPORARY, ...Z_CODES]);

/** Columns used by most rules, fetched once per rule run. */
function cols(r: Ssda903Return) {
  const c = (f: string) => r.col('Episodes', f);
  return {
    child: c('CHILD'),
    rne: c('RNE'),
    ls: c('LS'),
    cin: c('CIN'),
    place: c('PLACE'),
    provider: c('PLACE_PROVIDER'),
    rec: c('REC'),
    why: c('REASON_PLACE_CHANGE'),
    homePost: c('HOME_POST'),
    plPost: c('PL_POST'),
    urn: c('URN'),
    decom: r.days('Episodes', 'DECOM'),
    dec: r.days('Episodes', 'DEC'),
    ix: r.index('Episodes'),
  };
}

const episodes = rowRuleReading('Episodes', cols);

/** Age on a day, from Header's date of birth; -1 when either date is unknown. */
function ageAt(r: Ssda903Return) {
  const dob = headerDobFor(r, 'Episodes');
  return (i: number, day: number) => (isDay(dob[i]!) && isDay(day) ? ageOn(dob[i]!, day) : -1);
}

/** An episode of `status` lasting more than `days` (an open one counted to 31 March). */
/**
 * A legal status that "lasted longer than" its limit: the order runs across a change of placement, so
 * consecutive episodes (each starting the day the one before ended) with the status count as one; an
 * open one counts to 31 March. `single`: each episode on its own (365: "any individual … placement").
 */
function longerThan(code: string, statuses: string[], days: number, single = false): RuleCheck {
  return rule(code, ['Episodes'], (r) => {
    const e = cols(r);
    const has = (i: number) => statuses.includes(e.ls[i]!) && isDay(e.decom[i]!);
    const end = (i: number) => (e.dec[i] === BLANK ? r.collectionEnd : e.dec[i]!);
    const rows: number[] = [];
    for (let i = 0; i < e.child.length; i++) {
      if (!has(i)) continue;
      const p = e.ix.prev[i]!;
      // Start of a run only: the episode before it is not a continuation with the same status.
      if (!single && p !== -1 && has(p) && e.dec[p] === e.decom[i]) continue;
      const run = [i];
      let last = i;
      for (let n = e.ix.next[last]!; !single && n !== -1 && has(n) && e.dec[last] === e.decom[n]; n = e.ix.next[n]!) {
        run.push(n);
        last = n;
      }
      if (isDay(end(last)) && end(last) - e.decom[i]! > days) rows.push(...run);
    }
    return { Episodes: rows.sort((a, b) => a - b) };
  });
}
function placementLongerThan(code: string, place: string, days: number): RuleCheck {
  return episodes(code, (_r, e) => (i) => e.place[i] === place && isDay(e.decom[i]!) && isDay(e.dec[i]!) && e.dec[i]! - e.decom[i]! > days);
}
function placementUnder(code: string, places: string[], years: number): RuleCheck {
  return episodes(
    code,
    (r, e) => {
      const age = ageAt(r);
      return (i) => places.includes(e.place[i]!) && age(i, e.decom[i]!) >= 0 && age(i, e.decom[i]!) < years;
    },
    ['Episodes', 'Header'],
  );
}
function reasonAtAge(code: string, reasons: string[], test: (age: number) => boolean): RuleCheck {
  return episodes(
    code,
    (r, e) => {
      const age = ageAt(r);
      return (i) => reasons.includes(e.rec[i]!) && age(i, e.dec[i]!) >= 0 && test(age(i, e.dec[i]!));
    },
    ['Episodes', 'Header'],
  );
}
function providerNotWith(code: string, provider: string, places: string[]): RuleCheck {
  return episodes(code, (_r, e) => (i) => e.provider[i] === provider && places.includes(e.place[i]!));
}
const samePlacement = (e: ReturnType<typeof cols>, a: number, b: number) =>
  e.place[a] === e.place[b] && e.provider[a] === e.provider[b] && e.plPost[a] === e.plPost[b] && e.urn[a] === e.urn[b];

export const episodeRules: RuleCheck[] = [
  dateRule('141', 'Episodes', 'DECOM', true),
  dateRule('147', 'Episodes', 'DEC'),
  codeRule('143', 'Episodes', 'RNE', RNE_CODES, true),
  codeRule('144', 'Episodes', 'LS', LS_CODES, true),
  codeRule('145', 'Episodes', 'CIN', CIN_CODES, true),
  codeRule('146', 'Episodes', 'PLACE', PLACE_CODES, true),
  codeRule('149', 'Episodes', 'REC', REC_CODES),
  codeRule('1009', 'Episodes', 'REASON_PLACE_CHANGE', PLACE_CHANGE_CODES),
  episodes('142', (_r, e) => (i) => e.ix.next[i] !== -1 && (e.dec[i] === BLANK || e.rec[i] === '')),
  episodes('148', (_r, e) => (i) => (e.dec[i] === BLANK) !== (e.rec[i] === '')),
  episodes('178', (_r, e) => (i) => e.provider[i] !== '' && (!PROVIDER_CODES.includes(e.provider[i]!) || NO_PROVIDER_178.has(e.place[i]!))),
  episodes('213', (_r, e) => (i) => e.provider[i] !== '' && NO_PROVIDER_213.has(e.place[i]!)),
  episodes('526', (_r, e) => (i) => e.provider[i] === '' && e.place[i] !== '' && !NO_PROVIDER_213.has(e.place[i]!)),
  episodes('214', (_r, e) => (i) => SHORT_BREAK.has(e.ls[i]!) && (e.plPost[i] !== '' || (e.urn[i] !== '' && e.urn[i] !== 'XXXXXXX'))),
  // From 1 April 2015, when the A3/A5 codes began (episodes before then used other codes).
  episodes('217', (_r, e) => (i) => (e.place[i] === 'A3' || e.place[i] === 'A5') && e.decom[i]! >= A3_A5_FROM && !['S', 'T', 'U'].includes(e.rne[i]!)),
  // Placements outside England need no URN; without the ONS directory only postcodes in areas
  // wholly in Scotland, Wales or Northern Ireland are recognised as such.
  episodes(
    '218',
    (r, e) => (i) =>
      e.urn[i] === '' &&
      e.place[i] !== '' &&
      !NO_URN.has(e.place[i]!) &&
      (e.dec[i] === BLANK || e.dec[i]! >= r.collectionStart) &&
      countryOfPostcode(e.plPost[i]!) === '',
  ),
  episodes('222', (_r, e) => (i) => NO_URN.has(e.place[i]!) && e.urn[i] !== '' && e.urn[i] !== 'XXXXXXX'),
  episodes('225', (r, e) => (i) => {
    const n = e.ix.next[i]!;
    return (
      n !== -1 &&
      e.rec[i] === 'X1' &&
      ['P', 'B', 'T', 'U'].includes(e.rne[n]!) &&
      !TEMPORARY.has(e.place[i]!) &&
      !TEMPORARY.has(e.place[n]!) &&
      isDay(e.dec[i]!) &&
      e.dec[i]! >= r.collectionStart &&
      e.why[i] === ''
    );
  }),
  // Neither a temporary placement nor the episode that ended in the move to it has a reason for change.
  episodes('226', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return TEMPORARY.has(e.place[i]!) && (e.why[i] !== '' || (p !== -1 && e.why[p] !== ''));
  }),
  episodes('233', (_r, e) => (i) => e.dec[i] === BLANK && e.why[i] !== ''),
  episodes(
    '234',
    (r, e) => {
      const age = ageAt(r);
      return (i) => e.why[i] === 'CUSTOD' && age(i, e.dec[i]!) >= 0 && age(i, e.dec[i]!) < 10;
    },
    ['Episodes', 'Header'],
  ),
  episodes(
    '302',
    (r, e) => {
      const dob = headerDobFor(r, 'Episodes');
      return (i) => e.ix.prev[i] === -1 && isDay(dob[i]!) && isDay(e.decom[i]!) && e.decom[i]! < dob[i]!;
    },
    ['Episodes', 'Header'],
  ),
  episodes(
    '352',
    (r, e) => {
      const age = ageAt(r);
      return (i) => e.rne[i] === 'S' && age(i, e.decom[i]!) >= 18;
    },
    ['Episodes', 'Header'],
  ),
  episodes('353', (_r, e) => (i) => isDay(e.decom[i]!) && e.decom[i]! < dayNumber(1991, 10, 14)),
  episodes('354', (r, e) => (i) => isDay(e.decom[i]!) && e.decom[i]! > r.collectionEnd),
  episodes('385', (r, e) => (i) => isDay(e.dec[i]!) && e.dec[i]! > r.collectionEnd),
  episodes('355', (_r, e) => (i) => isDay(e.decom[i]!) && e.dec[i] === e.decom[i]),
  episodes('356', (_r, e) => (i) => isDay(e.decom[i]!) && isDay(e.dec[i]!) && e.dec[i]! < e.decom[i]!),
  // A child's first episode in the return, if it starts in the year, must start a period of care.
  episodes('357', (r, e) => (i) => e.ix.prev[i] === -1 && isDay(e.decom[i]!) && e.decom[i]! >= r.collectionStart && e.rne[i] !== 'S'),
  episodes(
    '358',
    (r, e) => {
      const age = ageAt(r);
      return (i) => ['J1', 'J2', 'J3'].includes(e.ls[i]!) && age(i, e.decom[i]!) >= 0 && age(i, e.decom[i]!) < 10;
    },
    ['Episodes', 'Header'],
  ),
  longerThan('361', ['L1'], 3),
  longerThan('362', ['L2'], 21),
  longerThan('363', ['L3'], 7),
  longerThan('365', ['V3'], 17, true),
  episodes('366', (_r, e) => (i) => e.ls[i] === 'V3' && e.rne[i] !== 'S' && e.rne[i] !== ''),
  // Days of V3 short breaks within the collection year, per child.
  rule('367', ['Episodes'], (r) => {
    const e = cols(r);
    const total = new Map<string, number>();
    for (let i = 0; i < e.child.length; i++) {
      if (e.ls[i] !== 'V3' || !isDay(e.decom[i]!)) continue;
      const from = Math.max(e.decom[i]!, r.collectionStart);
      const to = Math.min(isDay(e.dec[i]!) ? e.dec[i]! : r.collectionEnd, r.collectionEnd);
      if (to > from) total.set(e.child[i]!, (total.get(e.child[i]!) ?? 0) + (to - from));
    }
    return { Episodes: where(e.child.length, (i) => e.ls[i] === 'V3' && (total.get(e.child[i]!) ?? 0) > 75) };
  }),
  placementUnder('371', ['K3', 'H5'], 16),
  placementUnder('372', ['R5'], 10),
  placementUnder('373', ['S1'], 4),
  placementUnder('374', ['P3'], 14),
  placementLongerThan('375', 'T1', 42),
  placementLongerThan('376', 'T3', 21),
  placementLongerThan('379', 'T4', 7),
  // "Only two temporary placements … (T3) in any 12-month period": placements, so an episode that only
  // changes the legal status (RNE L) in the same T3 placement is not another one.
  rule('377', ['Episodes'], (r) => {
    const e = cols(r);
    const starts = new Map<string, number[]>();
    for (let k = 0; k < e.ix.order.length; k++) {
      const i = e.ix.order[k]!;
      if (e.place[i] !== 'T3' || e.rne[i] === 'L' || !isDay(e.decom[i]!)) continue;
      const list = starts.get(e.child[i]!);
      if (list) list.push(i);
      else starts.set(e.child[i]!, [i]);
    }
    const flagged: number[] = [];
    for (const rows of starts.values()) {
      const hit = new Set<number>();
      for (let a = 0; a < rows.length; a++) {
        let b = a;
        while (b + 1 < rows.length && e.decom[rows[b + 1]!]! < birthday(e.decom[rows[a]!]!, 1)) b++;
        if (b - a + 1 > 2) for (let k = a; k <= b; k++) hit.add(rows[k]!);
      }
      flagged.push(...hit);
    }
    return { Episodes: flagged.sort((x, y) => x - y) };
  }),
  episodes('378', (_r, e) => (i) => e.place[i] === 'P1' && e.ls[i] === 'V2'),
  // A temporary placement only follows a placement the child returns to: its RNE is P or B. Any
  // other reason (S, L, T, U) would make it the start of a period or a new placement of its own.
  episodes('380', (_r, e) => (i) => TEMPORARY.has(e.place[i]!) && e.rne[i] !== 'P' && e.rne[i] !== 'B'),
  episodes('381', (_r, e) => (i) => e.rec[i] !== '' && e.rec[i] !== 'X1' && TEMPORARY.has(e.place[i]!)),
  episodes('382', (_r, e) => (i) => SHORT_BREAK.has(e.ls[i]!) && TEMPORARY.has(e.place[i]!)),
  // After a temporary placement the child goes back (RNE P) to the placement before it.
  episodes('383', (_r, e) => (i) => {
    const t = e.ix.prev[i]!;
    const before = t === -1 ? -1 : e.ix.prev[t]!;
    if (before === -1 || !TEMPORARY.has(e.place[t]!)) return false;
    return e.rne[i] !== 'P' || e.place[i] !== e.place[before] || e.plPost[i] !== e.plPost[before];
  }),
  episodes('384', (_r, e) => (i) => SHORT_BREAK.has(e.ls[i]!) && (e.place[i] === 'U1' || e.place[i] === 'U4')),
  reasonAtAge('386', ['E11', 'E12'], (a) => a >= 18),
  reasonAtAge('387', ['E5', 'E6'], (a) => a < 14),
  reasonAtAge('389', ['E7'], (a) => a < 16),
  reasonAtAge('407', ['E45', 'E46', 'E47', 'E48'], (a) => a >= 18),
  reasonAtAge('460', ['E17'], (a) => a < 18),
  episodes('388', (_r, e) => (i) => {
    const n = e.ix.next[i]!;
    // Only a ceased episode: X1 on an open one (no DEC) is rule 148's finding.
    if (e.rec[i] === 'X1') return isDay(e.dec[i]!) && (n === -1 || e.decom[n] !== e.dec[i]);
    return e.rec[i] !== '' && n !== -1 && isDay(e.dec[i]!) && e.decom[n] === e.dec[i];
  }),
  episodes('390', (_r, e) => (i) => (e.rec[i] === 'E11' || e.rec[i] === 'E12') && !ADOPTION_PLACEMENTS.has(e.place[i]!)),
  // A5/A6 is a placement "with placement order": the order is E1 (a freeing order, D1, is not one).
  episodes('408', (_r, e) => (i) => (e.place[i] === 'A5' || e.place[i] === 'A6') && e.ls[i] !== 'E1'),
  // A new period of care (S) starts after the previous one ended: on the same day (or before) it is a
  // continuation, not a new start.
  episodes('431', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return e.rne[i] === 'S' && p !== -1 && isDay(e.dec[p]!) && isDay(e.decom[i]!) && e.decom[i]! <= e.dec[p]!;
  }),
  episodes('432', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && e.rec[p] !== '' && e.rec[p] !== 'X1' && e.rne[i] !== 'S' && e.rne[i] !== '';
  }),
  episodes('433', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && ['P', 'L', 'T', 'B', 'U'].includes(e.rne[i]!) && isDay(e.dec[p]!) && e.dec[p] !== e.decom[i];
  }),
  episodes('434', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && e.rne[i] === 'L' && (e.ls[i] === e.ls[p] || !samePlacement(e, i, p));
  }),
  episodes('435', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && (e.rne[i] === 'P' || e.rne[i] === 'T') && (e.ls[i] !== e.ls[p] || samePlacement(e, i, p));
  }),
  episodes('436', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && (e.rne[i] === 'B' || e.rne[i] === 'U') && (e.ls[i] === e.ls[p] || samePlacement(e, i, p));
  }),
  episodes('437', (_r, e) => (i) => (e.rec[i] === 'E2' || e.rec[i] === 'E15') && e.ix.next[i] !== -1),
  episodes('446', (_r, e) => (i) => e.ls[i] === 'E1' && isDay(e.decom[i]!) && e.decom[i]! < dayNumber(2005, 12, 1)),
  episodes('501', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return p !== -1 && isDay(e.dec[p]!) && isDay(e.decom[i]!) && e.decom[i]! < e.dec[p]!;
  }),
  episodes('504', (r, e) => {
    const start = periodStartRow(r);
    return (i) => start[i] !== i && e.cin[i] !== e.cin[start[i]!];
  }),
  episodes('516', (_r, e) => (i) => (e.rec[i] === 'E45' || e.rec[i] === 'E46') && !FOSTER.has(e.place[i]!)),
  providerNotWith('527', 'PR1', ['P1', 'R2', 'R5']),
  providerNotWith('528', 'PR2', ['P1', 'R2', 'R5']),
  providerNotWith('529', 'PR3', ['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']),
  providerNotWith('530', 'PR4', ['P1']),
  providerNotWith('531', 'PR5', ['P1']),
  episodes('550', (_r, e) => (i) => e.provider[i] === 'PR0' && e.place[i] !== 'P1'),
  // Placed for adoption with the current foster carer (A3/A5): the placement before must be foster
  // or adoption. The public validator tests A3/A4 here though its own note says A3/A5; the DfE's
  // meaning (with current foster carer) is A3/A5, which is followed.
  episodes('336', (_r, e) => (i) => {
    const p = e.ix.prev[i]!;
    return (e.place[i] === 'A3' || e.place[i] === 'A5') && p !== -1 && !FOSTER.has(e.place[p]!) && !ADOPTION_PLACEMENTS.has(e.place[p]!);
  }),
  // Over 18 and still looked after: only under s20(5) (V2) in a community home (K2).
  episodes(
    '359',
    (r, e) => {
      const dob = headerDobFor(r, 'Episodes');
      return (i) => isDay(dob[i]!) && birthday(dob[i]!, 18) < r.collectionEnd && e.dec[i] === BLANK && !(e.ls[i] === 'V2' && e.place[i] === 'K2');
    },
    ['Episodes', 'Header'],
  ),
  // PACE (J2): a run of consecutive J2 episodes lasting more than 21 days in all (as the public
  // validator reads the DfE's "severely limits"); an open one counts to 31 March.
  rule('364', ['Episodes'], (r) => {
    const e = cols(r);
    const rows: number[] = [];
    for (let g = 0; g < e.ix.children.length; g++) {
      let run: number[] = [];
      let days = 0;
      const flush = () => {
        if (days > 21) rows.push(...run);
        run = [];
        days = 0;
      };
      for (let k = e.ix.starts[g]!; k < e.ix.starts[g + 1]!; k++) {
        const i = e.ix.order[k]!;
        if (e.ls[i] !== 'J2' || !isDay(e.decom[i]!)) {
          flush();
          continue;
        }
        const last = run[run.length - 1];
        if (last !== undefined && e.dec[last] !== e.decom[i]) flush();
        const end = e.dec[i] === BLANK ? r.collectionEnd : e.dec[i]!;
        run.push(i);
        if (isDay(end)) days += Math.max(0, end - e.decom[i]!);
      }
      flush();
    }
    return { Episodes: rows.sort((a, b) => a - b) };
  }),
  rule('426', ['Episodes'], (r) => {
    const e = cols(r);
    const v3 = new Set<string>();
    const v4 = new Set<string>();
    for (let i = 0; i < e.child.length; i++) {
      if (e.ls[i] === 'V3') v3.add(e.child[i]!);
      if (e.ls[i] === 'V4') v4.add(e.child[i]!);
    }
    return { Episodes: where(e.child.length, (i) => SHORT_BREAK.has(e.ls[i]!) && v3.has(e.child[i]!) && v4.has(e.child[i]!)) };
  }),
  // An episode that starts after the child was adopted from care (within this return).
  rule('199', ['Episodes'], (r) => {
    const e = cols(r);
    const adoptedOn = new Map<string, number>();
    for (let i = 0; i < e.child.length; i++)
      if ((e.rec[i] === 'E11' || e.rec[i] === 'E12') && isDay(e.dec[i]!))
        adoptedOn.set(e.child[i]!, Math.min(adoptedOn.get(e.child[i]!) ?? e.dec[i]!, e.dec[i]!));
    return { Episodes: where(e.child.length, (i) => adoptedOn.has(e.child[i]!) && e.decom[i]! >= adoptedOn.get(e.child[i]!)!) };
  }),
];

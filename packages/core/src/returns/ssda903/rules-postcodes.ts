/**
 * Postcode rules. With the ONS Postcode Directory (`--postcodes`, or the database's copy) they read
 * PL_LA, PL_LOCATION and PL_DISTANCE as the DfE derives them (postcodes.ts); without it, the few that
 * can be approximated use the postcode's shape and the areas wholly outside England, and the rest are
 * listed as not run.
 */
import { countryOfPostcode, inYear, POSTCODE, SHORT_BREAK } from './derived.ts';
import type { Ssda903Return } from './model.ts';
import { placements } from './postcodes.ts';
import { postcodeLastYearRules } from './rules-postcodes-last.ts';
import { type RuleCheck, rowRule, rule, where } from './rule.ts';

const ADOPTION_OR_FOSTER = new Set(['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
/** Postcodes without their spaces, each written form squashed once (a placement's postcodes repeat over its episodes). */
function squasher(): (p: string) => string {
  const squashed = new Map<string, string>();
  return (p) => {
    let s = squashed.get(p);
    if (s === undefined) {
      s = p.replace(/\s+/g, '');
      squashed.set(p, s);
    }
    return s;
  };
}
function postcodeCols(r: Ssda903Return) {
  return {
    ls: r.col('Episodes', 'LS'),
    place: r.col('Episodes', 'PLACE'),
    provider: r.col('Episodes', 'PLACE_PROVIDER'),
    home: r.col('Episodes', 'HOME_POST'),
    pl: r.col('Episodes', 'PL_POST'),
    child: r.col('Episodes', 'CHILD'),
  };
}
/** Children in the UASC table (CSV returns mark UASC children by their row there). */
const uascChildren = (r: Ssda903Return) => (r.has('UASC') ? new Set(r.col('UASC', 'CHILD')) : new Set<string>());
/** A rule over Episodes that needs the directory. */
const directoryRule = (
  code: string,
  pred: (r: Ssda903Return, p: ReturnType<typeof postcodeCols>) => (i: number) => boolean,
  more: { needsLaCode?: boolean } = {},
) => rule(code, ['Episodes'], (r) => ({ Episodes: where(r.table('Episodes').length, pred(r, postcodeCols(r))) }), { needsPostcodes: true, ...more });

export const postcodeRules: RuleCheck[] = [
  rowRule('392b', 'Episodes', (r) => {
    const p = postcodeCols(r);
    const open = inYear(r);
    const uasc = uascChildren(r);
    return (i) => open(i) && !SHORT_BREAK.has(p.ls[i]!) && (p.home[i] === '' || p.pl[i] === '') && !uasc.has(p.child[i]!);
  }),
  // "Postcode(s) provided are invalid": not in the directory; without it, not shaped like a postcode.
  rowRule('392c', 'Episodes', (r) => {
    const p = postcodeCols(r);
    const d = placements(r);
    if (d) return (i) => (p.home[i] !== '' && !d.homeFound[i]) || (p.pl[i] !== '' && !d.placeFound[i]);
    return (i) => (p.home[i] !== '' && !POSTCODE.test(p.home[i]!)) || (p.pl[i] !== '' && !POSTCODE.test(p.pl[i]!));
  }),
  rowRule('392d', 'Episodes', (r) => {
    const p = postcodeCols(r);
    const squash = squasher();
    return (i) => p.home[i] !== '' && squash(p.home[i]!) === squash(p.pl[i]!) && p.place[i] !== 'P1';
  }),
  // A distance is derived from the two postcodes, and a placement LA from PL_POST.
  rowRule('398', 'Episodes', (r) => {
    const p = postcodeCols(r);
    return (i) => SHORT_BREAK.has(p.ls[i]!) && p.home[i] !== '' && p.pl[i] !== '';
  }),
  // PL_LA is derived when PL_POST is in the directory; without it, when PL_POST is given at all.
  rowRule('420', 'Episodes', (r) => {
    const p = postcodeCols(r);
    const d = placements(r);
    return (i) => SHORT_BREAK.has(p.ls[i]!) && (d ? d.plLa[i] !== '' : p.pl[i] !== '');
  }),
  rule('406', ['Episodes', 'UASC'], (r) => {
    const p = postcodeCols(r);
    const uasc = uascChildren(r);
    const d = placements(r);
    const hasDistance = d ? (i: number) => !Number.isNaN(d.distance[i]!) : (i: number) => p.home[i] !== '' && p.pl[i] !== '';
    return { Episodes: where(p.child.length, (i) => uasc.has(p.child[i]!) && hasDistance(i)) };
  }),
  // Own provision (PR1) outside fostering and adoption must be in the council's own area. Without
  // the directory only postcodes in areas wholly outside England are known to be elsewhere.
  rowRule('1015', 'Episodes', (r) => {
    const p = postcodeCols(r);
    const d = placements(r);
    const checked = (i: number) =>
      p.provider[i] === 'PR1' && !ADOPTION_OR_FOSTER.has(p.place[i]!) && !SHORT_BREAK.has(p.ls[i]!) && p.place[i] !== '' && p.ls[i] !== '';
    if (d && r.laCode) return (i) => checked(i) && d.plLa[i] !== r.laCode;
    return (i) => checked(i) && countryOfPostcode(p.pl[i]!) !== '';
  }),
  // Not a short break, and not UASC (their distance is left blank): the distance must be derivable.
  rule(
    '392a',
    ['Episodes'],
    (r) => {
      const p = postcodeCols(r);
      const d = placements(r)!;
      const uasc = uascChildren(r);
      return { Episodes: where(p.child.length, (i) => !SHORT_BREAK.has(p.ls[i]!) && !uasc.has(p.child[i]!) && Number.isNaN(d.distance[i]!)) };
    },
    { needsPostcodes: true },
  ),
  directoryRule('169', (r) => {
    const d = placements(r)!;
    const ls = r.col('Episodes', 'LS');
    return (i) => !SHORT_BREAK.has(ls[i]!) && d.plLa[i] === '';
  }),
  directoryRule(
    '179',
    (r) => {
      const d = placements(r)!;
      const ls = r.col('Episodes', 'LS');
      return (i) => !SHORT_BREAK.has(ls[i]!) && d.plLocation[i] === '';
    },
    { needsLaCode: true },
  ),
  directoryRule('164', (r, p) => {
    const d = placements(r)!;
    const uasc = uascChildren(r);
    return (i) => !uasc.has(p.child[i]!) && (d.distance[i]! < 0 || d.distance[i]! > 999.9);
  }),
  directoryRule('454', (r) => {
    const d = placements(r)!;
    return (i) => d.distance[i]! > 350 && d.distance[i] !== 999.9;
  }),
  // PL_LOCATION and PL_LA are derived from the same postcode, so they cannot disagree; kept so the
  // check is seen to run.
  directoryRule(
    '411',
    (r) => {
      const d = placements(r)!;
      return (i) => d.plLocation[i] === 'IN' && d.plLa[i] !== r.laCode;
    },
    { needsLaCode: true },
  ),
  // Compared with last year's return (rules-postcodes-last.ts).
  ...postcodeLastYearRules,
];

/**
 * The placement facts derived from postcodes (postcodes.ts), compared with last year's return: a
 * placement open at 31 March last year is the same placement on 1 April, so its PL_LA, PL_LOCATION
 * and PL_DISTANCE should not change (rules 452, 453, 503G, 503H, 503J). Compared only where both
 * years' postcodes are in the directory (a postcode missing from it is rule 392c's finding).
 */
import { firstEpisodesAfterOpen } from './derived.ts';
import { type DerivedPlacements, placements, placementsLastYear } from './postcodes.ts';
import { type RuleCheck, rule } from './rule.ts';

type Fact = (d: DerivedPlacements, i: number) => string | number | undefined;
const plLa: Fact = (d, i) => (d.plLa[i] === '' ? undefined : d.plLa[i]);
const plLocation: Fact = (d, i) => (d.plLocation[i] === '' ? undefined : d.plLocation[i]);
const distance: Fact = (d, i) => (Number.isNaN(d.distance[i]!) ? undefined : d.distance[i]);

/**
 * This year's first episode of each child whose last episode last year was open, where `fact` differs.
 * `match`: which first episodes count as continuing it — the same start date (503G/H/J: "the open
 * episode at end of last year") or the same reason for new episode (452/453: "the last episode of the
 * previous year").
 */
function sameAsOpenLastYear(code: string, fact: Fact, match: 'decom' | 'rne', needsLaCode = false): RuleCheck {
  return rule(
    code,
    ['Episodes'],
    (r) => {
      const now = placements(r)!;
      const was = placementsLastYear(r)!;
      const key = match === 'decom' ? r.days('Episodes', 'DECOM') : r.col('Episodes', 'RNE');
      const lastKey = match === 'decom' ? r.days('Episodes', 'DECOM', true) : r.lastCol('Episodes', 'RNE');
      return {
        Episodes: firstEpisodesAfterOpen(r, (first, l) => {
          if (key[first] !== lastKey[l]) return false;
          const a = fact(now, first);
          const b = fact(was, l);
          return a !== undefined && b !== undefined && a !== b;
        }),
      };
    },
    { needsLast: ['Episodes'], needsPostcodes: true, needsLaCode },
  );
}

export const postcodeLastYearRules: RuleCheck[] = [
  sameAsOpenLastYear('452', plLa, 'rne'),
  sameAsOpenLastYear('453', distance, 'rne'),
  sameAsOpenLastYear('503G', distance, 'decom'),
  sameAsOpenLastYear('503H', plLa, 'decom'),
  sameAsOpenLastYear('503J', plLocation, 'decom', true),
];

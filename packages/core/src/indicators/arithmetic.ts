// The pure arithmetic every indicator shares: its period, its value, small-number suppression,
// whether a target is met and how two values compare.

import { addCalendarMonths, addDays, type IsoDate } from '../calendar.ts';
import type { IndicatorDefinition, IndicatorUnit } from './definition.ts';

/**
 * The period of `months` calendar months ending on `asOf`, inclusive: 12 months ending
 * 31 March 2026 run from 1 April 2025; 12 months ending 29 February 2024 from 1 March 2023.
 */
export function periodEnding(asOf: IsoDate, months = 12): { from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(months) || months < 1) throw new Error(`A period is a whole number of months, at least 1, not ${months}`);
  return { from: addCalendarMonths(addDays(asOf, 1), -months), to: asOf };
}

/** The last day of each of the `n` months up to and including the month of `asOf` (that month ends on asOf). */
export function monthEnds(asOf: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [asOf];
  let firstOfMonth = `${asOf.slice(0, 8)}01`;
  for (let i = 1; i < n; i++) {
    out.unshift(addDays(firstOfMonth, -1));
    firstOfMonth = `${(out[0] as string).slice(0, 8)}01`;
  }
  return out;
}

/** An indicator's value from its counts, rounded to one decimal place (null where it cannot be worked out). */
export function indicatorValue(
  unit: IndicatorUnit,
  counts: { numerator: number; denominator: number | null; medianDays?: number | null },
  population?: number | null,
): number | null {
  const round = (v: number) => Math.round(v * 10) / 10;
  switch (unit) {
    case 'count':
      return counts.numerator;
    case 'percent':
    case 'average':
      return counts.denominator ? round(((unit === 'percent' ? 100 : 1) * counts.numerator) / counts.denominator) : null;
    case 'per-10k':
      return population ? round((counts.numerator * 10000) / population) : null;
    case 'median-days':
    case 'median-weeks':
      return counts.medianDays ?? null;
  }
}

/** The DfE's rule: counts of 1 to 5 are not shown to those without case access. */
export function isSmallCount(n: number | null): boolean {
  return n !== null && n >= 1 && n <= 5;
}

export type Counts = { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean };

/** Which of an indicator's counts are of children (or people): see IndicatorDefinition.smallCountsIn. */
export function smallCountsOf(def: Pick<IndicatorDefinition, 'unit' | 'smallCountsIn'>): readonly ('numerator' | 'denominator')[] {
  if (def.smallCountsIn) return def.smallCountsIn;
  if (def.unit === 'average') throw new Error('An average must say which of its counts are of children (smallCountsIn)');
  return def.unit === 'percent' ? ['numerator', 'denominator'] : ['numerator'];
}

/**
 * Aggregates for someone without case access: a count of children of 1 to 5 is suppressed, and
 * with it the value (a percentage of 3 children, or their average days, tells who they are).
 * A denominator that is not a count of children (the population, FTE) is still shown.
 */
export function suppressSmall(
  def: Pick<IndicatorDefinition, 'unit' | 'smallCountsIn'>,
  c: { numerator: number; denominator: number | null; value: number | null },
): Counts {
  const checked = smallCountsOf(def);
  const small = checked.some((k) => isSmallCount(c[k]));
  if (!small) return { ...c, suppressed: false };
  return { numerator: null, denominator: checked.includes('denominator') ? null : c.denominator, value: null, suppressed: true };
}

/** Whether a measured value meets a target, given which way is better; null when there is no value or no direction. */
export function targetMet(value: number | null, target: number, higherIsBetter: boolean | null): boolean | null {
  if (value === null || higherIsBetter === null) return null;
  return higherIsBetter ? value >= target : value <= target;
}

/** How a value compares with a comparator, in words a board would use. */
export function comparedWith(value: number | null, other: number | null, higherIsBetter: boolean | null): 'better' | 'worse' | 'same' | 'not-comparable' {
  if (value === null || other === null || higherIsBetter === null) return 'not-comparable';
  if (value === other) return 'same';
  return value > other === higherIsBetter ? 'better' : 'worse';
}

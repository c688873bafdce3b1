import { describe, expect, it } from 'vitest';
import {
  comparedWith,
  INDICATOR_IDS,
  INDICATORS,
  INDICATORS_TO_COME,
  indicatorById,
  indicatorValue,
  isSmallCount,
  monthEnds,
  periodEnding,
  suppressSmall,
  targetMet,
} from '../src/indicators.ts';
import { HOUSEHOLD_INDICATOR_IDS } from '../src/indicators-fostering.ts';

describe('indicator definitions', () => {
  it('defines each id once, with a definition, numerator and source an analyst can check', () => {
    expect(new Set(INDICATOR_IDS).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) {
      expect(d.definition.length).toBeGreaterThan(20);
      expect(d.numerator).not.toBe('');
      expect(d.source).not.toBe('');
      // A percentage or average needs a denominator; a count does not have one.
      expect(d.denominator === null).toBe(d.unit === 'count' || d.unit === 'median-days' || d.unit === 'median-weeks');
    }
    expect(INDICATORS_TO_COME).toEqual([]);
    // Every id of indicators.md: 7 front door, 8 protection, 12 looked after, 4 care leavers, 9 workforce;
    // and Lantern's own two on early help and four on legal planning and proceedings (issue 20), and seven on fostering (issue 22).
    expect(INDICATORS).toHaveLength(53);
  });

  it('carries the England figures of indicators.md', () => {
    expect(indicatorById('assessments-45d-from-start')?.england?.value).toBe(85.7);
    expect(indicatorById('cp-rate')?.england?.value).toBe(40.6);
    expect(indicatorById('caseload-average')?.england?.value).toBe(15.2);
    expect(indicatorById('no-such-indicator')).toBeUndefined();
  });
});

describe('periods', () => {
  it('12 months ending 31 March 2026 begin on 1 April 2025', () => {
    expect(periodEnding('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('12 months ending 29 February 2024 begin on 1 March 2023; ending 28 February 2025, on 1 March 2024', () => {
    expect(periodEnding('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(periodEnding('2025-02-28')).toEqual({ from: '2024-03-01', to: '2025-02-28' });
  });

  it('a month ending 10 January begins on 11 December; a month ending 31 March on 1 March', () => {
    expect(periodEnding('2026-01-10', 1).from).toBe('2025-12-11');
    expect(periodEnding('2026-03-31', 1).from).toBe('2026-03-01');
    expect(() => periodEnding('2026-03-31', 0)).toThrow();
  });

  it('month ends up to a date, through a leap February', () => {
    expect(monthEnds('2024-04-15', 4)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-15']);
  });
});

describe('values, suppression and targets', () => {
  it('works out each unit to one decimal place', () => {
    expect(indicatorValue('percent', { numerator: 1, denominator: 3 })).toBe(33.3);
    expect(indicatorValue('percent', { numerator: 0, denominator: 0 })).toBeNull();
    expect(indicatorValue('average', { numerator: 4, denominator: 1.5 })).toBe(2.7);
    expect(indicatorValue('per-10k', { numerator: 49420, denominator: null }, 12_172_000)).toBe(40.6);
    expect(indicatorValue('per-10k', { numerator: 3, denominator: null }, null)).toBeNull();
    expect(indicatorValue('count', { numerator: 7, denominator: null })).toBe(7);
  });

  it('suppresses counts of 1 to 5, not 0 or 6', () => {
    expect([0, 1, 5, 6].map(isSmallCount)).toEqual([false, true, true, false]);
    expect(suppressSmall({ unit: 'percent' }, { numerator: 2, denominator: 40, value: 5 })).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
    expect(suppressSmall({ unit: 'percent' }, { numerator: 30, denominator: 4, value: 75 }).suppressed).toBe(true);
    expect(suppressSmall({ unit: 'percent' }, { numerator: 6, denominator: 40, value: 15 }).suppressed).toBe(false);
    expect(suppressSmall({ unit: 'count' }, { numerator: 0, denominator: null, value: 0 })).toEqual({
      numerator: 0,
      denominator: null,
      value: 0,
      suppressed: false,
    });
    expect(suppressSmall({ unit: 'per-10k' }, { numerator: 3, denominator: 20000, value: 1.5 })).toEqual({
      numerator: null,
      denominator: 20000,
      value: null,
      suppressed: true,
    });
  });

  it('suppresses an average over 1 to 5 children, whichever count holds the children', () => {
    const adoption = indicatorById('adoption-entry-to-placed') as NonNullable<ReturnType<typeof indicatorById>>;
    // Three children's 1,458 days: the numerator is days, not children, but the average is of three children.
    expect(suppressSmall(adoption, { numerator: 1458, denominator: 3, value: 486 })).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
    expect(suppressSmall(adoption, { numerator: 3, denominator: 6, value: 0.5 }).suppressed).toBe(false);
    // A caseload: 4 children over 8 FTE shows the FTE, not the children or the average.
    const caseload = indicatorById('caseload-average') as NonNullable<ReturnType<typeof indicatorById>>;
    expect(suppressSmall(caseload, { numerator: 4, denominator: 8, value: 0.5 })).toEqual({ numerator: null, denominator: 8, value: null, suppressed: true });
    expect(suppressSmall(caseload, { numerator: 40, denominator: 2.5, value: 16 }).suppressed).toBe(false);
    // Every average says which of its counts are children; one counted in households has none.
    for (const d of INDICATORS.filter((x) => x.unit === 'average'))
      if (HOUSEHOLD_INDICATOR_IDS.includes(d.id)) expect(d.smallCountsIn).toEqual([]);
      else expect(d.smallCountsIn?.length).toBeGreaterThan(0);
    expect(() => suppressSmall({ unit: 'average' }, { numerator: 1, denominator: 1, value: 1 })).toThrow();
  });

  it('judges a target the way the indicator is better', () => {
    expect(targetMet(86, 85, true)).toBe(true);
    expect(targetMet(84.9, 85, true)).toBe(false);
    expect(targetMet(14, 15, false)).toBe(true);
    expect(targetMet(16, 15, false)).toBe(false);
    expect(targetMet(null, 15, false)).toBeNull();
    expect(comparedWith(90, 85.7, true)).toBe('better');
    expect(comparedWith(25, 22.6, false)).toBe('worse');
    expect(comparedWith(40, 40.6, null)).toBe('not-comparable');
  });
});

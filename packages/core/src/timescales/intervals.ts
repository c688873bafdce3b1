// Intervals that change with the child's or the worker's circumstances: which
// interval applies next, by age, by the arrangement's year or by the placement.

import type { IsoDate } from '../calendar.ts';
import { addCalendarMonths, addDays, addWeeks, compareIsoDates, parseIsoDate } from '../calendar.ts';
import { type DueRule, days, months, weeks } from './rule.ts';

function assertNotBefore(later: IsoDate, earlier: IsoDate, what: string): void {
  if (compareIsoDates(later, earlier) < 0) throw new RangeError(`${what}: ${later} is before ${earlier}`);
}

/**
 * Reg. 7: every 6 months before the fifth birthday, every 12 from it, by age
 * at the previous assessment. A 29 February birthday is taken as 1 March in
 * other years (the later date, so the 6-month interval lasts longer).
 */
export function healthAssessmentReviewInterval(dateOfBirth: IsoDate, previousAssessment: IsoDate): DueRule {
  assertNotBefore(previousAssessment, dateOfBirth, 'Health assessment before birth');
  const leapDay = dateOfBirth.endsWith('-02-29');
  const fifthBirthday = addDays(addCalendarMonths(dateOfBirth, 60), leapDay ? 1 : 0);
  return compareIsoDates(previousAssessment, fifthBirthday) < 0 ? months(6) : months(12);
}

/** 2005 Regs, reg. 8: 6 weeks after a visit in the arrangement's first year, 12 weeks after one later. */
export function privateFosteringVisitInterval(arrangementStart: IsoDate, previousVisit: IsoDate): DueRule {
  assertNotBefore(previousVisit, arrangementStart, 'Private fostering visit before the arrangement');
  const secondYear = addCalendarMonths(arrangementStart, 12);
  return compareIsoDates(previousVisit, secondYear) < 0 ? weeks(6) : weeks(12);
}

/**
 * ASYE: weekly in the first 6 weeks, fortnightly to 6 months, then monthly,
 * by when the previous supervision was (null: none yet, so weekly from the
 * start date).
 */
export function asyeSupervisionInterval(startDate: IsoDate, previous: IsoDate | null): DueRule {
  if (previous === null) return weeks(1);
  assertNotBefore(previous, startDate, 'Supervision before the start date');
  if (compareIsoDates(previous, addWeeks(startDate, 6)) < 0) return weeks(1);
  if (compareIsoDates(previous, addCalendarMonths(startDate, 6)) < 0) return weeks(2);
  return months(1);
}

export type WithParentArrangement =
  | 'placed-with-parent' // reg. 19: placed with a parent before the assessment is complete
  | 'connected-person-temporary' // reg. 24: temporary approval
  | 'interim-care-order-with-parent'; // living with a parent under s.38

/** Reg. 28(3)–(4): weekly until the first review; then 6 weeks with a parent placed under reg. 19, else 4. */
export function claVisitWithParentInterval(arrangement: WithParentArrangement, firstReviewHeld: boolean): DueRule {
  if (!firstReviewHeld) return weeks(1);
  return arrangement === 'placed-with-parent' ? weeks(6) : weeks(4);
}

/**
 * Reg. 28(2): which visit rule applies next, and from which date. No visit
 * yet in this placement: cla-visit-first from the placement start. Then
 * cla-visit from each visit in the first year, and after it cla-visit-long-term
 * only if the placement is meant to last until 18.
 */
export function claVisitInterval(
  placementStart: IsoDate,
  previousVisit: IsoDate | null,
  intendedUntil18: boolean,
): { ruleId: 'cla-visit-first' | 'cla-visit' | 'cla-visit-long-term'; from: IsoDate; due: DueRule } {
  if (previousVisit === null || compareIsoDates(previousVisit, placementStart) < 0) {
    return { ruleId: 'cla-visit-first', from: placementStart, due: weeks(1) };
  }
  const firstYearOver = compareIsoDates(previousVisit, addCalendarMonths(placementStart, 12)) >= 0;
  if (firstYearOver && intendedUntil18) {
    return { ruleId: 'cla-visit-long-term', from: previousVisit, due: months(3) };
  }
  return { ruleId: 'cla-visit', from: previousVisit, due: weeks(6) };
}

/**
 * Personal adviser visits: within 7 days of a move to new accommodation
 * (a visit on the day of the move counts), otherwise 2 calendar months from
 * the last visit.
 */
export function paVisitInterval(lastMove: IsoDate | null, previousVisit: IsoDate | null): { from: IsoDate; due: DueRule } {
  if (lastMove !== null && (previousVisit === null || compareIsoDates(previousVisit, lastMove) < 0)) {
    return { from: lastMove, due: days(7) };
  }
  if (previousVisit === null) throw new RangeError('A personal adviser visit counts from a move or a previous visit; neither given');
  parseIsoDate(previousVisit);
  return { from: previousVisit, due: months(2) };
}

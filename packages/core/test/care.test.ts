import { describe, expect, it } from 'vitest';
import {
  birthday,
  birthdayContactProblems,
  birthdayContact,
  entryToPlacedDays,
  isEet,
  isSuitableAccommodation,
  newHealthOutcome,
  newPreviousPermanence,
  pathwayPlanCountedFrom,
  uascDelayDays,
} from '../src/care.ts';
import { healthAssessmentReviewInterval } from '../src/timescales.ts';

describe('birthdays', () => {
  it('the 16th birthday is the same day sixteen years on', () => {
    expect(birthday('2010-05-31', 16)).toBe('2026-05-31');
  });
  it('a 29 February birthday falls on 1 March in other years, on 29 February in leap years', () => {
    expect(birthday('2008-02-29', 17)).toBe('2025-03-01');
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
  });
  it('the fifth birthday agrees with the health review interval switch', () => {
    expect(healthAssessmentReviewInterval('2021-06-15', '2026-06-14')).toEqual({ unit: 'months', n: 6 });
    expect(healthAssessmentReviewInterval('2021-06-15', birthday('2021-06-15', 5))).toEqual({ unit: 'months', n: 12 });
  });
});

describe('pathway plan clock', () => {
  it('counts from the 16th birthday when the young person was eligible before it', () => {
    expect(pathwayPlanCountedFrom('2010-05-31', '2026-03-01')).toBe('2026-05-31');
  });
  it('counts from becoming eligible when that is after the 16th birthday', () => {
    expect(pathwayPlanCountedFrom('2009-11-30', '2026-01-31')).toBe('2026-01-31');
  });
});

describe('UASC delay', () => {
  it('is 0 when accommodated on the day of referral', () => {
    expect(uascDelayDays('2026-08-24', '2026-08-24', '2026-12-01')).toBe(0);
  });
  it('counts calendar days, weekends included, to the day looked after', () => {
    expect(uascDelayDays('2026-10-10', '2026-10-13', '2026-12-01')).toBe(3);
  });
  it('runs to today while the child waits', () => {
    expect(uascDelayDays('2026-11-20', null, '2026-12-01')).toBe(11);
  });
});

describe('days from entering care to moving in with the adoptive family', () => {
  it('counts to the placement for adoption: 1 March 2024 to 2 June 2025 is 458 days', () => {
    expect(entryToPlacedDays('2024-03-01', '2025-06-02', false, null)).toBe(458);
  });
  it('counts across 29 February: 1 February 2024 to 1 March 2024 is 29 days', () => {
    expect(entryToPlacedDays('2024-02-01', '2024-03-01', false, null)).toBe(29);
  });
  it('for a foster carer adoption counts to the day the child moved in with the carers', () => {
    expect(entryToPlacedDays('2024-03-01', '2025-01-15', true, '2024-05-01')).toBe(61);
  });
  it('ignores a moved-in date when the adopters were not the foster carers', () => {
    expect(entryToPlacedDays('2024-03-01', '2025-01-15', false, '2024-05-01')).toBe(320);
  });
});

describe('OC3 codes', () => {
  it('EET is F or P with 1, 2, 4 or 5; NEET and 0 are not', () => {
    expect(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'].every(isEet)).toBe(true);
    expect(['G4', 'G5', 'G6', '0', 'F3'].some(isEet)).toBe(false);
  });
  it('suitable accommodation ends in 1', () => {
    expect(isSuitableAccommodation('D1')).toBe(true);
    expect(isSuitableAccommodation('S2')).toBe(false);
    expect(isSuitableAccommodation('0')).toBe(false);
  });
  it('an in-touch contact with codes that agree passes', () => {
    expect(birthdayContactProblems({ birthdayAge: 19, inTouch: 'YES', activity: 'F5', accommodation: 'U1' })).toEqual([]);
  });
  it('not in touch needs 0 for activity and accommodation', () => {
    expect(birthdayContactProblems({ birthdayAge: 19, inTouch: 'NO', activity: 'F5', accommodation: 'U1' }).map((p) => p.rule)).toEqual([
      'oc3-not-in-touch-activity',
      'oc3-not-in-touch-accom',
    ]);
    expect(birthdayContactProblems({ birthdayAge: 19, inTouch: 'NO', activity: '0', accommodation: '0' })).toEqual([]);
  });
  it('refuses an ACCOM code outside the 903 list (S1: homeless cannot be suitable) and staying put at 17', () => {
    expect(birthdayContactProblems({ birthdayAge: 18, inTouch: 'YES', activity: 'F2', accommodation: 'S1' }).map((p) => p.rule)).toEqual(['oc3-accom-code']);
    expect(birthdayContactProblems({ birthdayAge: 17, inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }).map((p) => p.rule)).toEqual([
      'oc3-staying-put-17',
    ]);
    expect(birthdayContactProblems({ birthdayAge: 18, inTouch: 'YES', activity: 'F2', accommodation: 'Z1' })).toEqual([]);
  });
  it('the birthday contact schema takes ages 17 to 21 only', () => {
    expect(birthdayContact.safeParse({ birthdayAge: 16, contactOn: '2026-01-01', inTouch: 'YES', activity: 'F2', accommodation: 'D1' }).success).toBe(false);
    expect(birthdayContact.safeParse({ birthdayAge: 21, contactOn: '2026-01-01', inTouch: 'YES', activity: 'F2', accommodation: 'D1' }).success).toBe(true);
  });
});

describe('schemas', () => {
  it('an SDQ score is 0 to 40', () => {
    const base = { recordedOn: '2026-04-01', immunisationsUpToDate: true, substanceMisuse: false };
    expect(newHealthOutcome.safeParse({ ...base, sdqScore: 40 }).success).toBe(true);
    expect(newHealthOutcome.safeParse({ ...base, sdqScore: 41 }).success).toBe(false);
    expect(newHealthOutcome.safeParse({ ...base, sdqScore: -1 }).success).toBe(false);
  });
  it('PrevPerm dates allow ZZ for an unknown day or month, and LA codes the 903 list', () => {
    const base = { periodId: '5d8c8c2e-1f0a-4b5e-9d2f-3a1b2c3d4e5f', prevPerm: 'P1' };
    expect(newPreviousPermanence.safeParse({ ...base, laPerm: '884', datePerm: 'ZZ/ZZ/2019' }).success).toBe(true);
    expect(newPreviousPermanence.safeParse({ ...base, laPerm: 'SCO', datePerm: '01/06/2019' }).success).toBe(true);
    expect(newPreviousPermanence.safeParse({ ...base, laPerm: 'ENG' }).success).toBe(false);
    expect(newPreviousPermanence.safeParse({ ...base, datePerm: '2019-06-01' }).success).toBe(false);
  });
});

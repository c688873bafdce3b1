import { describe, expect, it } from 'vitest';
import { extensionProblem, FINAL_ORDERS, ORDER_LEGAL_STATUS, PROCEEDINGS_DAYS, proceedingsDueDate, weeksBetween } from '../src/legal.ts';
import { dueDate, ruleById } from '../src/timescales.ts';

describe('care proceedings: 26 weeks from issue, moved only by the court’s extensions', () => {
  it('26 weeks is 182 days: issued Tuesday 14 April 2026, due Tuesday 13 October 2026', () => {
    expect(PROCEEDINGS_DAYS).toBe(182);
    expect(proceedingsDueDate('2026-04-14')).toBe('2026-10-13');
    // The engine counts the same rule the same way.
    expect(dueDate(ruleById('care-proceedings').due, '2026-04-14').date).toBe('2026-10-13');
  });

  it('across a leap day: issued 1 February 2028, due 1 August 2028 (182 days, 29 February counted)', () => {
    expect(proceedingsDueDate('2028-02-01')).toBe('2028-08-01');
  });

  it('an extension moves the date to the one the court set; a second moves it again', () => {
    expect(proceedingsDueDate('2026-04-14', [{ newDueOn: '2026-12-08' }])).toBe('2026-12-08');
    expect(proceedingsDueDate('2026-04-14', [{ newDueOn: '2026-12-08' }, { newDueOn: '2027-01-19' }])).toBe('2027-01-19');
  });

  it('refuses an extension of more than 8 weeks, or to a date not after the current one', () => {
    expect(extensionProblem('2026-10-13', '2026-12-08')).toBeNull(); // exactly 8 weeks
    expect(extensionProblem('2026-10-13', '2026-10-14')).toBeNull();
    expect(extensionProblem('2026-10-13', '2026-12-09')).toMatchObject({ rule: 'extension-max-8-weeks' });
    expect(extensionProblem('2026-10-13', '2026-12-09')?.message).toContain('2026-12-08');
    expect(extensionProblem('2026-10-13', '2026-10-13')).toMatchObject({ rule: 'extension-later' });
    expect(extensionProblem('2026-10-13', '2026-09-01')).toMatchObject({ rule: 'extension-later' });
  });

  it('counts weeks to one decimal', () => {
    expect(weeksBetween('2026-04-14', '2026-10-13')).toBe(26);
    // 16 days left of April, then May–October (184), then 20 of November: 220 days.
    expect(weeksBetween('2026-04-14', '2026-11-20')).toBe(31.4);
  });
});

describe('orders and the SSDA903 legal status', () => {
  it('interim and full care orders, placement and emergency protection orders set C1, C2, E1 and L2', () => {
    expect(ORDER_LEGAL_STATUS['interim-care-order']).toBe('C1');
    expect(ORDER_LEGAL_STATUS['care-order']).toBe('C2');
    expect(ORDER_LEGAL_STATUS['placement-order']).toBe('E1');
    expect(ORDER_LEGAL_STATUS['emergency-protection-order']).toBe('L2');
  });

  it('a supervision order leaves the legal status alone, and only final orders conclude', () => {
    expect(ORDER_LEGAL_STATUS['supervision-order']).toBeUndefined();
    expect(ORDER_LEGAL_STATUS['interim-supervision-order']).toBeUndefined();
    expect(FINAL_ORDERS.has('care-order')).toBe(true);
    expect(FINAL_ORDERS.has('interim-care-order')).toBe(false);
  });
});

describe('the pre-proceedings rules', () => {
  it('the meeting is due 10 working days after the letter: Tuesday 10 March 2026 → Tuesday 24 March', () => {
    expect(dueDate(ruleById('pre-proceedings-meeting').due, '2026-03-10').date).toBe('2026-03-24');
  });
  it('across Easter: a letter on Thursday 26 March 2026 → Monday 13 April (Good Friday and Easter Monday skipped)', () => {
    // Mar 27 (1), Mar 30–Apr 2 (5), [Apr 3 Good Friday], [Apr 6 Easter Monday], Apr 7–10 (9), Apr 13 (10).
    expect(dueDate(ruleById('pre-proceedings-meeting').due, '2026-03-26').date).toBe('2026-04-13');
  });
  it('pre-proceedings should end 16 weeks after the letter; reviews every 6 weeks', () => {
    expect(dueDate(ruleById('pre-proceedings-end').due, '2026-03-10').date).toBe('2026-06-30');
    expect(dueDate(ruleById('pre-proceedings-review').due, '2026-03-20').date).toBe('2026-05-01');
    expect(ruleById('pre-proceedings-meeting').setting).toBe('timescale.pre-proceedings-meeting');
  });
});

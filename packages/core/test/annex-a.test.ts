import { describe, expect, it } from 'vitest';
import {
  accommodationCategory,
  ageOn,
  ETHNICITY_CATEGORY,
  inTouchCategory,
  legalStatusCategory,
  monthsBefore,
  needCategory,
  periodBefore,
  placementCategory,
  providerCategory,
  sourceCategory,
} from '../src/returns/annex-a.ts';

describe('Annex A periods', () => {
  it('six months before 30 November 2026 begin on 31 May; twelve on 1 December 2025', () => {
    expect(periodBefore('2026-11-30', 6)).toEqual({ from: '2026-05-31', to: '2026-11-30' });
    expect(periodBefore('2026-11-30', 12)).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });
  it('clamps to the end of a shorter month, across a year', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(periodBefore('2026-08-31', 6).from).toBe('2026-03-01');
  });
  it('age in whole years: not yet on the day before a birthday, and on the day', () => {
    expect(ageOn('2019-11-30', '2026-11-29')).toBe(6);
    expect(ageOn('2019-11-30', '2026-11-30')).toBe(7);
    expect(ageOn('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageOn('2020-02-29', '2027-03-01')).toBe(7);
    expect(ageOn(null, '2026-11-30')).toBeNull();
    expect(ageOn('2027-01-01', '2026-11-30')).toBeNull();
  });
});

describe('Annex A groupings', () => {
  it('contact and referral sources fall in Ofsted’s eleven groups', () => {
    expect(['1A', '1D', '2A', '2B', '3E', '4', '5D', '6', '7', '8', '9', '10'].map(sourceCategory)).toEqual([
      'a) Individual',
      'a) Individual',
      'b) Schools',
      'c) Education services',
      'd) Health services',
      'e) Housing',
      'f) LA services',
      'g) Police',
      'h) Other legal agency',
      'i) Other',
      'j) Anonymous',
      'k) Unknown',
    ]);
    expect(sourceCategory(null)).toBeNull();
  });
  it('ethnicity is lettered a) WBRI to t) NOBT', () => {
    expect(ETHNICITY_CATEGORY.WBRI).toBe('a) WBRI');
    expect(ETHNICITY_CATEGORY.WROM).toBe('e) WROM');
    expect(ETHNICITY_CATEGORY.NOBT).toBe('t) NOBT');
    expect(Object.keys(ETHNICITY_CATEGORY)).toHaveLength(20);
  });
  it('need, legal status, placement and provider', () => {
    expect([needCategory('N1'), needCategory('N8'), needCategory('N9'), needCategory('N0')]).toEqual([
      'a) N1 Abuse or neglect',
      'h) N8 Absent parenting',
      'i) Not CIN',
      'j) Not stated',
    ]);
    expect(['C1', 'E1', 'V4', 'L2', 'J3', 'XX'].map(legalStatusCategory)).toEqual([
      'a) Interim care order',
      'c) Placement order or freeing order',
      'e) Short-term breaks',
      'f) Police protection, emergency protection or child assessment order',
      'g) Youth justice',
      null,
    ]);
    expect(['U1', 'A6', 'K2', 'Z12', 'T4'].map(placementCategory)).toEqual([
      'a) Foster placement',
      'b) Placed for adoption',
      'e) Children’s home',
      'm) Other placement',
      'o) Temporary placement',
    ]);
    expect(['PR1', 'PR4', 'PR2', null].map(providerCategory)).toEqual(['a) Own LA', 'b) Private', 'c) Other', null]);
  });
  it('care leavers: in touch and accommodation letters', () => {
    expect(['YES', 'NO', 'REFU', 'DIED', 'RHOM', null].map(inTouchCategory)).toEqual([
      'a) In touch',
      'b) Not in touch',
      'b) Not in touch',
      'd) Exclude',
      'd) Exclude',
      'c) Not recorded',
    ]);
    expect(['B', 'U', 'Z', 'Q'].map(accommodationCategory)).toEqual([
      'a) With parents or relatives',
      'k) Independent living',
      'p) With former foster carers',
      null,
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, BLANK, birthday, dayNumber, dayToDate, INVALID, indexByChild, makeTable, parseDay, recogniseTable } from '../../src/returns/ssda903/model.ts';

const utcDay = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

describe('SSDA903 table model', () => {
  it('parses dd/mm/yyyy once into day numbers; blank and impossible dates are marked', () => {
    expect(parseDay('01/04/2025')).toBe(utcDay(2025, 4, 1));
    expect(parseDay('29/02/2024')).toBe(utcDay(2024, 2, 29));
    expect(parseDay('')).toBe(BLANK);
    for (const bad of ['29/02/2025', '31/04/2025', '1/4/2025', '2025-04-01', '00/01/2025', 'ZZ/01/2025']) expect(parseDay(bad), bad).toBe(INVALID);
    expect(dayToDate(parseDay('07/11/2019'))).toBe('07/11/2019');
  });

  it('day numbers, birthdays and ages agree with the calendar (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 40_000 }),
        (y, m, d, later) => {
          const dob = dayNumber(y, m, d);
          expect(dob).toBe(utcDay(y, m, d));
          expect(birthday(dob, 18)).toBe(utcDay(y + 18, m, d));
          const on = new Date((dob + later) * 86_400_000);
          const want = on.getUTCFullYear() - y - (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d) ? 1 : 0);
          expect(ageOn(dob, dob + later)).toBe(want);
        },
      ),
    );
    // A 29 February birthday falls on 1 March in a common year.
    expect(birthday(dayNumber(2008, 2, 29), 17)).toBe(utcDay(2025, 3, 1));
    expect(ageOn(dayNumber(2008, 2, 29), utcDay(2025, 2, 28))).toBe(16);
    expect(ageOn(dayNumber(2008, 2, 29), utcDay(2025, 3, 1))).toBe(17);
  });

  it('recognises a table by its exact set of columns, in any order and case', () => {
    expect(recogniseTable(['child', 'dob', 'review', 'review_code'])).toBe('Reviews');
    expect(recogniseTable(['REVIEW_CODE', 'REVIEW', 'DOB', 'CHILD'])).toBe('Reviews');
    expect(recogniseTable(['CHILD', 'DOB', 'REVIEW'])).toBeUndefined();
    expect(recogniseTable(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE', 'EXTRA'])).toBeUndefined();
  });

  it('indexes rows per child in date order, with previous and next episodes', () => {
    const t = makeTable('Missing', {
      CHILD: ['a', 'b', 'a', 'a'],
      DOB: ['', '', '', ''],
      MISSING: ['M', 'M', 'M', 'M'],
      MIS_START: ['', '', '', ''],
      MIS_END: ['', '', '', ''],
    });
    const ix = indexByChild(t, Int32Array.from([30, 10, 10, 20]));
    expect(ix.children).toEqual(['a', 'b']);
    expect(Array.from(ix.order)).toEqual([2, 3, 0, 1]);
    expect(Array.from(ix.prev)).toEqual([3, -1, -1, 2]);
    expect(Array.from(ix.next)).toEqual([-1, -1, 3, 0]);
  });
});

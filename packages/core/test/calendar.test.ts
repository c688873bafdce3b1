import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addDays,
  addWeeks,
  addWorkingDays,
  calendarDays,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  daysSinceEpoch,
  formatIsoDate,
  fromDaysSinceEpoch,
  InvalidIsoDateError,
  isIsoDate,
  isWorkingDay,
  parseIsoDate,
  workingDaysBetween,
} from '../src/calendar.ts';
import { anyDate, FIRST, LAST, MS_PER_DAY, midDate, naiveAddWorkingDays, naiveBetween, step, utcMs } from './calendar-oracles.ts';

// ---------------------------------------------------------------------------
// Hand-worked deadlines. Day 0 is the event; day 1 is the first working day after.
//
// A. Mon 2026-03-02. 15: Tue 3–Fri 6 (1–4), 9–13 (5–9), 16–20 (10–14), Mon 23 (15).
//    45: weekdays Tue 3 Mar–Fri 1 May = 44, less Good Friday 3 Apr and Easter
//    Monday 6 Apr = 42; Mon 4 May is early May bank holiday; Tue 5 (43),
//    Wed 6 (44), Thu 7 May (45).
// B. Thu 2026-12-24. Fri 25 Christmas, 26–27 weekend, Mon 28 Boxing Day
//    substitute: Tue 29 (1), 30 (2), 31 (3), Fri 1 Jan holiday, 4–8 (4–8),
//    11–15 (9–13), Mon 18 (14), Tue 19 Jan (15). 45: +30 = 6 clear weeks
//    (no holidays before Good Friday 26 Mar 2027) → Tue 2027-03-02.
// C. Sat 2026-04-04 (Easter Saturday). Sun 5, Mon 6 Easter Monday, so day 0
//    rolls to Tue 7, which is also day 1. 15: Tue 7–Fri 10 (1–4), 13–17 (5–9),
//    20–24 (10–14), Mon 27 Apr (15). 45: 28 Apr–1 May (16–19), Mon 4 May
//    holiday, 5–8 (20–23), 11–15 (24–28), 18–22 (29–33), Mon 25 May holiday,
//    26–29 (34–37), 1–5 Jun (38–42), Mon 8 (43), Tue 9 (44), Wed 10 Jun (45).
// D. Wed 2022-06-01, before the Platinum Jubilee Thu 2 + Fri 3 June:
//    1 → Mon 6 June; 15: 6–10 (1–5), 13–17 (6–10), 20–24 (11–15) → Fri 24 June.
// E. Fri 2023-05-05, before the coronation Mon 8 May and spring Mon 29 May:
//    9–12 (1–4), 15–19 (5–9), 22–26 (10–14), Tue 30 May (15).

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-02', 15, '2026-03-23'],
    ['2026-03-02', 45, '2026-05-07'],
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-24', 15, '2027-01-19'],
    ['2026-12-24', 45, '2027-03-02'],
    ['2026-04-04', 0, '2026-04-07'],
    ['2026-04-04', 1, '2026-04-07'],
    ['2026-04-04', 15, '2026-04-27'],
    ['2026-04-04', 45, '2026-06-10'],
    ['2022-06-01', 1, '2022-06-06'],
    ['2022-06-01', 15, '2022-06-24'],
    ['2023-05-05', 15, '2023-05-30'],
    // Weekends and day 0.
    ['2026-01-09', 0, '2026-01-09'], // Friday, working: itself
    ['2026-01-09', 1, '2026-01-12'],
    ['2026-01-09', 5, '2026-01-16'],
    ['2026-01-10', 0, '2026-01-12'], // Saturday rolls to Monday
    ['2026-01-11', 0, '2026-01-12'], // Sunday too
    ['2026-01-11', 1, '2026-01-12'],
    ['2026-01-11', 2, '2026-01-13'],
    ['2026-12-25', 0, '2026-12-29'], // Christmas Day itself
    // Each Christmas pattern: Fri (2020), Sat (2021), Sun (2022).
    ['2020-12-24', 1, '2020-12-29'],
    ['2021-12-24', 1, '2021-12-29'],
    ['2022-12-23', 1, '2022-12-28'],
    ['2027-03-25', 1, '2027-03-30'], // over Easter 2027
    // Backwards: the |n|-th working day strictly before.
    ['2026-12-29', -1, '2026-12-24'],
    ['2027-01-19', -15, '2026-12-24'],
    ['2026-12-26', -1, '2026-12-24'], // from Saturday: Thursday (Fri is Christmas)
    ['2026-04-04', -1, '2026-04-02'], // from Easter Saturday: Maundy Thursday
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-05-07', -45, '2026-03-02'],
    // Range ends: 1995-01-01 Sun, 02 Mon substitute; 2100-12-31 is a Friday.
    ['1995-01-01', 0, '1995-01-03'],
    ['2100-12-31', 0, '2100-12-31'],
  ] as const)('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('matches a day-by-day walk for n in −300..300', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: -300, max: 300 }), (d, n) => {
        expect(addWorkingDays(d, n)).toBe(naiveAddWorkingDays(d, n));
      }),
      { numRuns: 300 },
    );
  });

  it('always lands on a working day, strictly later for each extra day', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const r = addWorkingDays(d, n);
        expect(isWorkingDay(r)).toBe(true);
        if (n >= 1) expect(addWorkingDays(d, n + 1) > r).toBe(true);
        if (n >= 1) expect(r > d).toBe(true);
        if (n <= -1) expect(r < d).toBe(true);
      }),
    );
  });

  it('going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const w = addWorkingDays(d, 0);
        expect(addWorkingDays(addWorkingDays(w, n), -n)).toBe(w);
      }),
    );
  });

  it('throws RangeError when the date or result leaves 1995–2100', () => {
    expect(() => addWorkingDays('2100-12-31', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2100-12-01', 30)).toThrow(RangeError);
    expect(() => addWorkingDays('1995-01-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('1994-12-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2101-01-03', -5)).toThrow(RangeError);
    expect(addWorkingDays('1995-01-04', -1)).toBe('1995-01-03');
  });

  it('rejects a non-integer count', () => {
    expect(() => addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', Number.NaN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-12-24', '2027-01-19', 15],
    ['2027-01-19', '2026-12-24', -15],
    ['2026-03-02', '2026-05-07', 45],
    ['2026-04-04', '2026-06-10', 45],
    ['2026-01-09', '2026-01-12', 1], // Fri → Mon
    ['2026-01-10', '2026-01-12', 1], // Sat → Mon
    ['2026-01-10', '2026-01-11', 0], // Sat → Sun
    ['2026-01-10', '2026-01-17', 5], // Sat → Sat
    ['2026-04-02', '2026-04-07', 1], // over Easter
    ['2026-04-07', '2026-04-02', -1],
    ['2026-12-25', '2026-12-25', 0],
    ['2026-01-05', '2026-01-05', 0],
  ] as const)('%s → %s is %i', (a, b, n) => {
    expect(workingDaysBetween(a, b)).toBe(n);
  });

  it('matches counting day by day, and is antisymmetric', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: -400, max: 400 }), (a, days) => {
        const b = addDays(a, days);
        expect(workingDaysBetween(a, b)).toBe(naiveBetween(a, b));
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('addWorkingDays(a, workingDaysBetween(a, b)) === b for any a and working day b ≥ a', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: 0, max: 500 }), (a, days) => {
        const b = addWorkingDays(addDays(a, days), 0);
        expect(addWorkingDays(a, workingDaysBetween(a, b))).toBe(b);
      }),
    );
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) === n for n ≥ 1', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: 1, max: 500 }), (a, n) => {
        expect(workingDaysBetween(a, addWorkingDays(a, n))).toBe(n);
      }),
    );
  });

  it('the round trip also holds backwards from a working day', () => {
    fc.assert(
      fc.property(midDate, fc.integer({ min: -500, max: 500 }), (d, n) => {
        const a = addWorkingDays(d, 0);
        expect(workingDaysBetween(a, addWorkingDays(a, n))).toBe(n);
      }),
    );
  });

  it('throws RangeError outside 1995–2100', () => {
    expect(() => workingDaysBetween('1994-12-30', '2000-01-01')).toThrow(RangeError);
    expect(() => workingDaysBetween('2000-01-01', '2101-01-01')).toThrow(RangeError);
  });
});

describe('calendarDays', () => {
  it('numbers working days from 1 and carries the number over non-working days', () => {
    const rows = calendarDays('2026-12-24', '2027-01-05');
    expect(rows.map((r) => [r.date.slice(5), r.isWorkingDay, r.workingDayNumber])).toEqual([
      ['12-24', true, 1],
      ['12-25', false, 1],
      ['12-26', false, 1],
      ['12-27', false, 1],
      ['12-28', false, 1],
      ['12-29', true, 2],
      ['12-30', true, 3],
      ['12-31', true, 4],
      ['01-01', false, 4],
      ['01-02', false, 4],
      ['01-03', false, 4],
      ['01-04', true, 5],
      ['01-05', true, 6],
    ]);
  });

  it('gives 0 to days before the first working day', () => {
    expect(calendarDays('2026-12-26', '2026-12-30').map((r) => r.workingDayNumber)).toEqual([0, 0, 0, 1, 2]);
    expect(calendarDays('1995-01-01', '1995-01-03').map((r) => r.workingDayNumber)).toEqual([0, 0, 1]);
    expect(calendarDays('2026-01-05', '2026-01-05')).toEqual([{ date: '2026-01-05', isWorkingDay: true, workingDayNumber: 1 }]);
  });

  it('covers the whole range with consecutive dates', () => {
    const rows = calendarDays('1995-01-01', '2100-12-31');
    expect(rows.length).toBe(LAST - FIRST + 1);
    expect(rows.every((r, i) => r.date === fromDaysSinceEpoch(FIRST + i))).toBe(true);
    expect(rows.at(-1)?.workingDayNumber).toBe(workingDaysBetween('1995-01-01', '2100-12-31'));
  });

  it('lookup by number is equivalent to addWorkingDays and workingDaysBetween (as documented)', () => {
    fc.assert(
      fc.property(
        // Far enough from both range ends that addWorkingDays never throws here.
        fc.integer({ min: FIRST + 400, max: LAST - 1300 }).map(fromDaysSinceEpoch),
        fc.integer({ min: 0, max: 600 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -200, max: 400 }),
        (from, length, dPick, bPick, n) => {
          const rows = calendarDays(from, addDays(from, length));
          const d = rows[dPick % rows.length];
          const b = rows[bPick % rows.length];
          if (!d || !b) throw new Error('unreachable');
          expect(workingDaysBetween(d.date, b.date)).toBe(b.workingDayNumber - d.workingDayNumber);

          const target = d.workingDayNumber + n + (n <= 0 && !d.isWorkingDay ? 1 : 0);
          const hit = rows.find((r) => r.isWorkingDay && r.workingDayNumber === target);
          const actual = addWorkingDays(d.date, n);
          if (hit) expect(actual).toBe(hit.date);
          else {
            // No row with that number: the answer must lie outside the table.
            const last = rows.at(-1)?.date ?? '';
            expect(actual < from || actual > last).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with isWorkingDay row by row', () => {
    for (const r of calendarDays('2022-01-01', '2023-12-31')) expect(r.isWorkingDay).toBe(isWorkingDay(r.date));
  });

  it('throws RangeError for a reversed or out-of-range span', () => {
    expect(() => calendarDays('2026-01-02', '2026-01-01')).toThrow(RangeError);
    expect(() => calendarDays('1994-12-31', '1995-01-10')).toThrow(RangeError);
    expect(() => calendarDays('2100-12-01', '2101-01-01')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// Plain calendar arithmetic

describe('calendar arithmetic', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2000-02-29', 12, '2001-02-28'],
    ['2000-02-29', 48, '2004-02-29'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-05-15', -120, '2016-05-15'],
  ] as const)('addCalendarMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addCalendarMonths(date, n)).toBe(expected);
  });

  it('addCalendarMonths moves exactly n months and clamps to the month end', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const p = parseIsoDate(d);
        const r = parseIsoDate(addCalendarMonths(d, n));
        expect(r.year * 12 + r.month - (p.year * 12 + p.month)).toBe(n);
        expect(r.day).toBe(Math.min(p.day, daysInMonth(r.year, r.month)));
      }),
    );
  });

  it('addDays, addWeeks and dayOfWeek agree with Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysSinceEpoch('1800-01-01'), max: daysSinceEpoch('2300-12-31') }), fc.integer({ min: -5000, max: 5000 }), (days, n) => {
        const d = fromDaysSinceEpoch(days);
        expect(utcMs(d)).toBe(days * MS_PER_DAY);
        expect(addDays(d, n)).toBe(step(d, n));
        expect(addWeeks(d, n)).toBe(step(d, 7 * n));
        expect(dayOfWeek(d)).toBe(new Date(utcMs(d)).getUTCDay());
      }),
    );
  });

  it('works on fixed examples', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addWeeks('2026-12-24', 2)).toBe('2027-01-07');
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-01-04')).toBe(0);
    expect(dayOfWeek('2026-01-10')).toBe(6);
    expect(daysSinceEpoch('1970-01-01')).toBe(0);
    expect(fromDaysSinceEpoch(-1)).toBe('1969-12-31');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
  });

  it('plain arithmetic is not limited to the holiday range, but stays within years 0001–9999', () => {
    expect(addDays('1066-10-14', 1)).toBe('1066-10-15');
    expect(addCalendarMonths('2100-12-31', 2)).toBe('2101-02-28');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addCalendarMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('compareIsoDates orders dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBe(1);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareIsoDates('0999-12-31', '1000-01-01')).toBe(-1);
    expect(() => compareIsoDates('2026-1-1', '2026-01-01')).toThrow(InvalidIsoDateError);
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(compareIsoDates(a, b)).toBe(Math.sign(daysSinceEpoch(a) - daysSinceEpoch(b)));
      }),
    );
  });
});

describe('isIsoDate / parseIsoDate / formatIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-04-30'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '26-01-01',
    '2026-1-01',
    '2026-01-1',
    '20260101',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01T00:00:00Z',
    '+02026-01-01',
    '-2026-01-01',
    '２０２６-01-01',
    '2026-0a-01',
    '',
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(InvalidIsoDateError);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });

  it('parseIsoDate gives numbers and a clear message', () => {
    expect(parseIsoDate('2026-07-09')).toEqual({ year: 2026, month: 7, day: 9 });
    expect(() => parseIsoDate('2026-02-30')).toThrow(/Invalid ISO date "2026-02-30".*YYYY-MM-DD/);
  });

  it('agrees with Date on which year/month/day triples exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const probe = new Date(0);
        probe.setUTCFullYear(y, m - 1, d);
        const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isIsoDate(s)).toBe(real);
        if (real) expect(formatIsoDate(y, m, d)).toBe(s);
        else expect(() => formatIsoDate(y, m, d)).toThrow(InvalidIsoDateError);
      }),
    );
  });

  it('daysSinceEpoch and fromDaysSinceEpoch are inverse over 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysSinceEpoch('0001-01-01'), max: daysSinceEpoch('9999-12-31') }), (n) => {
        const d = fromDaysSinceEpoch(n);
        expect(isIsoDate(d)).toBe(true);
        expect(daysSinceEpoch(d)).toBe(n);
      }),
    );
  });
});

describe('todayInEngland', () => {
  it('uses the date in England, not UTC', async () => {
    const { todayInEngland } = await import('../src/calendar.ts');
    // 23:30 UTC on 1 July 2026 is 00:30 on 2 July in British Summer Time.
    expect(todayInEngland(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    // In winter England is on UTC.
    expect(todayInEngland(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});

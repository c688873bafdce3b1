// Oracles for the calendar's property tests (bank-holidays.test.ts, calendar.test.ts).
import fc from 'fast-check';
import { bankHolidays, daysSinceEpoch, fromDaysSinceEpoch, type IsoDate } from '../src/calendar.ts';

// Deliberately built a different way:
// Date in UTC for calendar arithmetic, and a day-by-day walk for working days.

export const MS_PER_DAY = 86_400_000;
export const utcMs = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);
export const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
export const step = (d: IsoDate, n: number): IsoDate => fromUtcMs(utcMs(d) + n * MS_PER_DAY);

export function naiveIsWorking(d: IsoDate): boolean {
  const dow = new Date(utcMs(d)).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !bankHolidays(Number(d.slice(0, 4))).some((h) => h.date === d);
}

export function naiveAddWorkingDays(d: IsoDate, n: number): IsoDate {
  if (n === 0 && naiveIsWorking(d)) return d;
  const dir = n < 0 ? -1 : 1;
  const want = Math.max(Math.abs(n), 1);
  let x = d;
  let seen = 0;
  for (;;) {
    x = step(x, dir);
    if (naiveIsWorking(x) && ++seen === want) return x;
  }
}

export function naiveBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return 0 - naiveBetween(b, a);
  let count = 0;
  for (let x = step(a, 1); x <= b; x = step(x, 1)) if (naiveIsWorking(x)) count++;
  return count;
}

export const FIRST = daysSinceEpoch('1995-01-01');
export const LAST = daysSinceEpoch('2100-12-31');
// Keep clear of the range ends so ±a few hundred working days stays inside.
export const midDate = fc.integer({ min: FIRST + 800, max: LAST - 800 }).map(fromDaysSinceEpoch);
export const anyDate = fc.integer({ min: FIRST, max: LAST }).map(fromDaysSinceEpoch);

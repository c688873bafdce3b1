/**
 * Working-day arithmetic on day numbers (days since 1970-01-01) for the generator: the same
 * answers as packages/core's calendar (which the timescales engine and calendar_day use), made
 * O(1) without ISO strings by a table built once for the years the council's history spans.
 */
import {
  addCalendarMonths,
  addWorkingDays,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarDays,
  isWorkingDay,
  workingDaysBetween,
} from '@lantern/core/calendar';
import { dayOf, isoOf } from './rng.ts';

export class WorkingDays {
  private readonly first: number;
  private readonly last: number;
  /** number[i] = working days in [first, first + i]. */
  private readonly number: Int32Array;
  private readonly working: Uint8Array;
  /** list[k - 1] = the k-th working day on or after `first`. */
  private readonly list: Int32Array;

  constructor(from: number, to: number) {
    this.first = Math.max(from, dayOf(`${CALENDAR_FIRST_YEAR}-01-01`));
    this.last = Math.min(to, dayOf(`${CALENDAR_LAST_YEAR}-12-31`));
    const days = calendarDays(isoOf(this.first), isoOf(this.last));
    this.number = new Int32Array(days.length);
    this.working = new Uint8Array(days.length);
    const list: number[] = [];
    for (let i = 0; i < days.length; i++) {
      const d = days[i] as (typeof days)[number];
      this.number[i] = d.workingDayNumber;
      if (d.isWorkingDay) {
        this.working[i] = 1;
        list.push(this.first + i);
      }
    }
    this.list = Int32Array.from(list);
  }

  isWorking(day: number): boolean {
    const i = day - this.first;
    if (i < 0 || day > this.last) return isWorkingDay(isoOf(day));
    return this.working[i] === 1;
  }

  /** The working day `n` working days after `day` (day 0), exactly as core's addWorkingDays. */
  add(day: number, n: number): number {
    const i = day - this.first;
    if (i >= 0 && day <= this.last) {
      const k = (this.number[i] as number) + n + (n <= 0 && this.working[i] === 0 ? 1 : 0);
      const found = this.list[k - 1];
      if (k >= 1 && found !== undefined) return found;
    }
    return dayOf(addWorkingDays(isoOf(day), n));
  }

  /** Working days after `a` up to and including `b` (negative when b is before a). */
  between(a: number, b: number): number {
    const i = a - this.first;
    const j = b - this.first;
    if (i >= 0 && j >= 0 && a <= this.last && b <= this.last) return (this.number[j] as number) - (this.number[i] as number);
    return workingDaysBetween(isoOf(a), isoOf(b));
  }

  /** `day` if it is a working day, else the working day before it. */
  onOrBefore(day: number): number {
    return this.isWorking(day) ? day : this.add(day, -1);
  }

  /** `day` if it is a working day, else the working day after it. */
  onOrAfter(day: number): number {
    return this.add(day, 0);
  }
}

/** The same day `n` calendar months later, clamped to the month's end (core's rule). */
export function addMonths(day: number, n: number): number {
  return dayOf(addCalendarMonths(isoOf(day), n));
}

// Working-day calendar for England and Wales. Pure: no I/O, no clock, and no
// local-time Date methods, so answers never depend on the process's TZ.
// Dates are ISO strings `YYYY-MM-DD`; arithmetic is on integer day numbers
// (days since 1970-01-01, proleptic Gregorian).
//
// Errors: a malformed or impossible date string throws InvalidIsoDateError;
// a valid date that needs bank holidays outside 1995–2100 (or a result beyond
// year 9999) throws RangeError.

import type { IsoDate } from './bank-holidays.ts';
import { bankHolidays, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './bank-holidays.ts';

export type { BankHoliday, BankHolidayChange, IsoDate } from './bank-holidays.ts';
export {
  BANK_HOLIDAY_CHANGES,
  bankHolidays,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  easterSunday,
} from './bank-holidays.ts';

export class InvalidIsoDateError extends Error {
  override name = 'InvalidIsoDateError';
  readonly value: unknown;
  constructor(value: unknown) {
    super(`Invalid ISO date ${JSON.stringify(value)}: expected a real calendar date written YYYY-MM-DD`);
    this.value = value;
  }
}

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

export interface CalendarDay {
  date: IsoDate;
  isWorkingDay: boolean;
  /** Count of working days in [from, date]; see calendarDays. */
  workingDayNumber: number;
}

// ---------------------------------------------------------------------------
// Plain calendar arithmetic (valid for years 0001–9999, no holidays needed)

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer maths,
// avoiding Date entirely (Date.UTC also mangles years 0–99). The SSDA903 return's day
// numbers (returns/ssda903/model.ts) are these too.
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): IsoDateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Parses without regex or Date: this sits on the hot path of addWorkingDays. */
function tryParse(s: unknown): IsoDateParts | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real proleptic-Gregorian date written exactly `YYYY-MM-DD`, years 0001–9999. */
export function isIsoDate(s: unknown): s is IsoDate {
  return tryParse(s) !== null;
}

/** Splits a date into numbers; throws InvalidIsoDateError if it is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(s: string): IsoDateParts {
  const parts = tryParse(s);
  if (parts === null) throw new InvalidIsoDateError(s);
  return parts;
}

/** Builds an IsoDate from numbers; throws InvalidIsoDateError if there is no such date. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || tryParse(s) === null) {
    throw new InvalidIsoDateError(`${year}-${month}-${day}`);
  }
  return s;
}

/** Days since 1970-01-01 (which is 0). */
export function daysSinceEpoch(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return daysFromCivil(year, month, day);
}

const MIN_DAYS = daysFromCivil(1, 1, 1);
const MAX_DAYS = daysFromCivil(9999, 12, 31);

/** Inverse of daysSinceEpoch; RangeError outside years 0001–9999. */
export function fromDaysSinceEpoch(days: number): IsoDate {
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
    throw new RangeError(`Day number ${days} is not a date in years 0001–9999`);
  }
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer; got ${n}`);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((daysSinceEpoch(date) + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive as a is before, equal to or after b. Both must be valid dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  // Fixed-width YYYY-MM-DD sorts lexically in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Days');
  return fromDaysSinceEpoch(daysSinceEpoch(date) + n);
}

export function addWeeks(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Weeks');
  return addDays(date, n * 7);
}

/**
 * Same day of the month n months later (or earlier); when that month is too
 * short, its last day: 2026-08-31 + 6 → 2027-02-28, 2027-08-31 + 6 → 2028-02-29.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new RangeError(`${date} + ${n} months is outside years 0001–9999`);
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

// ---------------------------------------------------------------------------
// Working days

const FIRST_DAY = daysFromCivil(CALENDAR_FIRST_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(CALENDAR_LAST_YEAR, 12, 31);
const RANGE_TEXT = `${CALENDAR_FIRST_YEAR}-01-01 to ${CALENDAR_LAST_YEAR}-12-31`;

interface WorkingTable {
  /** cumulative[i] = working days in [FIRST_DAY, FIRST_DAY + i]. */
  cumulative: Int32Array;
  /** workingDays[k - 1] = day number of the k-th working day from FIRST_DAY. */
  workingDays: Int32Array;
}

let table: WorkingTable | null = null;

// One table for the whole 1995–2100 range (~39k days, a few hundred KB) makes
// every working-day query O(1); built lazily on first use.
function workingTable(): WorkingTable {
  if (table !== null) return table;
  const size = LAST_DAY - FIRST_DAY + 1;
  const holiday = new Uint8Array(size);
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    for (const h of bankHolidays(year)) holiday[daysSinceEpoch(h.date) - FIRST_DAY] = 1;
  }
  const cumulative = new Int32Array(size);
  const working: number[] = [];
  let count = 0;
  for (let i = 0; i < size; i++) {
    const dow = (((FIRST_DAY + i + 4) % 7) + 7) % 7;
    if (dow !== 0 && dow !== 6 && holiday[i] === 0) {
      count++;
      working.push(FIRST_DAY + i);
    }
    cumulative[i] = count;
  }
  table = { cumulative, workingDays: Int32Array.from(working) };
  return table;
}

/** Index into the working table; RangeError outside 1995–2100. */
function rangeIndex(date: IsoDate): number {
  const days = daysSinceEpoch(date);
  if (days < FIRST_DAY || days > LAST_DAY) {
    throw new RangeError(`${date} is outside the working-day calendar (${RANGE_TEXT})`);
  }
  return days - FIRST_DAY;
}

function workingAt(t: WorkingTable, i: number): boolean {
  return (t.cumulative[i] ?? 0) - (i > 0 ? (t.cumulative[i - 1] ?? 0) : 0) === 1;
}

const holidaySets = new Map<number, Set<IsoDate>>();

/** Is `date` a bank holiday in England and Wales? RangeError outside 1995–2100. */
export function isBankHoliday(date: IsoDate): boolean {
  rangeIndex(date);
  const year = Number(date.slice(0, 4));
  let set = holidaySets.get(year);
  if (set === undefined) {
    set = new Set(bankHolidays(year).map((h) => h.date));
    holidaySets.set(year, set);
  }
  return set.has(date);
}

/** Not a Saturday, Sunday or bank holiday. RangeError outside 1995–2100. */
export function isWorkingDay(date: IsoDate): boolean {
  const t = workingTable();
  return workingAt(t, rangeIndex(date));
}

/**
 * The working day n working days after `date`, which is day 0.
 * - n ≥ 1: the n-th working day strictly after `date`.
 * - n = 0: `date` itself if it is a working day, otherwise the next working
 *   day (so for a Saturday, n = 0 and n = 1 both give the Monday, if working).
 * - n ≤ −1: the |n|-th working day strictly before `date`.
 * Example: addWorkingDays('2026-12-24', 1) = '2026-12-29'.
 * RangeError if `date` or the result is outside 1995–2100.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Working days');
  const t = workingTable();
  const i = rangeIndex(date);
  const own = t.cumulative[i] ?? 0;
  // 1-based position in t.workingDays; see calendarDays for why the +1.
  const k = own + n + (n <= 0 && !workingAt(t, i) ? 1 : 0);
  const day = t.workingDays[k - 1];
  if (k < 1 || day === undefined) {
    throw new RangeError(`${date} ${n >= 0 ? '+' : '−'} ${Math.abs(n)} working days is outside the calendar (${RANGE_TEXT})`);
  }
  return fromDaysSinceEpoch(day);
}

/**
 * The number of working days after `a` up to and including `b`: 0 when equal,
 * and −workingDaysBetween(b, a) when b < a.
 * For any a and working day b ≥ a: addWorkingDays(a, workingDaysBetween(a, b)) === b.
 * RangeError outside 1995–2100.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const t = workingTable();
  return (t.cumulative[rangeIndex(b)] ?? 0) - (t.cumulative[rangeIndex(a)] ?? 0);
}

/**
 * Every day in [from, to] (inclusive) with a running working-day number, to
 * fill a table so that working-day deadlines become lookups.
 *
 * number(x) = the count of working days in [from, x]. It rises by 1 on each
 * working day (the first working day on or after `from` is 1), a non-working
 * day carries the number of the last working day before it, and days before
 * the first working day are 0. Then, for from ≤ a, b, d ≤ to:
 *
 *   workingDaysBetween(a, b) = number(b) − number(a)
 *   addWorkingDays(d, n)     = the working day numbered number(d) + n,
 *                              plus 1 if d is NOT a working day and n ≤ 0
 *
 * (whenever that working day lies in [from, to]). The +1 is because a
 * non-working d shares its number with the last working day before it, yet
 * day 0 rolls forward to the next working day and day −1 is that earlier one.
 * RangeError if `to` is before `from` or either is outside 1995–2100.
 */
export function calendarDays(from: IsoDate, to: IsoDate): CalendarDay[] {
  const t = workingTable();
  const start = rangeIndex(from);
  const end = rangeIndex(to);
  if (end < start) throw new RangeError(`calendarDays: ${to} is before ${from}`);
  const base = start > 0 ? (t.cumulative[start - 1] ?? 0) : 0;
  const out: CalendarDay[] = [];
  for (let i = start; i <= end; i++) {
    out.push({
      date: fromDaysSinceEpoch(FIRST_DAY + i),
      isWorkingDay: workingAt(t, i),
      workingDayNumber: (t.cumulative[i] ?? 0) - base,
    });
  }
  return out;
}

// en-CA formats as YYYY-MM-DD. Made once: building a formatter costs a fifth of a millisecond,
// which every request that asks the date paid (3% of the child record's CPU). Made on first use:
// the first formatter with a time zone loads ICU's zone data (tens of milliseconds), which a
// command that never asks the date (validate ssda903, on both its threads) need not wait for.
let englandDate: Intl.DateTimeFormat | undefined;

/**
 * Today's date in England (Europe/London), whatever the server's own time zone: between
 * midnight and 1am in summer the UTC date is still yesterday, and "today" is what the
 * practitioner means.
 */
export function todayInEngland(now: Date = new Date()): IsoDate {
  // England's day turns at a whole minute, so the date is formatted once a minute, not per request.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    englandDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    lastDate = englandDate.format(now);
  }
  return lastDate;
}
let lastMinute = Number.NaN;
let lastDate = '';

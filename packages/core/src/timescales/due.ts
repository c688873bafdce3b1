// Due dates and states: pure functions that turn a rule's interval and a start
// date into a due date, and a due date and what happened into a state.
// No clock: "today" is always passed in as `asOf`.

import type { IsoDate } from '../calendar.ts';
import { addCalendarMonths, addDays, addWeeks, addWorkingDays, compareIsoDates, daysSinceEpoch, parseIsoDate, workingDaysBetween } from '../calendar.ts';
import type { DueRule } from './rule.ts';

// Explicit zone required: a bare local time would depend on the server's TZ.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseTimestamp(s: string): number {
  const ms = TIMESTAMP.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid timestamp ${JSON.stringify(s)}: expected ISO 8601 with Z or an offset`);
  }
  return ms;
}

function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * When `due` falls for an event on `from`. Working days count the event date
 * as day 0 and always land on a working day; months clamp to month end.
 * Hours run from `fromTime` (required) and give the UTC date of the instant.
 * Throws for 'by-event': the caller takes the date from that event.
 */
export function dueDate(due: DueRule, from: IsoDate, fromTime?: string): { date: IsoDate; at?: string } {
  if (due.unit === 'by-event') {
    throw new Error(`A "${due.description}" due date comes from the event (${due.event}), not from counting`);
  }
  const n = due.n;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`A timescale must be a whole number of ${due.unit} ≥ 0; got ${n}`);
  }
  parseIsoDate(from);
  switch (due.unit) {
    case 'working-days':
      return { date: addWorkingDays(from, n) };
    case 'days':
      return { date: addDays(from, n) };
    case 'weeks':
      return { date: addWeeks(from, n) };
    case 'months':
      return { date: addCalendarMonths(from, n) };
    case 'hours': {
      if (fromTime === undefined) throw new Error('An hours timescale runs from the recorded time: pass fromTime');
      const at = formatTimestamp(parseTimestamp(fromTime) + n * 3_600_000);
      return { date: at.slice(0, 10), at };
    }
  }
}

// ---------------------------------------------------------------------------
// States

export type ObligationState = 'due' | 'overdue' | 'met-on-time' | 'met-late';

/** Each state as a person reads it (with 'ended': the need went away before it was met). */
export const OBLIGATION_STATE_LABELS: Readonly<Record<string, string>> = {
  due: 'Due',
  overdue: 'Overdue',
  'met-on-time': 'Met on time',
  'met-late': 'Met late',
  ended: 'Ended',
};

/**
 * Met on or before the due date: met on time; after it: met late. Still open:
 * overdue once asOf is past the due date, else due (the due date itself is due).
 */
export function obligationState(dueDate: IsoDate, metOn: IsoDate | null, asOf: IsoDate): ObligationState {
  parseIsoDate(asOf);
  if (metOn !== null) return compareIsoDates(metOn, dueDate) <= 0 ? 'met-on-time' : 'met-late';
  return compareIsoDates(asOf, dueDate) > 0 ? 'overdue' : 'due';
}

/** Calendar days past the due date (0 if not yet past). */
export function daysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysSinceEpoch(asOf) - daysSinceEpoch(dueDate));
}

/** Working days past the due date, up to and including asOf (0 if none). */
export function workingDaysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, workingDaysBetween(dueDate, asOf));
}

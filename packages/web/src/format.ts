/** Dates, ages and identifiers as a practitioner reads them. Dates are ISO strings; no time zones. */
import { isIsoDate } from '@lantern/core/calendar';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** '2015-03-12' → '12 March 2015'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  return `${p[2]} ${MONTHS[p[1] - 1] ?? ''} ${p[0]}`;
}

/** Today in England, as YYYY-MM-DD. */
export function todayInEngland(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Whole years (or months, under one) from a date of birth to a day: '7 years', '5 months'. */
export function formatAge(dateOfBirth: string | null | undefined, on: string = todayInEngland()): string {
  if (!dateOfBirth) return '';
  const b = parts(dateOfBirth);
  const t = parts(on);
  if (!b || !t) return '';
  let months = (t[0] - b[0]) * 12 + (t[1] - b[1]);
  if (t[2] < b[2]) months -= 1;
  if (months < 0) return '';
  if (months >= 12) {
    const years = Math.floor(months / 12);
    return `${years} ${years === 1 ? 'year' : 'years'}`;
  }
  if (months === 0) return 'Under 1 month';
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** A child's date of birth, or when an unborn child is due. */
export function formatBirth(child: { dateOfBirth: string | null; expectedDateOfBirth: string | null }): string {
  if (child.dateOfBirth) return formatDate(child.dateOfBirth);
  if (child.expectedDateOfBirth) return `Due ${formatDate(child.expectedDateOfBirth)}`;
  return 'Not recorded';
}

/** '4857773456' → '485 777 3456'. */
export function formatNhsNumber(nhs: string | null | undefined): string {
  if (!nhs) return '';
  const d = nhs.replace(/\s/g, '');
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : nhs;
}

export function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export type DateParts = { day: string; month: string; year: string };
export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export function dateParts(iso: string | null | undefined): DateParts {
  const p = iso ? parts(iso) : null;
  return p ? { day: String(p[2]), month: String(p[1]), year: String(p[0]) } : EMPTY_DATE;
}

/**
 * The day, month and year boxes of a GOV.UK date input as an ISO date: null when all are
 * empty, or the message to show when they do not make a real date.
 */
export function dateFromParts(d: DateParts, label: string): { iso: string | null } | { error: string } {
  const day = d.day.trim();
  const month = d.month.trim();
  const year = d.year.trim();
  if (!day && !month && !year) return { iso: null };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? { iso } : { error: `${label} must be a real date` };
}

/** A code's label from a code list, or the code itself. */
export function labelOf(list: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '';
  return list[code] ?? code;
}

/** 'first core group meeting' → 'First core group meeting'. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A time of day as a practitioner types it: '14:30', '9.05', '0930', '9:30am', '2pm'. Returns
 * hours (0–23) and minutes, or null when it is not a time.
 */
export function parseTime(text: string): { hours: number; minutes: number } | null {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (m[2] === undefined && !half) return null; // "9" alone: morning or evening?
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    if (half === 'am' && hours === 12) hours = 0;
    if (half === 'pm' && hours !== 12) hours += 12;
  } else if (hours > 23) return null;
  return { hours, minutes };
}

/** The UTC offset in England at an instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * A date and a time on the clock in England as ISO 8601 with its offset:
 * ('2026-07-01', 9, 30) → '2026-07-01T09:30:00+01:00'. In the hour the clocks go forward, a
 * time that does not exist is read as the same time after the change.
 */
export function englandDateTime(date: string, hours: number, minutes: number): string {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hours, minutes);
  let offset = londonOffsetMinutes(new Date(wall));
  offset = londonOffsetMinutes(new Date(wall - offset * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(hours)}:${pad(minutes)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the clock in England read it: '23 November 2026 at 9:30am'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const hours = Number(get('hour'));
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${get('minute')}${hours < 12 ? 'am' : 'pm'}`;
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`)} at ${clock}`;
}

/** The time of an instant on the clock in England, as the time box shows it: '09:30'. */
export function englandTime(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Yes or no as a radio value, and back. */
export function yesNo(value: boolean | null | undefined): string {
  return value === true ? 'yes' : value === false ? 'no' : '';
}

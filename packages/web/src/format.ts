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

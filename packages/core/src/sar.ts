/**
 * Subject access requests (UK GDPR art. 12 and 15): a person asks for the record held about them
 * (a care-experienced adult, or someone for a child). Due one calendar month from receipt,
 * extendable by two further months with a recorded reason. Third-party information in the record
 * is marked for redaction; a person reviews the marks before the copy is released.
 */
import { z } from 'zod';
import { addCalendarMonths } from './calendar.ts';
import { recordVersion, datePattern as isoDate } from './fields.ts';

export const SAR_REQUESTERS = {
  self: 'The person the record is about',
  parent: 'A parent or someone with parental responsibility',
  representative: 'A representative with the person’s written authority (a solicitor, an advocate)',
} as const;

export const recordSarInput = z.object({
  requesterName: z.string().trim().min(1, 'Enter the name of the person asking').max(200),
  requesterRelationship: z.enum(Object.keys(SAR_REQUESTERS) as [keyof typeof SAR_REQUESTERS, ...(keyof typeof SAR_REQUESTERS)[]]),
  identitySeen: z.string().trim().min(1, 'Say what proof of identity was seen').max(500),
  receivedOn: isoDate,
});
export const extendSarInput = z.object({
  version: recordVersion,
  reason: z.string().trim().min(1, 'Give the reason for extending (the request is complex or one of many)').max(2000),
});
export const sarMark = z.object({ text: z.string().min(1).max(200), reason: z.string().max(200) });
export type SarMark = z.infer<typeof sarMark>;
export const reviewSarInput = z.object({
  version: recordVersion,
  /** The marks as the reviewer leaves them: proposed ones kept or dropped, others added. */
  marks: z.array(sarMark).max(500),
});

/** When the answer is due: one calendar month from receipt, three when extended. */
export function sarDueOn(receivedOn: string, extended: boolean): string {
  return addCalendarMonths(receivedOn, extended ? 3 : 1);
}

const escapeForPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts of a text marked for redaction: each mark's text where it stands as whole words
 * (longest first, so "Karen Lambert" is taken whole before "Karen"). Returns the text cut into
 * segments, the marked ones flagged.
 */
export function redactionSegments(text: string, marks: readonly { text: string }[]): { text: string; marked: boolean }[] {
  const terms = [...new Set(marks.map((m) => m.text.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!terms.length) return [{ text, marked: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeForPattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), marked: false });
    out.push({ text: m[0], marked: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

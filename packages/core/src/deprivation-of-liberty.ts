/**
 * Deprivation of liberty orders (DoLOs) on a looked-after child's record, and in the SSDA903
 * return's DoLo table from 2026/27 (CHILD, DOB, DOLO_START, DOLO_END; rules 700–710).
 *
 * What an order is (general knowledge, not from the data standards or the DfE's rules): the High
 * Court, under its inherent jurisdiction, authorises a council to deprive a child in its care of
 * their liberty (locked doors, constant supervision, restraint) where a secure accommodation order
 * is not available. It lasts until a date the court sets or until it is ended, and the court
 * reviews it. The return's DOLO_END is the day it ended: the day it was ended, else the day the
 * court set (an order is not in force past it unless extended, which moves that date).
 */
import { z } from 'zod';
import { flag, nullishText, recordVersion, requiredText } from './fields.ts';
import { plainDate } from './meetings.ts';
import { isoDate } from './schemas.ts';
// The placements an order cannot be in are NO_DOLO_PLACES (looked-after/codes.ts, which the return's rules read).

type Dates = { madeOn: string; expiresOn?: string | null; endedOn?: string | null; endReason?: string | null };
export type DoloProblem = { field: 'expiresOn' | 'endedOn'; rule: string; message: string };

/**
 * The order's own dates out of order, by field: an end or an expiry before the order was made, or
 * a reason it ended with no day it ended. Checked as recorded and again on the order as amended.
 */
export function doloDateProblems(o: Dates): DoloProblem[] {
  const problems: DoloProblem[] = [];
  if (o.expiresOn && o.expiresOn < o.madeOn)
    problems.push({ field: 'expiresOn', rule: 'expires-before-made', message: `The order cannot run out before it was made (${o.madeOn})` });
  if (o.endedOn && o.endedOn < o.madeOn)
    problems.push({ field: 'endedOn', rule: 'ended-before-made', message: `The order cannot end before it was made (${o.madeOn})` });
  if (o.endReason && !o.endedOn) problems.push({ field: 'endedOn', rule: 'required-with-endReason', message: 'Say when the order ended' });
  return problems;
}

/** The chronology's words for an order made (the record and the demo's generator say the same). */
export const doloMadeSummary = (o: { court: string; caseNumber: string; expiresOn: string | null; authorises: string }): string =>
  `Deprivation of liberty order made by ${o.court} (case ${o.caseNumber}), ${o.expiresOn ? `until ${plainDate(o.expiresOn)}` : 'until further order'}: ${o.authorises}`;

/** The chronology's words for an order ended. */
export const doloEndedSummary = (reason: string | null): string => `Deprivation of liberty order ended${reason ? `: ${reason}` : ''}`;

/** The day the order ended or will end: ended early, else the date the court set (null: until further order). */
export const doloEndsOn = (o: { endedOn: string | null; expiresOn: string | null }): string | null => o.endedOn ?? o.expiresOn;

/** In force on a day: made by then and not yet ended (an order is in force on the day it ends). */
export const doloInForce = (o: { madeOn: string; endedOn: string | null; expiresOn: string | null }, on: string): boolean => {
  const ends = doloEndsOn(o);
  return o.madeOn <= on && (ends === null || ends >= on);
};

const orderFields = {
  /** The date the High Court made the order (903 DOLO_START). */
  madeOn: isoDate,
  /** The date the court set for it to end, if it set one. */
  expiresOn: isoDate.nullish(),
  court: requiredText(200),
  caseNumber: requiredText(50),
  /** What the order authorises, in plain words (locked doors, constant supervision…). */
  authorises: requiredText(2000),
  /** The next review the court listed. */
  reviewOn: isoDate.nullish(),
};

/** A DoLO recorded (made now or in the past; a past one may be recorded as ended). */
export const newDeprivationOfLiberty = z.object({ ...orderFields, endedOn: isoDate.nullish(), endReason: nullishText(500) }).superRefine((v, ctx) => {
  for (const p of doloDateProblems(v)) flag(ctx, [p.field], p.rule, p.message);
});

/**
 * A change to a DoLO from the version it was read at: extended (a new date set), reviewed, ended
 * (the day and why), or corrected. A field left out is kept; null clears it.
 */
export const amendDeprivationOfLiberty = z.object({
  version: recordVersion,
  madeOn: isoDate.optional(),
  expiresOn: isoDate.nullish(),
  endedOn: isoDate.nullish(),
  endReason: nullishText(500),
  court: requiredText(200).optional(),
  caseNumber: requiredText(50).optional(),
  authorises: requiredText(2000).optional(),
  reviewOn: isoDate.nullish(),
});

/** A DoLO as the child's looked-after care page shows it. */
export const deprivationOfLibertyView = z.object({
  orderId: z.uuid(),
  version: z.number().int(),
  periodId: z.uuid().nullable(),
  madeOn: z.string(),
  expiresOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Null for an order loaded from an SSDA903 return, which does not carry them. */
  court: z.string().nullable(),
  caseNumber: z.string().nullable(),
  authorises: z.string().nullable(),
  reviewOn: z.string().nullable(),
  inForce: z.boolean(),
});
export type DeprivationOfLibertyView = z.infer<typeof deprivationOfLibertyView>;

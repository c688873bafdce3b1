/**
 * Partner agencies: the kinds of agency, what children's social care asks of them, the
 * council's deadline for each kind of request, and the states a request passes through
 * (awaiting, reminder due, overdue and escalated, answered). Pure data and functions.
 */
import { z } from 'zod';
import { addDays, addWorkingDays, compareIsoDates, type IsoDate } from './calendar.ts';
import { codesOf } from './codes.ts';
import type { AGENCY } from './pathway.ts';
import { isoDate } from './schemas.ts';
import { requiredText as text, recordVersion, nullishText } from './fields.ts';
import type { DueRule } from './timescales.ts';

/** Kinds of partner organisation, with the agency group each stands for at a meeting. */
export const PARTNER_TYPE = {
  police: { label: 'Police', agency: 'police' },
  gp: { label: 'Health: GP practice', agency: 'health' },
  'health-visiting': { label: 'Health: health visiting', agency: 'health' },
  'school-nursing': { label: 'Health: school nursing', agency: 'health' },
  hospital: { label: 'Health: hospital', agency: 'health' },
  'mental-health': { label: 'Health: mental health', agency: 'health' },
  school: { label: 'School', agency: 'education' },
  education: { label: 'Education service', agency: 'education' },
  housing: { label: 'Housing', agency: 'housing' },
  probation: { label: 'Probation', agency: 'probation' },
  'youth-justice': { label: 'Youth justice', agency: 'youth-justice' },
  voluntary: { label: 'Voluntary sector', agency: 'other' },
} as const satisfies Record<string, { label: string; agency: keyof typeof AGENCY }>;
export type PartnerType = keyof typeof PARTNER_TYPE;
export const PARTNER_TYPES = Object.keys(PARTNER_TYPE) as [PartnerType, ...PartnerType[]];

/** The agency group (police, health, education…) a partner organisation counts as. */
export function agencyOf(type: PartnerType): keyof typeof AGENCY {
  return PARTNER_TYPE[type].agency;
}

/**
 * What is asked, and the council's default deadline for an answer. The defaults are Lantern's
 * suggestions (council policy, not law); a council sets its own as `partner-response.<type>`.
 */
export const PARTNER_REQUEST_TYPE = {
  'assessment-information': { label: 'Information for an assessment', due: { unit: 'working-days', n: 10 } },
  'conference-report': { label: 'Attendance and a report for a conference', due: { unit: 'working-days', n: 5 } },
  'housing-assessment': { label: 'A housing assessment', due: { unit: 'working-days', n: 10 } },
  'housing-move': { label: 'A move to new housing', due: { unit: 'working-days', n: 20 } },
  'health-assessment': { label: 'A health assessment', due: { unit: 'working-days', n: 15 } },
  'school-place': { label: 'A school place', due: { unit: 'working-days', n: 10 } },
} as const satisfies Record<string, { label: string; due: DueRule }>;
export type PartnerRequestType = keyof typeof PARTNER_REQUEST_TYPE;
export const PARTNER_REQUEST_TYPES = Object.keys(PARTNER_REQUEST_TYPE) as [PartnerRequestType, ...PartnerRequestType[]];

/** The council setting key for a request type's deadline. */
export const partnerResponseSetting = (type: PartnerRequestType) => `partner-response.${type}`;

/** A reminder goes to the partner this many working days before the answer is due. */
export const REMINDER_WORKING_DAYS = 2;

/** The date an answer is due: `n` working days (or calendar days, weeks) after the request was sent. */
export function respondByFor(sentOn: IsoDate, due: { unit: 'working-days' | 'days' | 'weeks'; n: number }): IsoDate {
  if (due.unit === 'working-days') return addWorkingDays(sentOn, due.n);
  return addDays(sentOn, due.unit === 'weeks' ? due.n * 7 : due.n);
}

export type PartnerRequestState = 'awaiting' | 'reminder-due' | 'overdue-escalated' | 'answered' | 'answered-late' | 'withdrawn';

export const PARTNER_REQUEST_STATE: Record<PartnerRequestState, string> = {
  awaiting: 'Awaiting answer',
  'reminder-due': 'Reminder due',
  'overdue-escalated': 'Overdue: escalated',
  answered: 'Answered in time',
  'answered-late': 'Answered late',
  withdrawn: 'Withdrawn',
};

/**
 * Where a request stands on a day, from its dates alone (so no job has to run): a reminder is
 * due from REMINDER_WORKING_DAYS working days before the deadline; the day after the deadline
 * the request is overdue and escalated to the partner's escalation contact.
 */
export function partnerRequestState(
  r: { respondBy: IsoDate; answeredOn: IsoDate | null; withdrawnOn: IsoDate | null },
  asOf: IsoDate,
): { state: PartnerRequestState; reminderFrom: IsoDate; escalatedOn: IsoDate | null } {
  const reminderFrom = addWorkingDays(r.respondBy, -REMINDER_WORKING_DAYS);
  const dayAfter = addDays(r.respondBy, 1);
  if (r.answeredOn && compareIsoDates(r.answeredOn, asOf) <= 0) {
    const late = compareIsoDates(r.answeredOn, r.respondBy) > 0;
    return { state: late ? 'answered-late' : 'answered', reminderFrom, escalatedOn: late ? dayAfter : null };
  }
  if (r.withdrawnOn && compareIsoDates(r.withdrawnOn, asOf) <= 0) return { state: 'withdrawn', reminderFrom, escalatedOn: null };
  if (compareIsoDates(asOf, r.respondBy) > 0) return { state: 'overdue-escalated', reminderFrom, escalatedOn: dayAfter };
  if (compareIsoDates(asOf, reminderFrom) >= 0) return { state: 'reminder-due', reminderFrom, escalatedOn: null };
  return { state: 'awaiting', reminderFrom, escalatedOn: null };
}

export const newPartnerOrganisation = z.object({
  name: text(200),
  partnerType: z.enum(PARTNER_TYPES),
  email: z.email().nullish(),
  phone: nullishText(40),
});

export const newPartnerContact = z.object({
  name: text(200),
  jobTitle: nullishText(200),
  email: z.email().nullish(),
  phone: nullishText(40),
  isEscalation: z.boolean().default(false).describe('The person an overdue request is escalated to'),
});

export const newPartnerUser = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dots, dashes'),
  displayName: text(200),
  password: z.string().min(12, 'At least 12 characters').max(200),
});

export const newPartnerRequest = z.object({
  organisationId: z.uuid(),
  contactId: z.uuid().nullish().describe('The named person asked, if any'),
  requestType: z.enum(PARTNER_REQUEST_TYPES),
  asked: text(4000).describe('What is asked'),
  needToKnow: text(4000).describe('What the partner needs to know to answer: all they will see of the child beyond name and date of birth'),
  sentOn: isoDate,
  respondBy: isoDate.nullish().describe('Sooner than the council’s deadline for the type, if needed; never later'),
  conferenceId: z.uuid().nullish(),
});

/** A report as a file: its bytes in base64 (JSON bodies only), at most 1 MB. */
export const REPORT_MAX_BYTES = 1024 * 1024;
export const REPORT_CONTENT_TYPES = ['application/pdf', 'text/plain'] as const;

export const partnerAnswer = z.object({
  version: recordVersion,
  answeredOn: isoDate,
  answer: text(8000),
  answeredByName: nullishText(200).describe('Who in the agency answered'),
  report: z
    .object({
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/, 'A file name, not a path'),
      contentType: z.enum(REPORT_CONTENT_TYPES),
      base64: z.base64().max(Math.ceil(REPORT_MAX_BYTES / 3) * 4 + 4, 'A report may be at most 1 MB'),
    })
    .nullish(),
});

export const withdrawRequest = z.object({ version: recordVersion, withdrawnOn: isoDate, reason: text(2000) });

/**
 * Whether the bytes are what the content type says: a PDF starts with "%PDF-"; plain text is
 * valid UTF-8 without NUL bytes. Returns the problem, or null.
 */
export function checkReportContent(contentType: (typeof REPORT_CONTENT_TYPES)[number], bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'The report is empty';
  if (bytes.length > REPORT_MAX_BYTES) return 'A report may be at most 1 MB';
  if (contentType === 'application/pdf') {
    const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
    return magic.every((b, i) => bytes[i] === b) ? null : 'The file is not a PDF';
  }
  if (bytes.includes(0)) return 'The file is not plain text';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    return 'The file is not plain text (UTF-8)';
  }
}

export const meetingContributions = z.object({
  contributions: z
    .array(
      z.object({
        organisationId: z.uuid(),
        invited: z.boolean().default(true),
        attended: z.boolean(),
        reportSentOn: isoDate.nullish(),
        notes: nullishText(2000),
      }),
    )
    .min(1),
});

export const HOUSING_PRIORITY = {
  emergency: 'Emergency',
  'band-a': 'Band A (urgent)',
  'band-b': 'Band B (high)',
  'band-c': 'Band C (medium)',
  'band-d': 'Band D (low)',
} as const;

export const newHousingNeed = z.object({
  identifiedOn: isoDate,
  need: text(2000),
  requestId: z.uuid().nullish().describe('The request to the housing partner'),
});

export const housingNeedUpdate = z.object({
  version: recordVersion,
  priority: z.enum(codesOf(HOUSING_PRIORITY)).nullish(),
  priorityAgreedOn: isoDate.nullish(),
  resolvedOn: isoDate.nullish(),
  resolution: nullishText(2000),
});

/** The agencies Working Together expects at a conference; a conference missing any is flagged. */
export const CONFERENCE_EXPECTED_AGENCIES = ['police', 'health', 'education'] as const;

/** Which expected agencies were not present, from the agency groups that attended. */
export function missingAgencies(attended: readonly string[]): string[] {
  return CONFERENCE_EXPECTED_AGENCIES.filter((a) => !attended.includes(a));
}

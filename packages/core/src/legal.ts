/**
 * Legal planning and court proceedings under the Public Law Outline: the legal planning (gateway)
 * meeting and its decision, pre-proceedings (the letter before proceedings, the meeting, reviews,
 * assessments, the end), and care and supervision proceedings (the application, hearings, orders,
 * the court's extensions of the 26-week limit). Code lists in plain English, the shapes the API
 * validates, and the pure rules of the two long clocks. No I/O.
 */
import { z } from 'zod';
import { addDays, daysSinceEpoch, type IsoDate } from './calendar.ts';
import { codesOf } from './codes.ts';
import type { LEGAL_STATUS } from './looked-after.ts';
import { isoDate } from './schemas.ts';
import { someText as text, flag, nullishText } from './fields.ts';

/** The decision of a legal planning meeting. */
export const LEGAL_DECISION = {
  'no-order': 'No order: continue without the court',
  'pre-proceedings': 'Pre-proceedings: send the letter before proceedings',
  'proceedings-urgent': 'Issue care proceedings urgently',
  'proceedings-planned': 'Issue care proceedings (planned)',
} as const;
export type LegalDecision = keyof typeof LEGAL_DECISION;

/** Who came to a legal planning meeting. */
export const LEGAL_ATTENDEE_ROLE = {
  'council-lawyer': 'The council’s lawyer',
  'team-manager': 'Team manager',
  'social-worker': 'Social worker',
  'head-of-service': 'Head of service',
  iro: 'Independent reviewing officer',
  other: 'Someone else',
} as const;

/** Assessments commissioned during pre-proceedings or proceedings. */
export const LEGAL_ASSESSMENT_KIND = {
  parenting: 'Parenting assessment',
  'family-and-friends': 'Family and friends (connected person) assessment',
  expert: 'Expert assessment (psychological, psychiatric, medical…)',
} as const;

export const PRE_PROCEEDINGS_OUTCOME = {
  'stepped-down': 'Stepped down: the court is not needed now',
  'proceedings-issued': 'Care proceedings issued',
} as const;

/** What the council applies to the court for. */
export const APPLICATION_TYPE = {
  'care-order': 'Care order',
  'supervision-order': 'Supervision order',
  'placement-order': 'Placement order (for adoption)',
  'emergency-protection-order': 'Emergency protection order',
  'interim-care-order': 'Interim care order',
  'interim-supervision-order': 'Interim supervision order',
} as const;

export const HEARING_TYPE = {
  'first-hearing': 'First hearing (case management)',
  'case-management': 'Further case management hearing',
  'issues-resolution': 'Issues resolution hearing',
  final: 'Final hearing',
  other: 'Another hearing',
} as const;

/** Orders the court makes; `final` ones conclude the proceedings. */
export const COURT_ORDER = {
  'emergency-protection-order': 'Emergency protection order',
  'interim-care-order': 'Interim care order',
  'interim-supervision-order': 'Interim supervision order',
  'care-order': 'Care order',
  'supervision-order': 'Supervision order',
  'placement-order': 'Placement order (for adoption)',
  'no-order': 'No order',
} as const;
export type CourtOrder = keyof typeof COURT_ORDER;
export const FINAL_ORDERS: ReadonlySet<CourtOrder> = new Set(['care-order', 'supervision-order', 'placement-order', 'no-order']);

/**
 * The SSDA903 legal status an order gives a looked-after child (one fact: the looked-after area's
 * episode records it). Supervision orders and "no order" leave the status as it is: a child under
 * a supervision order is not looked after because of it.
 */
export const ORDER_LEGAL_STATUS: Readonly<Partial<Record<CourtOrder, keyof typeof LEGAL_STATUS>>> = {
  'emergency-protection-order': 'L2',
  'interim-care-order': 'C1',
  'care-order': 'C2',
  'placement-order': 'E1',
};

export const PROCEEDINGS_OUTCOME = {
  'final-order': 'Final order made',
  withdrawn: 'Application withdrawn',
} as const;

/** Care proceedings must end within 26 weeks of issue (Children Act 1989 s.32(1)(a)(ii)). */
export const PROCEEDINGS_DAYS = 182;
/** Each extension the court grants is at most 8 weeks (s.32(8)). */
export const MAX_EXTENSION_DAYS = 56;
/** Pre-proceedings should end within 16 weeks of the letter before proceedings. */
export const PRE_PROCEEDINGS_DAYS = 112;

/** When proceedings issued on this day must end: 26 weeks, moved only by the court's recorded extensions. */
export function proceedingsDueDate(issuedOn: IsoDate, extensions: readonly { newDueOn: IsoDate }[] = []): IsoDate {
  const last = extensions.at(-1);
  return last ? last.newDueOn : addDays(issuedOn, PROCEEDINGS_DAYS);
}

/** Why an extension to this date cannot be recorded, or null: it must be later, and by at most 8 weeks. */
export function extensionProblem(currentDue: IsoDate, newDueOn: IsoDate): { rule: string; message: string } | null {
  const days = daysSinceEpoch(newDueOn) - daysSinceEpoch(currentDue);
  if (days <= 0) return { rule: 'extension-later', message: `The new date must be after the current one (${currentDue})` };
  if (days > MAX_EXTENSION_DAYS)
    return {
      rule: 'extension-max-8-weeks',
      message: `The court may extend by up to 8 weeks at a time: the latest date is ${addDays(currentDue, MAX_EXTENSION_DAYS)}`,
    };
  return null;
}

/** Weeks (one decimal) between two dates: how long proceedings or pre-proceedings lasted. */
export function weeksBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(((daysSinceEpoch(to) - daysSinceEpoch(from)) / 7) * 10) / 10;
}

const version = z.number().int().min(1).describe('The version this change was made from');

export const legalAttendee = z.object({
  role: z.enum(codesOf(LEGAL_ATTENDEE_ROLE)),
  name: text(200),
});

export const legalPlanningMeeting = z
  .object({
    heldOn: isoDate,
    attendees: z.array(legalAttendee).min(1).max(30),
    threshold: text(8000).describe('The discussion of whether the threshold for care proceedings is met'),
    decision: z.enum(codesOf(LEGAL_DECISION)).nullish().describe('The decision, if made at the meeting'),
    reasons: nullishText(8000).describe('The reasons for the decision'),
  })
  .superRefine((v, ctx) => {
    if (!v.attendees.some((a) => a.role === 'council-lawyer')) flag(ctx, ['attendees'], 'lawyer-required', 'Name the council’s lawyer at the meeting');
    if (v.decision && !v.reasons) flag(ctx, ['reasons'], 'reasons-required', 'Give the reasons for the decision');
  });

export const legalPlanningDecision = z.object({
  version,
  decidedOn: isoDate,
  decision: z.enum(codesOf(LEGAL_DECISION)),
  reasons: text(8000),
});

export const startPreProceedings = z.object({
  planningMeetingId: z.uuid().nullish().describe('The legal planning meeting that decided it'),
  letterSentOn: isoDate.describe('When the letter before proceedings was sent'),
  letterTo: text(400).describe('Who the letter was sent to (the parents, others with parental responsibility)'),
});

export const preProceedingsMeeting = z.object({
  version,
  meetingHeldOn: isoDate,
  planAgreed: text(8000).describe('The plan agreed with the parents and their lawyers'),
});

export const preProceedingsReview = z.object({
  heldOn: isoDate,
  progress: text(8000).describe('Progress against the plan'),
});

export const preProceedingsExtension = z.object({
  version,
  newEndOn: isoDate.describe('The new date pre-proceedings should end by'),
  reason: text(4000).describe('Why pre-proceedings need longer'),
});

export const endPreProceedings = z.object({
  version,
  endedOn: isoDate,
  outcome: z.enum(codesOf(PRE_PROCEEDINGS_OUTCOME)),
  reasons: text(4000),
});

export const legalAssessment = z.object({
  kind: z.enum(codesOf(LEGAL_ASSESSMENT_KIND)),
  commissionedOn: isoDate,
  assessor: text(400).describe('Who will assess (a name, a service or an expert)'),
  dueOn: isoDate.nullish(),
});

export const issueApplication = z.object({
  preProceedingsId: z.uuid().nullish().describe('The pre-proceedings this follows, if any (they end with proceedings issued)'),
  issuedOn: isoDate,
  court: text(200),
  caseNumber: text(60),
  applicationType: z.enum(codesOf(APPLICATION_TYPE)),
});

export const courtHearing = z.object({
  heldOn: isoDate.describe('The hearing date (a listed hearing may be in the future)'),
  hearingType: z.enum(codesOf(HEARING_TYPE)),
  notes: nullishText(4000),
});

export const courtExtension = z.object({
  version,
  grantedOn: isoDate,
  newDueOn: isoDate.describe('The date the court set for the proceedings to end (at most 8 weeks after the current one)'),
  reason: text(4000),
});

export const courtOrder = z.object({
  version,
  madeOn: isoDate,
  order: z.enum(codesOf(COURT_ORDER)),
  notes: nullishText(4000),
});

export const withdrawProceedings = z.object({
  version,
  withdrawnOn: isoDate,
  reasons: text(4000),
});

// What the API returns: the child's legal page.
const dated = { version: z.number().int() };
export const legalPlanningView = z.object({
  meetingId: z.uuid(),
  heldOn: z.string(),
  attendees: z.array(legalAttendee),
  threshold: z.string(),
  decision: z.enum(codesOf(LEGAL_DECISION)).nullable(),
  decisionLabel: z.string().nullable(),
  reasons: z.string().nullable(),
  decidedOn: z.string().nullable(),
  ...dated,
});
export const preProceedingsView = z.object({
  preProceedingsId: z.uuid(),
  letterSentOn: z.string(),
  letterTo: z.string(),
  meetingDueOn: z.string(),
  meetingHeldOn: z.string().nullable(),
  planAgreed: z.string().nullable(),
  endDueOn: z.string(),
  extensionReason: z.string().nullable(),
  endedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  weeks: z.number(),
  reviews: z.array(z.object({ reviewId: z.uuid(), heldOn: z.string(), progress: z.string() })),
  ...dated,
});
export const proceedingsView = z.object({
  proceedingsId: z.uuid(),
  issuedOn: z.string(),
  court: z.string(),
  caseNumber: z.string(),
  applicationType: z.string(),
  applicationLabel: z.string(),
  dueOn: z.string().describe('26 weeks from issue, or the date of the latest extension'),
  firstDueOn: z.string(),
  concludedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  weeks: z.number(),
  hearings: z.array(z.object({ hearingId: z.uuid(), heldOn: z.string(), hearingType: z.string(), label: z.string(), notes: z.string().nullable() })),
  extensions: z.array(z.object({ extensionId: z.uuid(), grantedOn: z.string(), newDueOn: z.string(), weeks: z.number(), reason: z.string() })),
  orders: z.array(
    z.object({ orderId: z.uuid(), madeOn: z.string(), order: z.string(), label: z.string(), legalStatus: z.string().nullable(), notes: z.string().nullable() }),
  ),
  ...dated,
});
export const legalRecordView = z.object({
  childId: z.uuid(),
  name: z.string(),
  mayRecord: z.boolean(),
  lookedAfter: z.boolean(),
  planningMeetings: z.array(legalPlanningView),
  preProceedings: z.array(preProceedingsView),
  proceedings: z.array(proceedingsView),
  assessments: z.array(
    z.object({ assessmentId: z.uuid(), kind: z.string(), label: z.string(), commissionedOn: z.string(), assessor: z.string(), dueOn: z.string().nullable() }),
  ),
});
export type LegalRecordView = z.infer<typeof legalRecordView>;

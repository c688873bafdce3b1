/**
 * Conferences and looked-after reviews as the practice record: who was invited and who came, how
 * the child's views were heard, the decisions, the recommendations (each owned and timed), and
 * the IRO's escalations through the dispute resolution stages. Code lists in plain English and
 * the shapes the API validates and the web forms check against.
 */
import { z } from 'zod';
import { codesOf } from './codes.ts';
import { PARTICIPATION } from './looked-after.ts';
import { isoDate } from './schemas.ts';
import { someText as text, flag, nullishText } from './fields.ts';

export const MEETING_KIND = { conference: 'Child protection conference', review: 'Looked-after review' } as const;
export type MeetingKind = keyof typeof MEETING_KIND;

/** Who someone at the meeting is, to the child. */
export const ATTENDEE_ROLE = {
  child: 'The child',
  parent: 'Parent',
  carer: 'Carer',
  'family-member': 'Other family member or friend',
  advocate: 'Advocate for the child',
  'social-worker': 'Social worker',
  agency: 'Partner agency (police, health, school…)',
  other: 'Someone else',
} as const;

/** How the child's views were heard at a child protection conference. */
export const CONFERENCE_VIEWS = {
  'attended-spoke': 'The child came and spoke for themselves',
  'attended-advocate': 'The child came and an advocate spoke for them',
  advocate: 'The child did not come; an advocate they briefed spoke for them',
  'met-chair': 'The child met the chair before the conference',
  written: 'The child sent their views in writing, pictures or a recording',
  worker: 'The social worker told the conference what the child had said',
  'too-young': 'The child is too young to give a view; their daily life was described',
  'not-heard': 'The child’s views were not heard',
} as const;

/**
 * What each SSDA903 participation code means, as a person would say it. The code stays on the
 * review (the SSDA903 export reads it); forms show only these words.
 */
export const PARTICIPATION_PLAIN: Readonly<Record<keyof typeof PARTICIPATION, string>> = {
  PN0: 'The child was under 4 at the time of the review',
  PN1: 'The child came and spoke for themselves',
  PN2: 'The child came and an advocate spoke for them',
  PN3: 'The child came and showed their views without words (signs, symbols, pictures)',
  PN4: 'The child came but did not speak, show a view or have an advocate',
  PN5: 'The child did not come but briefed an advocate to speak for them',
  PN6: 'The child did not come but sent their views another way (letter, recording, a form, through someone)',
  PN7: 'The child did not come and their views were not passed on',
};

/** The dispute resolution stages of the IRO Handbook, in order. */
export const ESCALATION_STAGE = {
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  'head-of-service': 'Head of service',
  director: 'Director',
} as const;
export type EscalationStage = keyof typeof ESCALATION_STAGE;
export const ESCALATION_STAGES = codesOf(ESCALATION_STAGE);

/** The stage after this one, or null at the last. */
export function nextStage(stage: EscalationStage): EscalationStage | null {
  const i = ESCALATION_STAGES.indexOf(stage);
  return ESCALATION_STAGES[i + 1] ?? null;
}

export const ESCALATION_OUTCOME = {
  resolved: 'Resolved: the IRO’s concern has been put right',
  escalated: 'Not resolved: moved to the next stage',
} as const;

/** Working days after the meeting a recommendation is due when the meeting set no date. */
export const RECOMMENDATION_DEFAULT_WORKING_DAYS = 20;
/** Working days after the conference the full written record is due (the decisions: the rule's own interval). */
export const CONFERENCE_FULL_RECORD_WORKING_DAYS = 20;

export const attendee = z
  .object({
    role: z.enum(codesOf(ATTENDEE_ROLE)),
    name: nullishText(200).describe('Their name (the child’s own is known)'),
    agency: nullishText(200).describe('For an agency: which one, when not a contact on the partners register'),
    partnerContactId: z.uuid().nullish().describe('A contact on the partners register'),
    invited: z.boolean(),
    attended: z.boolean(),
    sentReport: z.boolean().default(false).describe('Sent a report or their views in writing'),
  })
  .superRefine((a, ctx) => {
    const add = (path: string, name: string, message: string) => flag(ctx, [path], name, message);
    if (a.role === 'agency' && !a.agency && !a.partnerContactId)
      add('agency', 'agency-named', 'Name the agency, or choose its contact from the partners register');
    if (a.role !== 'child' && a.role !== 'agency' && !a.name) add('name', 'required', 'Enter the person’s name');
  });
export type Attendee = z.infer<typeof attendee>;

/** The record of a conference or review: put whole, with the version it was made from once it exists. */
export const meetingRecord = z.object({
  attendees: z.array(attendee).max(60),
  viewsHeard: z.enum(codesOf(CONFERENCE_VIEWS)).nullish().describe('Conferences: how the child’s views were heard'),
  participation: z.enum(codesOf(PARTICIPATION)).nullish().describe('Reviews: how the child took part (SSDA903 REVIEW_CODE)'),
  childWords: nullishText(4000).describe('The child’s own words, as heard at the meeting'),
  decisions: text(8000).describe('The decisions, one to a line'),
  decisionsSentOn: isoDate.nullish().describe('When the decisions were written up and sent'),
  recordWrittenOn: isoDate.nullish().describe('When the full record was written'),
  version: z.number().int().min(1).optional().describe('The version this change was made from (required once recorded)'),
});
export type MeetingRecordInput = z.infer<typeof meetingRecord>;

export const newRecommendation = z.object({
  recommendation: text(4000),
  ownerWorkerId: z.uuid().describe('The worker who must carry it out'),
  dueOn: isoDate.nullish().describe(`Due date; ${RECOMMENDATION_DEFAULT_WORKING_DAYS} working days after the meeting if none`),
});

export const recommendationChanges = z
  .object({
    version: z.number().int().min(1),
    recommendation: text(4000).optional(),
    ownerWorkerId: z.uuid().optional(),
    dueOn: isoDate.nullish(),
    doneOn: isoDate.nullish().describe('When it was done'),
    doneNote: nullishText(4000).describe('What was done (required to mark it done)'),
  })
  .superRefine((v, ctx) => {
    if (v.doneOn && !v.doneNote) flag(ctx, ['doneNote'], 'note-required', 'Say what was done');
    if (v.doneNote && !v.doneOn) flag(ctx, ['doneOn'], 'required', 'Enter the date it was done');
  });

export const newEscalation = z.object({
  raisedOn: isoDate,
  concern: text(8000).describe('The IRO’s concern about the child’s plan or care'),
  ownerWorkerId: z.uuid().nullish().describe('The team manager to answer (the team holding the case, if not named)'),
});

export const escalationAnswer = z.object({
  version: z.number().int().min(1).describe('The version of the stage being answered'),
  answeredOn: isoDate,
  outcome: z.enum(codesOf(ESCALATION_OUTCOME)),
  note: text(8000),
  nextOwnerWorkerId: z.uuid().nullish().describe('Who answers at the next stage (the council’s worker in that role, if not named)'),
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-12-04' → '4 December 2026', as chronology summaries and letters write a date. */
export function plainDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

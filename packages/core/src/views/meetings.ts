/**
 * What the conferences-and-reviews routes send back (a child's meetings with their records and
 * recommendations, the IRO's escalations, the child's voice): the server's response schemas and
 * the web app's types, written once.
 */
import { z } from 'zod';
import { maybe } from '../fields.ts';

export const attendeeView = z.object({
  role: z.string(),
  roleLabel: z.string(),
  name: maybe,
  agency: maybe,
  partnerContactId: maybe,
  contactLabel: maybe,
  invited: z.boolean(),
  attended: z.boolean(),
  sentReport: z.boolean(),
});
export type Attendee = z.infer<typeof attendeeView>;

export const recommendationView = z.object({
  recommendationId: z.uuid(),
  recommendation: z.string(),
  ownerWorkerId: z.uuid(),
  ownerName: z.string(),
  dueOn: maybe,
  dueDate: maybe,
  doneOn: maybe,
  doneNote: maybe,
  version: z.number().int(),
});
export type Recommendation = z.infer<typeof recommendationView>;

export const meetingView = z.object({
  kind: z.enum(['conference', 'review']),
  meetingId: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  outcomeLabel: maybe,
  chair: maybe,
  participation: maybe,
  participationLabel: maybe,
  childWords: maybe,
  record: z
    .object({
      attendees: z.array(attendeeView),
      viewsHeard: maybe,
      viewsHeardLabel: maybe,
      childWords: maybe,
      decisions: maybe,
      decisionsSentOn: maybe,
      recordWrittenOn: maybe,
      version: z.number().int(),
    })
    .nullable(),
  recommendations: z.array(recommendationView),
});
export type Meeting = z.infer<typeof meetingView>;

export const escalationStageView = z.object({
  stageId: z.uuid(),
  stage: z.string(),
  stageLabel: z.string(),
  raisedOn: z.string(),
  ownerWorkerId: z.uuid(),
  ownerName: z.string(),
  answeredOn: maybe,
  outcome: z.enum(['resolved', 'escalated']).nullable(),
  note: maybe,
  version: z.number().int(),
});
export type EscalationStageView = z.infer<typeof escalationStageView>;

export const escalationView = z.object({
  escalationId: z.uuid(),
  raisedOn: z.string(),
  raisedByName: z.string(),
  raisedByWorkerId: z.uuid(),
  concern: z.string(),
  stage: z.string(),
  resolvedOn: maybe,
  resolution: maybe,
  version: z.number().int(),
  stages: z.array(escalationStageView),
});
export type Escalation = z.infer<typeof escalationView>;

export const meetingsView = z.object({
  childId: z.uuid(),
  name: z.string(),
  canRecord: z.boolean(),
  canRaiseEscalation: z.boolean(),
  meetings: z.array(meetingView),
  escalations: z.array(escalationView),
  workers: z.array(z.object({ workerId: z.uuid(), name: z.string(), jobRole: z.string() })),
  partnerContacts: z.array(z.object({ contactId: z.uuid(), label: z.string() })),
});
export type MeetingsView = z.infer<typeof meetingsView>;

/** An open escalation on the council's list (its columns as stored: this list predates the views above). */
export const openEscalationView = z.object({
  escalation_id: z.uuid(),
  child_id: z.uuid(),
  child_name: z.string(),
  raised_on: z.string(),
  raised_by_name: z.string(),
  concern: z.string(),
  stage: z.string(),
  stages: z.array(escalationStageView),
});
export type OpenEscalation = z.infer<typeof openEscalationView>;

const heard = z.object({ on: z.string(), source: z.string(), link: z.string(), words: maybe });
export type Heard = z.infer<typeof heard>;
export const voiceView = z.object({ lastSeen: heard.nullable(), lastSeenAlone: heard.nullable(), latestWords: heard.nullable(), words: z.array(heard) });
export type VoiceView = z.infer<typeof voiceView>;

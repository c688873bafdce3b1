/**
 * What the casework routes send back: a deadline on a child's record, and a child's casework
 * episode by episode (contacts, referrals, assessments, protection, closure). The server's
 * response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { earlyHelpLinkView } from '../early-help.ts';
import { childRef } from '../fields.ts';

export const obligationView = z.object({
  ...childRef,
  ruleId: z.string(),
  label: z.string().describe('A short name for the deadline, e.g. "Child protection visit"'),
  what: z.string(),
  kind: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  metOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  state: z.enum(['due', 'overdue', 'met-on-time', 'met-late', 'ended']),
  daysOverdue: z.number().int(),
  responsibleWorker: z.string().nullable(),
  responsibleWorkerId: z.uuid().nullable(),
  responsibleTeam: z.string().nullable(),
});
export type ObligationView = z.infer<typeof obligationView>;

// A child's casework, episode by episode.

const d = z.string().nullable();
export const contactView = z.object({
  contactId: z.uuid(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  source: z.string(),
  presentingConcern: z.string(),
  significantHarmSuspected: z.boolean(),
  decision: z.string().nullable(),
  decidedOn: d,
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  episodeId: z.uuid().nullable(),
  earlyHelp: earlyHelpLinkView.nullable().describe('The early help episode the child was in, or left in the 12 months before, when the contact came'),
});
export const assessmentView = z.object({
  assessmentId: z.uuid(),
  version: z.number().int(),
  startDate: z.string(),
  childSeenOn: d,
  childSeenAlone: z.boolean().nullable(),
  factors: z.array(z.string()),
  completedOn: d,
  outcome: z.string().nullable(),
  authorisedOn: d,
  authorisedBy: z.string().nullable(),
  lateReason: z.string().nullable(),
  workingDaysFromReferral: z.number().int().nullable().describe('Working days from the referral to the authorisation (the Working Together measure)'),
});
export const strategyDiscussionView = z.object({
  strategyId: z.uuid(),
  heldOn: z.string(),
  agencies: z.array(z.string()),
  missingAgencies: z.array(z.string()).describe('Police, health or education not present'),
  decision: z.string(),
  reasons: z.string(),
});
export const section47View = z.object({
  s47Id: z.uuid(),
  strategyId: z.uuid(),
  startDate: z.string(),
  completedOn: d,
  outcome: z.string().nullable(),
  icpcNotRequired: z.boolean(),
  icpcNotRequiredReason: z.string().nullable(),
});
export const conferenceView = z.object({
  conferenceId: z.uuid(),
  kind: z.string(),
  s47Id: z.uuid().nullable().describe('For an initial conference: the enquiry it followed'),
  heldOn: z.string(),
  outcome: z.string(),
  chair: z.string().nullable(),
  childMetDecider: z.boolean(),
  parentsMetDecider: z.boolean(),
  childWords: z.string().nullable(),
  planId: z.uuid().nullable(),
});
export const cpPlanView = z.object({
  planId: z.uuid(),
  startDate: z.string(),
  initialCategory: z.string(),
  latestCategory: z.string(),
  previousPlans: z.number().int(),
  endDate: d,
  endReason: z.string().nullable(),
  whatChanged: z.string().nullable(),
  changeSustainedWeeks: z.number().int().nullable(),
  coreGroups: z.array(z.object({ coreGroupId: z.uuid(), heldOn: z.string(), notes: z.string().nullable() })),
});
export const cinPlanView = z.object({
  cinPlanId: z.uuid(),
  startDate: z.string(),
  endDate: d,
  reviews: z.array(
    z.object({ reviewId: z.uuid(), heldOn: z.string(), childMetDecider: z.boolean(), parentsMetDecider: z.boolean(), childWords: z.string().nullable() }),
  ),
});
export const visitView = z.object({
  visitId: z.uuid(),
  visitedOn: z.string(),
  purpose: z.string(),
  childSeen: z.boolean(),
  seenAlone: z.boolean(),
  childWords: z.string().nullable(),
  visitedBy: z.string().nullable(),
});
export const episodeView = z.object({
  episodeId: z.uuid(),
  referralDate: z.string(),
  referralSource: z.string(),
  primaryNeed: z.string(),
  referralNfa: z.boolean(),
  referralsPrevious12Months: z.number().int(),
  previousEpisode: z
    .object({
      episodeId: z.uuid(),
      referralDate: z.string(),
      closureDate: d,
      closureReason: z.string().nullable(),
      closedBy: z.string().nullable(),
      closureReasons: z.string().nullable(),
    })
    .nullable()
    .describe('For a re-referral within 12 months: the earlier episode and who approved its closure'),
  closureDate: d,
  closureReason: z.string().nullable(),
  closedBy: z.string().nullable(),
  assessments: z.array(assessmentView),
  strategyDiscussions: z.array(strategyDiscussionView),
  section47s: z.array(section47View),
  conferences: z.array(conferenceView),
  cpPlans: z.array(cpPlanView),
  cinPlans: z.array(cinPlanView),
  visits: z.array(visitView),
});
export type EpisodeView = z.infer<typeof episodeView>;

export const caseworkView = z.object({
  contacts: z.array(contactView),
  episodes: z.array(episodeView).describe('Newest first; at most one is open'),
  obligations: z.array(obligationView).describe('Open deadlines, and those met or ended in the last 90 days'),
  canRecord: z.boolean(),
  canAuthorise: z.boolean(),
  canClose: z.boolean(),
});
export type CaseworkView = z.infer<typeof caseworkView>;

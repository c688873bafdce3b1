/**
 * What the practice record's routes send back (written assessments, enquiry findings, plans and
 * their actions): the server's response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { ASSESSMENT_SECTIONS, type AssessmentSection, PLAN_KIND } from '../practice.ts';
import { maybe } from '../fields.ts';

const planKind = z.enum(codesOf(PLAN_KIND));
const versionRow = z.object({ version: z.number().int(), changedAt: z.string(), changedBy: maybe });

/** What a write sends back: the record's new version. */
export const written = z.object({ version: z.number().int() });
export type Written = z.infer<typeof written>;

export const assessmentRecordView = z.object({
  assessmentId: z.string(),
  childId: z.string(),
  childName: z.string(),
  startDate: z.string(),
  completedOn: maybe,
  outcome: maybe,
  authorisedOn: maybe,
  factors: z.array(z.object({ code: z.string(), label: z.string() })),
  written: z.boolean(),
  version: z.number().int().nullable(),
  status: z.enum(['draft', 'submitted', 'returned', 'authorised']),
  sections: z.object(Object.fromEntries(Object.keys(ASSESSMENT_SECTIONS).map((k) => [k, z.string()])) as Record<AssessmentSection, z.ZodString>),
  submittedOn: maybe,
  submittedBy: maybe,
  submittedByMe: z.boolean(),
  returnedOn: maybe,
  returnedBy: maybe,
  returnReasons: maybe,
  timesReturned: z.number().int(),
  workerScale: z.number().int().nullable(),
  managerScale: z.number().int().nullable(),
  managerView: maybe,
  manager: maybe,
});
export type AssessmentRecordView = z.infer<typeof assessmentRecordView>;

export const assessmentRecordList = z.object({
  assessments: z.array(z.object({ assessmentId: z.string(), startDate: z.string(), authorisedOn: maybe, status: z.string() })),
});

export const assessmentVersion = versionRow.extend({
  status: z.string(),
  returnReasons: maybe,
  changedSections: z.array(z.object({ section: z.string(), label: z.string() })),
  sections: z.record(z.string(), z.string()),
});
export type AssessmentVersion = z.infer<typeof assessmentVersion>;

export const returnedAssessment = z.object({
  assessmentId: z.string(),
  childId: z.string(),
  childName: z.string(),
  returnedOn: z.string(),
  returnedBy: maybe,
  reasons: z.string(),
});
export type ReturnedAssessment = z.infer<typeof returnedAssessment>;

export const concernView = z.object({ concern: z.string(), found: z.string(), substantiated: z.boolean(), why: z.string() });
export type Concern = z.infer<typeof concernView>;

export const findingsView = z.object({
  s47Id: z.string(),
  startDate: z.string(),
  completedOn: maybe,
  findings: z.object({ version: z.number().int(), concerns: z.array(concernView), convene: z.boolean(), conveneReasons: z.string() }).nullable(),
  versions: z.array(versionRow),
});
export type FindingsView = z.infer<typeof findingsView>;

export const planActionView = z.object({
  actionId: z.string(),
  outcomeId: maybe,
  what: z.string(),
  ownerKind: z.string().describe('worker, partner, parent-carer or child'),
  ownerWorkerId: maybe,
  ownerContactId: maybe,
  ownerName: maybe,
  owner: z.string(),
  setOn: z.string(),
  dueOn: z.string(),
  completedOn: maybe,
  withdrawnOn: maybe,
  state: z.enum(['done', 'done-late', 'taken-off', 'late', 'due']),
  stateLabel: z.string(),
  progress: z
    .array(z.object({ heldOn: z.string(), meetingKind: z.string(), progress: z.enum(['done', 'partly', 'not-done']), note: z.string(), recordedBy: maybe }))
    .optional(),
});
export type PlanActionView = z.infer<typeof planActionView>;

export const outcomeView = z.object({ outcomeId: z.string(), text: z.string(), measure: z.string() });
export type Outcome = z.infer<typeof outcomeView>;

export const planView = z.object({
  planDocumentId: z.string(),
  childId: z.string(),
  childName: z.string(),
  kind: planKind,
  kindLabel: z.string(),
  planRef: z.string(),
  stage: z.enum(['outline', 'detailed']).nullable(),
  stageLabel: maybe,
  agreedOn: z.string(),
  outcomes: z.array(outcomeView),
  contingency: z.string(),
  placementPlan: maybe,
  version: z.number().int(),
  actions: z.array(planActionView),
  meetings: z.array(z.object({ id: z.string(), heldOn: z.string() })),
  versions: z.array(versionRow),
});
export type PlanView = z.infer<typeof planView>;

export const planAtVersion = planView
  .pick({ agreedOn: true, outcomes: true, contingency: true, placementPlan: true, actions: true, version: true })
  .extend({ changedAt: z.string(), stage: maybe });
export type PlanAtVersion = z.infer<typeof planAtVersion>;

export const planComparison = z.object({
  from: planAtVersion,
  to: planAtVersion,
  changes: z.array(z.object({ what: z.string(), from: maybe, to: maybe })),
});
export type PlanComparison = z.infer<typeof planComparison>;

const familyAction = z.object({ what: z.string(), who: z.string(), dueOn: z.string(), done: z.boolean() });
export type FamilyAction = z.infer<typeof familyAction>;

export const familyPlan = z.object({
  title: z.string(),
  childName: z.string(),
  childGivenName: z.string(),
  familyNames: z.array(z.string()),
  agreedOn: z.string(),
  socialWorker: maybe,
  outcomes: z.array(z.object({ text: z.string(), measure: z.string(), actions: z.array(familyAction) })),
  otherActions: z.array(familyAction),
  contingency: z.string(),
  placementPlan: maybe,
});
export type FamilyPlan = z.infer<typeof familyPlan>;

export const childPlans = z.object({
  plans: z.array(
    z.object({
      planDocumentId: z.string(),
      kind: planKind,
      kindLabel: z.string(),
      planRef: z.string(),
      stage: maybe,
      agreedOn: z.string(),
      version: z.number().int(),
      openActions: z.number().int(),
    }),
  ),
  unwritten: z.array(z.object({ kind: planKind, kindLabel: z.string(), planRef: z.string(), startDate: z.string(), endDate: maybe })),
});
export type ChildPlans = z.infer<typeof childPlans>;

export const actionOwners = z.object({
  workers: z.array(z.object({ workerId: z.string(), name: z.string() })),
  contacts: z.array(z.object({ contactId: z.string(), name: z.string() })),
});
export type ActionOwners = z.infer<typeof actionOwners>;

export const partnerPlanActions = z.object({
  asOf: z.string(),
  actions: z.array(
    z.object({
      actionId: z.string(),
      childName: z.string(),
      dateOfBirth: maybe,
      plan: z.string(),
      what: z.string(),
      contact: z.string(),
      dueOn: z.string(),
      late: z.boolean(),
    }),
  ),
});
export type PartnerPlanAction = z.infer<typeof partnerPlanActions>['actions'][number];

/** Calls and shapes for the practice record: written assessments, enquiry findings, plans. */
import type {
  AssessmentSection,
  assessmentRecordAuthorisation,
  assessmentRecordSave,
  assessmentReturn,
  assessmentSubmission,
  PlanKind,
  planProgress,
  planSave,
  section47FindingsSave,
} from '@lantern/core/practice';
import type { z } from 'zod';
import { apiRequest as request } from './client.ts';

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;
type Written = { version: number };

export type AssessmentRecordView = {
  assessmentId: string;
  childId: string;
  childName: string;
  startDate: string;
  completedOn: string | null;
  outcome: string | null;
  authorisedOn: string | null;
  factors: { code: string; label: string }[];
  written: boolean;
  version: number | null;
  status: 'draft' | 'submitted' | 'returned' | 'authorised';
  sections: Record<AssessmentSection, string>;
  submittedOn: string | null;
  submittedBy: string | null;
  submittedByMe: boolean;
  returnedOn: string | null;
  returnedBy: string | null;
  returnReasons: string | null;
  timesReturned: number;
  workerScale: number | null;
  managerScale: number | null;
  managerView: string | null;
  manager: string | null;
};

export type AssessmentVersion = {
  version: number;
  changedAt: string;
  changedBy: string | null;
  status: string;
  returnReasons: string | null;
  changedSections: { section: string; label: string }[];
  sections: Record<string, string>;
};

export type Concern = { concern: string; found: string; substantiated: boolean; why: string };
export type FindingsView = {
  s47Id: string;
  startDate: string;
  completedOn: string | null;
  findings: { version: number; concerns: Concern[]; convene: boolean; conveneReasons: string } | null;
  versions: { version: number; changedAt: string; changedBy: string | null }[];
};

export type PlanActionView = {
  actionId: string;
  outcomeId: string | null;
  what: string;
  ownerKind: 'worker' | 'partner' | 'parent-carer' | 'child';
  ownerWorkerId: string | null;
  ownerContactId: string | null;
  ownerName: string | null;
  owner: string;
  setOn: string;
  dueOn: string;
  completedOn: string | null;
  withdrawnOn: string | null;
  state: 'done' | 'done-late' | 'taken-off' | 'late' | 'due';
  stateLabel: string;
  progress?: { heldOn: string; meetingKind: string; progress: 'done' | 'partly' | 'not-done'; note: string; recordedBy: string | null }[];
};
export type Outcome = { outcomeId: string; text: string; measure: string };
export type PlanView = {
  planDocumentId: string;
  childId: string;
  childName: string;
  kind: PlanKind;
  kindLabel: string;
  planRef: string;
  stage: 'outline' | 'detailed' | null;
  stageLabel: string | null;
  agreedOn: string;
  outcomes: Outcome[];
  contingency: string;
  placementPlan: string | null;
  version: number;
  actions: PlanActionView[];
  meetings: { id: string; heldOn: string }[];
  versions: { version: number; changedAt: string; changedBy: string | null }[];
};
export type PlanAtVersion = Pick<PlanView, 'agreedOn' | 'outcomes' | 'contingency' | 'placementPlan' | 'actions'> & {
  version: number;
  changedAt: string;
  stage: string | null;
};
export type PlanComparison = { from: PlanAtVersion; to: PlanAtVersion; changes: { what: string; from: string | null; to: string | null }[] };
export type FamilyAction = { what: string; who: string; dueOn: string; done: boolean };
export type FamilyPlan = {
  title: string;
  childName: string;
  childGivenName: string;
  familyNames: string[];
  agreedOn: string;
  socialWorker: string | null;
  outcomes: { text: string; measure: string; actions: FamilyAction[] }[];
  otherActions: FamilyAction[];
  contingency: string;
  placementPlan: string | null;
};
export type ChildPlans = {
  plans: {
    planDocumentId: string;
    kind: PlanKind;
    kindLabel: string;
    planRef: string;
    stage: string | null;
    agreedOn: string;
    version: number;
    openActions: number;
  }[];
  unwritten: { kind: PlanKind; kindLabel: string; planRef: string; startDate: string; endDate: string | null }[];
};
export type ActionOwners = { workers: { workerId: string; name: string }[]; contacts: { contactId: string; name: string }[] };
export type ReturnedAssessment = { assessmentId: string; childId: string; childName: string; returnedOn: string; returnedBy: string | null; reasons: string };
export type PartnerPlanAction = {
  actionId: string;
  childName: string;
  dateOfBirth: string | null;
  plan: string;
  what: string;
  contact: string;
  dueOn: string;
  late: boolean;
};

const record = (childId: string, assessmentId: string) => `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}/record`;
const plan = (childId: string, planDocumentId: string) => `${child(childId)}/plans/${encodeURIComponent(planDocumentId)}`;

export const practiceApi = {
  assessments: (childId: string) =>
    request<{ assessments: { assessmentId: string; startDate: string; authorisedOn: string | null; status: string }[] }>(
      'GET',
      `${child(childId)}/assessment-records`,
    ),
  assessment: (childId: string, assessmentId: string) => request<AssessmentRecordView>('GET', record(childId, assessmentId)),
  saveAssessment: (childId: string, assessmentId: string, body: z.input<typeof assessmentRecordSave>) =>
    request<Written>('PUT', record(childId, assessmentId), { body }),
  submitAssessment: (childId: string, assessmentId: string, body: z.input<typeof assessmentSubmission>) =>
    request<Written>('POST', `${record(childId, assessmentId)}/submission`, { body }),
  returnAssessment: (childId: string, assessmentId: string, body: z.input<typeof assessmentReturn>) =>
    request<Written>('POST', `${record(childId, assessmentId)}/return`, { body }),
  authoriseAssessment: (childId: string, assessmentId: string, body: z.input<typeof assessmentRecordAuthorisation>) =>
    request<Written>('POST', `${record(childId, assessmentId)}/authorisation`, { body }),
  assessmentVersions: (childId: string, assessmentId: string) => request<{ versions: AssessmentVersion[] }>('GET', `${record(childId, assessmentId)}/versions`),
  returned: () => request<{ returned: ReturnedAssessment[] }>('GET', '/api/assessments/returned'),
  findings: (childId: string, s47Id: string) => request<FindingsView>('GET', `${child(childId)}/section47/${encodeURIComponent(s47Id)}/findings`),
  saveFindings: (childId: string, s47Id: string, body: z.input<typeof section47FindingsSave>) =>
    request<Written>('PUT', `${child(childId)}/section47/${encodeURIComponent(s47Id)}/findings`, { body }),
  plans: (childId: string) => request<ChildPlans>('GET', `${child(childId)}/plans`),
  plan: (childId: string, planDocumentId: string) => request<PlanView>('GET', plan(childId, planDocumentId)),
  writePlan: (childId: string, body: z.input<typeof planSave>) => request<Written & { planDocumentId: string }>('POST', `${child(childId)}/plans`, { body }),
  changePlan: (childId: string, planDocumentId: string, body: z.input<typeof planSave>) =>
    request<Written & { planDocumentId: string }>('PUT', plan(childId, planDocumentId), { body }),
  progress: (childId: string, planDocumentId: string, body: z.input<typeof planProgress>) =>
    request<Written>('POST', `${plan(childId, planDocumentId)}/progress`, { body }),
  compare: (childId: string, planDocumentId: string, from: number, to: number) =>
    request<PlanComparison>('GET', `${plan(childId, planDocumentId)}/compare?from=${from}&to=${to}`),
  forFamily: (childId: string, planDocumentId: string) => request<FamilyPlan>('GET', `${plan(childId, planDocumentId)}/for-family`),
  owners: () => request<ActionOwners>('GET', '/api/plan-action-owners'),
  partnerActions: () => request<{ asOf: string; actions: PartnerPlanAction[] }>('GET', '/api/partner/plan-actions'),
  searchChronology: (childId: string, q: string) =>
    request<{ entries: import('./types.ts').ChronologyEntryView[] }>('GET', `${child(childId)}/chronology?q=${encodeURIComponent(q)}`),
};

/** Calls and shapes for the practice record: written assessments, enquiry findings, plans. */
import type {
  assessmentRecordAuthorisation,
  assessmentRecordSave,
  assessmentReturn,
  assessmentSubmission,
  planProgress,
  planSave,
  section47FindingsSave,
} from '@lantern/core/practice';
import type { z } from 'zod';
import { apiRequest as request } from './client.ts';

import type {
  ActionOwners,
  AssessmentRecordView,
  AssessmentVersion,
  assessmentRecordList,
  ChildPlans,
  FamilyPlan,
  FindingsView,
  PartnerPlanAction,
  PlanComparison,
  PlanView,
  ReturnedAssessment,
  Written,
} from '@lantern/core/views/practice';

export type {
  ActionOwners,
  AssessmentRecordView,
  AssessmentVersion,
  ChildPlans,
  Concern,
  FamilyAction,
  FamilyPlan,
  FindingsView,
  Outcome,
  PartnerPlanAction,
  PlanActionView,
  PlanAtVersion,
  PlanComparison,
  PlanView,
  ReturnedAssessment,
} from '@lantern/core/views/practice';

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

const record = (childId: string, assessmentId: string) => `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}/record`;
const plan = (childId: string, planDocumentId: string) => `${child(childId)}/plans/${encodeURIComponent(planDocumentId)}`;

export const practiceApi = {
  assessments: (childId: string) => request<z.infer<typeof assessmentRecordList>>('GET', `${child(childId)}/assessment-records`),
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

/** Management oversight on a child's record: decisions, risk assessments, case audits; and induction. */
import { request } from './client.ts';

export type RiskAssessment = {
  riskAssessmentId: string;
  assessedOn: string;
  worries: string;
  strengths: string;
  nextSteps: string;
  workerScale: number;
  familyScale: number | null;
  recordedBy: string | null;
  managerScale: number | null;
  managerView: string | null;
  manager: string | null;
  managerOn: string | null;
  gap: number | null;
  overOptimistic: boolean;
  version: number;
};

export type NewDecision = { kind: string; decidedOn: string; reasons: string; evidenceSeen: string };
export type NewRiskAssessment = {
  assessedOn: string;
  worries: string;
  strengths: string;
  nextSteps: string;
  workerScale: number;
  familyScale: number | null;
};

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const oversightApi = {
  recordDecision: (childId: string, body: NewDecision) => request<{ decisionId: string }>('POST', `${child(childId)}/decisions`, { body }),
  riskAssessments: (childId: string) => request<{ riskAssessments: RiskAssessment[] }>('GET', `${child(childId)}/risk-assessments`),
  recordRiskAssessment: (childId: string, body: NewRiskAssessment) =>
    request<{ riskAssessmentId: string }>('POST', `${child(childId)}/risk-assessments`, { body }),
  recordManagerView: (childId: string, riskAssessmentId: string, body: { version: number; managerScale: number; view: string; on: string }) =>
    request<{ riskAssessmentId: string; version: number }>('POST', `${child(childId)}/risk-assessments/${encodeURIComponent(riskAssessmentId)}/manager-view`, {
      body,
    }),
};

export type Induction = {
  workerId: string;
  name: string;
  startDate: string;
  asyeStart: string | null;
  protectedCaseload: number | null;
  items: { itemId: string; label: string; completedOn: string | null }[];
  complete: boolean;
  deadline: { dueDate: string; state: string; metOn?: string | null } | null;
};

const worker = (workerId: string) => `/api/workers/${encodeURIComponent(workerId)}/induction`;

export const inductionApi = {
  get: (workerId: string) => request<Induction>('GET', worker(workerId)),
  start: (workerId: string, body: { asyeStart: string | null; protectedCaseload: number | null }) => request<Induction>('POST', worker(workerId), { body }),
  signOff: (workerId: string, itemId: string, completedOn: string) =>
    request<Induction>('POST', `${worker(workerId)}/${encodeURIComponent(itemId)}`, { body: { completedOn } }),
};

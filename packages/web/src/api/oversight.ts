/** Management oversight on a child's record: decisions, risk assessments, case audits; and induction. */
import type { newCaseAudit, newDecision, newRiskAssessment } from '@lantern/core/workforce';
import type { AuditAction, AuditGrades, CaseAudit, RiskAssessment } from '@lantern/core/views/oversight';
import type { Induction } from '@lantern/core/views/workforce';
import type { z } from 'zod';
import { request } from './client.ts';

export type { AuditAction, AuditGrades, CaseAudit, RiskAssessment };

export type NewDecision = z.input<typeof newDecision>;
export type NewRiskAssessment = z.input<typeof newRiskAssessment>;

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

export type { Induction };

const worker = (workerId: string) => `/api/workers/${encodeURIComponent(workerId)}/induction`;

export const inductionApi = {
  get: (workerId: string) => request<Induction>('GET', worker(workerId)),
  start: (workerId: string, body: { asyeStart: string | null; protectedCaseload: number | null }) => request<Induction>('POST', worker(workerId), { body }),
  signOff: (workerId: string, itemId: string, completedOn: string) =>
    request<Induction>('POST', `${worker(workerId)}/${encodeURIComponent(itemId)}`, { body: { completedOn } }),
};

export type NewCaseAudit = z.input<typeof newCaseAudit>;

export const caseAuditApi = {
  questions: () => request<{ questions: { id: string; text: string }[] }>('GET', '/api/case-audit-questions'),
  list: (childId: string) => request<{ caseAudits: CaseAudit[] }>('GET', `${child(childId)}/case-audits`),
  record: (childId: string, body: NewCaseAudit) => request<{ caseAuditId: string }>('POST', `${child(childId)}/case-audits`, { body }),
  moderate: (childId: string, caseAuditId: string, body: { version: number; moderatedOn: string; grade: string; notes: string }) =>
    request<{ caseAuditId: string; version: number }>('POST', `${child(childId)}/case-audits/${encodeURIComponent(caseAuditId)}/moderation`, { body }),
  completeAction: (actionId: string, body: { version: number; completedOn: string; evidence: string }) =>
    request<{ actionId: string; version: number; completedOn: string }>('POST', `/api/case-audit-actions/${encodeURIComponent(actionId)}/complete`, { body }),
  results: () =>
    request<{ asOf: string; teams: { teamId: string | null; team: string; months: (AuditGrades & { month: string })[] }[] }>(
      'GET',
      '/api/workforce/case-audit-results',
    ),
};

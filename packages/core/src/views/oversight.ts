/**
 * What the oversight routes send back (management decisions, risk assessments, case audits):
 * the server's response schemas and the web app's types (z.infer), written once.
 */
import { z } from 'zod';
import { childRef } from '../fields.ts';

/** A decision a manager recorded on a child, as the accountability views list it. */
export const decisionView = z.object({
  ...childRef,
  on: z.string(),
  kind: z.string(),
  label: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  decidedBy: z.string().nullable(),
  decidedByUserId: z.uuid().nullable(),
  decidedByWorkerId: z.uuid().nullable(),
  role: z.string().nullable(),
  reasons: z.string().nullable(),
  evidence: z.string().nullable(),
  detail: z.string().nullable(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const riskAssessmentView = z.object({
  riskAssessmentId: z.uuid(),
  assessedOn: z.string(),
  worries: z.string(),
  strengths: z.string(),
  nextSteps: z.string(),
  workerScale: z.number().int(),
  familyScale: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  managerScale: z.number().int().nullable(),
  managerView: z.string().nullable(),
  manager: z.string().nullable(),
  managerOn: z.string().nullable(),
  gap: z.number().int().nullable(),
  overOptimistic: z.boolean(),
  version: z.number().int(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentView>;

export const auditActionView = z.object({
  actionId: z.uuid(),
  finding: z.string(),
  action: z.string(),
  ownerWorkerId: z.uuid(),
  owner: z.string(),
  dueDate: z.string(),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type AuditAction = z.infer<typeof auditActionView>;

export const caseAuditView = z.object({
  caseAuditId: z.uuid(),
  auditedOn: z.string(),
  auditor: z.string().nullable(),
  grade: z.string(),
  summary: z.string(),
  answers: z.array(z.object({ questionId: z.string(), question: z.string(), answer: z.string(), comment: z.string().nullable() })),
  moderatedOn: z.string().nullable(),
  moderator: z.string().nullable(),
  moderatedGrade: z.string().nullable(),
  moderationNotes: z.string().nullable(),
  finalGrade: z.string(),
  version: z.number().int(),
  actions: z.array(auditActionView),
});
export type CaseAudit = z.infer<typeof caseAuditView>;

/** Audits by grade (and how many were moderated), for a month or a team. */
export const auditGradesView = z.object({
  outstanding: z.number().int(),
  good: z.number().int(),
  'requires-improvement': z.number().int(),
  inadequate: z.number().int(),
  moderated: z.number().int(),
});
export type AuditGrades = z.infer<typeof auditGradesView>;

/** Every decision on a child's record, and when management oversight is next due. */
export const childAccountabilityView = z.object({
  decisions: z.array(decisionView),
  oversight: z.object({ lastOversight: z.string(), dueDate: z.string(), overdue: z.boolean(), daysSince: z.number().int() }).nullable(),
});
export type ChildAccountability = z.infer<typeof childAccountabilityView>;

import { auditActionDone, managerView, moderation, newCaseAudit, newDecision, newRiskAssessment } from '@lantern/core/workforce';
import { auditGradesView as grades, caseAuditView, childAccountabilityView, decisionView as decision, riskAssessmentView } from '@lantern/core/views/oversight';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes, showing } from '../../kernel/http/routes.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { workforceSettings } from '../workforce/index.ts';
import { childAccountability, workerAccountability } from './accountability.ts';
import { auditResults, childCaseAudits, completeAuditAction, moderateCaseAudit, recordCaseAudit } from './case-audits.ts';
import { recordDecision } from './decisions.ts';
import { recordManagerView, recordRiskAssessment, riskAssessments } from './risk.ts';

const child = z.object({ childId: z.string() });
const id = (what: string, v: string) => {
  if (!isUuid(v)) throw notFound(what);
};

export async function oversightRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['oversight']);
  const db = () => fastify.store.db;

  route.post(
    '/api/children/:childId/decisions',
    {
      permission: 'oversight:record',
      summary: 'Record a manager’s decision or oversight on the child’s record: who, when, why, on what evidence',
      params: child,
      body: newDecision,
      created: z.object({ decisionId: z.uuid() }),
    },
    (req) => recordDecision(db(), req.actor(), req.params.childId, req.body),
  );

  route.get(
    '/api/children/:childId/accountability',
    {
      permission: 'child:read',
      audit: { reads: 'accountability' },
      summary: 'Every decision made on the child’s record: by whom, when and why; and when management oversight is next due',
      params: child,
      answer: childAccountabilityView,
    },
    (req) => childAccountability(db(), req.actor(), req.params.childId),
  );

  route.get(
    '/api/workers/:workerId/decisions',
    {
      permission: 'workforce:report',
      summary: 'Every decision a worker made, on the children you may see',
      params: z.object({ workerId: z.string() }),
      answer: z.object({ worker: z.object({ workerId: z.uuid(), name: z.string() }), decisions: z.array(decision) }),
    },
    async (req) => {
      id('worker', req.params.workerId);
      req.audited({ action: 'read', recordType: 'worker-decisions', recordId: req.params.workerId });
      return showing(req, 'accountability', await workerAccountability(db(), req.actor(), req.params.workerId), (found) => found.decisions);
    },
  );

  route.post(
    '/api/children/:childId/risk-assessments',
    {
      permission: 'casework:record',
      summary: 'Record a risk assessment: worries, strengths, what needs to happen, and the safety scale',
      params: child,
      body: newRiskAssessment,
      created: z.object({ riskAssessmentId: z.uuid() }),
    },
    (req) => recordRiskAssessment(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/risk-assessments/:riskAssessmentId/manager-view',
    {
      permission: 'oversight:record',
      summary: 'The manager’s own safety scale and view, beside the worker’s',
      params: z.object({ childId: z.string(), riskAssessmentId: z.string() }),
      body: managerView,
      answer: z.object({ riskAssessmentId: z.uuid(), version: z.number().int() }),
    },
    async (req) => {
      id('risk assessment', req.params.riskAssessmentId);
      return recordManagerView(db(), req.actor(), req.params.childId, req.params.riskAssessmentId, req.body);
    },
  );

  route.get(
    '/api/children/:childId/risk-assessments',
    {
      permission: 'child:read',
      audit: { reads: 'risk-assessment' },
      summary: 'The child’s risk assessments, with the manager’s view and any over-optimism',
      params: child,
      answer: z.object({
        riskAssessments: z.array(riskAssessmentView),
      }),
    },
    (req) => riskAssessments(db(), req.actor(), req.params.childId),
  );

  route.get(
    '/api/case-audit-questions',
    {
      permission: 'case-audit:record',
      summary: 'The council’s case audit questions',
      answer: z.object({ questions: z.array(z.object({ id: z.string(), text: z.string() })) }),
    },
    async (req) => ({ questions: (await workforceSettings(db(), req.actor().user.laCode)).auditQuestions }),
  );

  route.post(
    '/api/children/:childId/case-audits',
    {
      permission: 'case-audit:record',
      summary: 'Audit a case against the council’s questions; findings become actions with owners and due dates',
      params: child,
      body: newCaseAudit,
      created: z.object({ caseAuditId: z.uuid() }),
    },
    (req) => recordCaseAudit(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/case-audits/:caseAuditId/moderation',
    {
      permission: 'case-audit:record',
      summary: 'Moderate another auditor’s audit',
      params: z.object({ childId: z.string(), caseAuditId: z.string() }),
      body: moderation,
      answer: z.object({ caseAuditId: z.uuid(), version: z.number().int() }),
    },
    async (req) => {
      id('case audit', req.params.caseAuditId);
      return moderateCaseAudit(db(), req.actor(), req.params.childId, req.params.caseAuditId, req.body);
    },
  );

  route.get(
    '/api/children/:childId/case-audits',
    {
      permission: 'child:read',
      audit: { reads: 'case-audit' },
      summary: 'The child’s case audits with answers, moderation and actions',
      params: child,
      answer: z.object({
        caseAudits: z.array(caseAuditView),
      }),
    },
    (req) => childCaseAudits(db(), req.actor(), req.params.childId),
  );

  route.post(
    '/api/case-audit-actions/:actionId/complete',
    {
      permission: 'audit-action:complete',
      summary: 'Mark an audit action done, with the evidence (its owner, or their manager); 409 when the action changed since it was read',
      params: z.object({ actionId: z.string() }),
      body: auditActionDone,
      answer: z.object({ actionId: z.uuid(), version: z.number().int(), completedOn: z.string() }),
    },
    async (req) => {
      id('audit action', req.params.actionId);
      return completeAuditAction(db(), req.actor(), req.params.actionId, req.body);
    },
  );

  route.get(
    '/api/workforce/case-audit-results',
    {
      permission: 'workforce:report',
      summary: 'Case audit results by team and month: the final grade, moderated where it was',
      querystring: z.object({
        months: z.coerce.number().int().min(1).max(60).default(12),
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
      answer: z.object({
        asOf: z.string(),
        teams: z.array(z.object({ teamId: z.uuid().nullable(), team: z.string(), months: z.array(grades.extend({ month: z.string() })) })),
      }),
    },
    (req) => auditResults(db(), req.actor().user.laCode, req.query),
  );
}

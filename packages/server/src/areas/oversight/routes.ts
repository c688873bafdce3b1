import { auditActionDone, managerView, moderation, newCaseAudit, newDecision, newRiskAssessment } from '@lantern/core/workforce';
import { auditGradesView as grades, caseAuditView, childAccountabilityView, decisionView as decision, riskAssessmentView } from '@lantern/core/views/oversight';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
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
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.post('/api/children/:childId/decisions', {
    config: { permission: 'oversight:record' },
    schema: {
      tags: ['oversight'],
      summary: 'Record a manager’s decision or oversight on the child’s record: who, when, why, on what evidence',
      params: child,
      body: newDecision,
      response: { 201: z.object({ decisionId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordDecision(db(), req.actor(), req.params.childId, req.body)),
  });

  app.get('/api/children/:childId/accountability', {
    config: { permission: 'child:read', audit: { reads: 'accountability' } },
    schema: {
      tags: ['oversight'],
      summary: 'Every decision made on the child’s record: by whom, when and why; and when management oversight is next due',
      params: child,
      response: { 200: childAccountabilityView },
    },
    handler: (req) => childAccountability(db(), req.actor(), req.params.childId),
  });

  app.get('/api/workers/:workerId/decisions', {
    config: { permission: 'workforce:report' },
    schema: {
      tags: ['oversight'],
      summary: 'Every decision a worker made, on the children you may see',
      params: z.object({ workerId: z.string() }),
      response: { 200: z.object({ worker: z.object({ workerId: z.uuid(), name: z.string() }), decisions: z.array(decision) }) },
    },
    handler: async (req) => {
      id('worker', req.params.workerId);
      const found = await workerAccountability(db(), req.actor(), req.params.workerId);
      req.audited({ action: 'read', recordType: 'worker-decisions', recordId: req.params.workerId });
      req.shown(
        found.decisions.map((d) => d.childId),
        { recordType: 'accountability' },
      );
      return found;
    },
  });

  app.post('/api/children/:childId/risk-assessments', {
    config: { permission: 'casework:record' },
    schema: {
      tags: ['oversight'],
      summary: 'Record a risk assessment: worries, strengths, what needs to happen, and the safety scale',
      params: child,
      body: newRiskAssessment,
      response: { 201: z.object({ riskAssessmentId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordRiskAssessment(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/risk-assessments/:riskAssessmentId/manager-view', {
    config: { permission: 'oversight:record' },
    schema: {
      tags: ['oversight'],
      summary: 'The manager’s own safety scale and view, beside the worker’s',
      params: z.object({ childId: z.string(), riskAssessmentId: z.string() }),
      body: managerView,
      response: { 200: z.object({ riskAssessmentId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req) => {
      id('risk assessment', req.params.riskAssessmentId);
      return recordManagerView(db(), req.actor(), req.params.childId, req.params.riskAssessmentId, req.body);
    },
  });

  app.get('/api/children/:childId/risk-assessments', {
    config: { permission: 'child:read', audit: { reads: 'risk-assessment' } },
    schema: {
      tags: ['oversight'],
      summary: 'The child’s risk assessments, with the manager’s view and any over-optimism',
      params: child,
      response: {
        200: z.object({
          riskAssessments: z.array(riskAssessmentView),
        }),
      },
    },
    handler: (req) => riskAssessments(db(), req.actor(), req.params.childId),
  });

  app.get('/api/case-audit-questions', {
    config: { permission: 'case-audit:record' },
    schema: {
      tags: ['oversight'],
      summary: 'The council’s case audit questions',
      response: { 200: z.object({ questions: z.array(z.object({ id: z.string(), text: z.string() })) }) },
    },
    handler: async (req) => ({ questions: (await workforceSettings(db(), req.actor().user.laCode)).auditQuestions }),
  });

  app.post('/api/children/:childId/case-audits', {
    config: { permission: 'case-audit:record' },
    schema: {
      tags: ['oversight'],
      summary: 'Audit a case against the council’s questions; findings become actions with owners and due dates',
      params: child,
      body: newCaseAudit,
      response: { 201: z.object({ caseAuditId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordCaseAudit(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/case-audits/:caseAuditId/moderation', {
    config: { permission: 'case-audit:record' },
    schema: {
      tags: ['oversight'],
      summary: 'Moderate another auditor’s audit',
      params: z.object({ childId: z.string(), caseAuditId: z.string() }),
      body: moderation,
      response: { 200: z.object({ caseAuditId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req) => {
      id('case audit', req.params.caseAuditId);
      return moderateCaseAudit(db(), req.actor(), req.params.childId, req.params.caseAuditId, req.body);
    },
  });

  app.get('/api/children/:childId/case-audits', {
    config: { permission: 'child:read', audit: { reads: 'case-audit' } },
    schema: {
      tags: ['oversight'],
      summary: 'The child’s case audits with answers, moderation and actions',
      params: child,
      response: {
        200: z.object({
          caseAudits: z.array(caseAuditView),
        }),
      },
    },
    handler: (req) => childCaseAudits(db(), req.actor(), req.params.childId),
  });

  app.post('/api/case-audit-actions/:actionId/complete', {
    config: { permission: 'audit-action:complete' },
    schema: {
      tags: ['oversight'],
      summary: 'Mark an audit action done, with the evidence (its owner, or their manager); 409 when the action changed since it was read',
      params: z.object({ actionId: z.string() }),
      body: auditActionDone,
      response: { 200: z.object({ actionId: z.uuid(), version: z.number().int(), completedOn: z.string() }) },
    },
    handler: async (req) => {
      id('audit action', req.params.actionId);
      return completeAuditAction(db(), req.actor(), req.params.actionId, req.body);
    },
  });

  app.get('/api/workforce/case-audit-results', {
    config: { permission: 'workforce:report' },
    schema: {
      tags: ['oversight'],
      summary: 'Case audit results by team and month: the final grade, moderated where it was',
      querystring: z.object({
        months: z.coerce.number().int().min(1).max(60).default(12),
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
      response: {
        200: z.object({
          asOf: z.string(),
          teams: z.array(z.object({ teamId: z.uuid().nullable(), team: z.string(), months: z.array(grades.extend({ month: z.string() })) })),
        }),
      },
    },
    handler: (req) => auditResults(db(), req.actor().user.laCode, req.query),
  });
}

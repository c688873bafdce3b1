/** HTTP for plans: write and change a plan, record progress at a meeting, versions, compare, print. */
import { planProgress, planSave } from '@lantern/core/practice';
import * as views from '@lantern/core/views/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { recordPlanProgress, savePlan } from './service.ts';
import { actionOwners, childPlans, comparePlanVersions, getPlan, partnerPlanActions, planAtVersion, planForFamily } from './views.ts';

const child = z.object({ childId: z.string() });
const plan = child.extend({ planDocumentId: z.string().refine(isUuid, { message: 'No such plan' }) });
const written = z.object({ planDocumentId: z.uuid(), version: z.number().int() });
const version = z.coerce.number().int().positive();

export async function planRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['plans'];
  const one = '/api/children/:childId/plans/:planDocumentId';

  app.get('/api/children/:childId/plans', {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The child’s written plans, and the plans not yet written', params: child, response: { 200: views.childPlans } },
    handler: (req) => childPlans(db(), req.actor(), req.params.childId),
  });
  app.post('/api/children/:childId/plans', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Write a plan: outcomes, actions (what, who, by when) and the contingency',
      params: child,
      body: planSave,
      response: { 201: written },
    },
    handler: async (req, reply) => reply.status(201).send(await savePlan(db(), req.actor(), req.params.childId, null, req.body)),
  });
  app.get(one, {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'One plan with its actions, their progress and its versions', params: plan },
    handler: (req) => getPlan(db(), req.actor(), req.params.childId, req.params.planDocumentId),
  });
  app.put(one, {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Change a plan (a new version; actions left out are taken off the plan)',
      params: plan,
      body: planSave,
      response: { 200: written },
    },
    handler: (req) => savePlan(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.body),
  });
  app.post(`${one}/progress`, {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Progress at a core group or review against each action, and new actions',
      params: plan,
      body: planProgress,
      response: { 200: written },
    },
    handler: (req) => recordPlanProgress(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.body),
  });
  app.get(`${one}/versions/:version`, {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The plan as it was at a version', params: plan.extend({ version }) },
    handler: (req) => planAtVersion(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.params.version),
  });
  app.get(`${one}/compare`, {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'Two versions of the plan and what changed between them',
      params: plan,
      querystring: z.object({ from: version, to: version }),
    },
    handler: (req) => comparePlanVersions(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.query.from, req.query.to),
  });
  app.get(`${one}/for-family`, {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The plan in plain English for the family, to print', params: plan, response: { 200: views.familyPlan } },
    handler: (req) => planForFamily(db(), req.actor(), req.params.childId, req.params.planDocumentId),
  });
  app.get('/api/plan-action-owners', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Who can own an action on a plan: workers and partner agency contacts', response: { 200: views.actionOwners } },
    handler: (req) => actionOwners(db(), req.actor()),
  });
  app.get('/api/partner/plan-actions', {
    config: { permission: 'partner-request:answer' },
    schema: { tags, summary: 'A partner user’s own actions on children’s plans, by when', response: { 200: views.partnerPlanActions } },
    handler: (req) => partnerPlanActions(db(), req.actor()),
  });
}

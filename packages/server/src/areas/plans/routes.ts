/** HTTP for plans: write and change a plan, record progress at a meeting, versions, compare, print. */
import { planProgress, planSave } from '@lantern/core/practice';
import * as views from '@lantern/core/views/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { recordPlanProgress, savePlan } from './service.ts';
import { actionOwners, childPlans, comparePlanVersions, getPlan, partnerPlanActions, planAtVersion, planForFamily } from './views.ts';

const child = z.object({ childId: z.string() });
const plan = child.extend({ planDocumentId: z.string().refine(isUuid, { message: 'No such plan' }) });
const written = z.object({ planDocumentId: z.uuid(), version: z.number().int() });
const version = z.coerce.number().int().positive();

export async function planRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['plans']);
  const db = () => fastify.store.db;
  const one = '/api/children/:childId/plans/:planDocumentId';

  route.get(
    '/api/children/:childId/plans',
    { permission: 'child:read', summary: 'The child’s written plans, and the plans not yet written', params: child, answer: views.childPlans },
    (req) => childPlans(db(), req.actor(), req.params.childId),
  );
  route.post(
    '/api/children/:childId/plans',
    {
      permission: 'casework:record',
      summary: 'Write a plan: outcomes, actions (what, who, by when) and the contingency',
      params: child,
      body: planSave,
      created: written,
    },
    (req) => savePlan(db(), req.actor(), req.params.childId, null, req.body),
  );
  route.get(one, { permission: 'child:read', summary: 'One plan with its actions, their progress and its versions', params: plan }, (req) =>
    getPlan(db(), req.actor(), req.params.childId, req.params.planDocumentId),
  );
  route.put(
    one,
    {
      permission: 'casework:record',
      summary: 'Change a plan (a new version; actions left out are taken off the plan)',
      params: plan,
      body: planSave,
      answer: written,
    },
    (req) => savePlan(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.body),
  );
  route.post(
    `${one}/progress`,
    {
      permission: 'casework:record',
      summary: 'Progress at a core group or review against each action, and new actions',
      params: plan,
      body: planProgress,
      answer: written,
    },
    (req) => recordPlanProgress(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.body),
  );
  route.get(`${one}/versions/:version`, { permission: 'child:read', summary: 'The plan as it was at a version', params: plan.extend({ version }) }, (req) =>
    planAtVersion(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.params.version),
  );
  route.get(
    `${one}/compare`,
    {
      permission: 'child:read',
      summary: 'Two versions of the plan and what changed between them',
      params: plan,
      querystring: z.object({ from: version, to: version }),
    },
    (req) => comparePlanVersions(db(), req.actor(), req.params.childId, req.params.planDocumentId, req.query.from, req.query.to),
  );
  route.get(
    `${one}/for-family`,
    { permission: 'child:read', summary: 'The plan in plain English for the family, to print', params: plan, answer: views.familyPlan },
    (req) => planForFamily(db(), req.actor(), req.params.childId, req.params.planDocumentId),
  );
  route.get(
    '/api/plan-action-owners',
    { permission: 'casework:record', summary: 'Who can own an action on a plan: workers and partner agency contacts', answer: views.actionOwners },
    (req) => actionOwners(db(), req.actor()),
  );
  route.get(
    '/api/partner/plan-actions',
    { permission: 'partner-request:answer', summary: 'A partner user’s own actions on children’s plans, by when', answer: views.partnerPlanActions },
    (req) => partnerPlanActions(db(), req.actor()),
  );
}

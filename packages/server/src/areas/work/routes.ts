import { childDueView, decisionAnswer, decisionRequestBody, decisionRequestView, landingPage, landingQuery } from '@lantern/core/work';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childFor, isUuid } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { typed } from '../../kernel/http/app.ts';
import { childDue } from './child.ts';
import { answerRequest, childRequests, sendForDecision } from './decisions.ts';
import { landing } from './service.ts';

/** The landing pages, and the child's "What is due". */
export async function workRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.get('/api/work', {
    config: { permission: 'work:read' },
    schema: {
      tags: ['work'],
      summary: 'Your landing page: what to do next, each list counted in full and paged (`section` and `page` for one list)',
      querystring: landingQuery,
      response: { 200: landingPage },
    },
    handler: (req) => landing(db(), req.actor(), req.query),
  });

  app.get('/api/children/:childId/due', {
    config: { permission: 'child:read' },
    schema: {
      tags: ['work'],
      summary: 'The child’s status at a glance and every open deadline from every area, soonest first',
      params: z.object({ childId: z.string() }),
      response: { 200: childDueView },
    },
    handler: async (req) => {
      const actor = req.actor();
      await childFor(db(), actor.user, req.params.childId, 'child:read');
      await audit(db(), actor, { action: 'read', recordType: 'child-due', childId: req.params.childId });
      return childDue(db(), actor, req.params.childId);
    },
  });

  app.get('/api/children/:childId/decision-requests', {
    config: { permission: 'child:read', audit: { reads: 'decision-requests' } },
    schema: {
      tags: ['work'],
      summary: 'Work sent to a manager for a decision about this child (closures, step-downs, plans), newest first',
      params: z.object({ childId: z.string() }),
      response: { 200: z.object({ requests: z.array(decisionRequestView) }) },
    },
    handler: async (req) => {
      await childFor(db(), req.actor().user, req.params.childId, 'child:read');
      return { requests: await childRequests(db(), req.actor(), req.params.childId) };
    },
  });

  app.post('/api/children/:childId/decision-requests', {
    config: { permission: 'casework:record' },
    schema: {
      tags: ['work'],
      summary: 'Send a case closure, a step-down or a plan to the manager for a decision (or send a returned one again)',
      params: z.object({ childId: z.string() }),
      body: decisionRequestBody,
      response: { 201: z.object({ requestId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await sendForDecision(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/decision-requests/:requestId/decision', {
    config: { permission: 'casework:authorise' },
    schema: {
      tags: ['work'],
      summary: 'Approve work sent to you (closing the case or authorising the plan), or return it with reasons',
      params: z.object({ requestId: z.string().refine(isUuid, { message: 'No such request' }) }),
      body: decisionAnswer,
      response: { 200: z.object({ status: z.enum(['approved', 'returned']) }) },
    },
    handler: (req) => answerRequest(db(), req.actor(), req.params.requestId, req.body),
  });
}

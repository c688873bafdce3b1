import { childDueView, decisionAnswer, decisionRequestBody, decisionRequestView, landingPage, landingQuery } from '@lantern/core/work';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childFor, isUuid } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { routes } from '../../kernel/http/routes.ts';
import { childDue } from './child.ts';
import { answerRequest, childRequests, sendForDecision } from './decisions.ts';
import { landing } from './service.ts';

/** The landing pages, and the child's "What is due". */
export async function workRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['work']);
  const db = () => fastify.store.db;

  route.get(
    '/api/work',
    {
      permission: 'work:read',
      summary: 'Your landing page: what to do next, each list counted in full and paged (`section` and `page` for one list)',
      querystring: landingQuery,
      answer: landingPage,
      sessionConfirmedByRead: true,
      exactAnswer: true,
    },
    // The session's check rides on the page's read row (service.ts): when it does not confirm the
    // session the request assumed, or the page was refused for that user, the session is checked
    // the usual way and the page asked for again, for whoever it then signs in.
    (req) => req.readConfirmingSession((session) => landing(db(), req.actor(), req.query, session)),
  );

  route.get(
    '/api/children/:childId/due',
    {
      permission: 'child:read',
      summary: 'The child’s status at a glance and every open deadline from every area, soonest first',
      params: z.object({ childId: z.string() }),
      answer: childDueView,
    },
    async (req) => {
      const actor = req.actor();
      await childFor(db(), actor.user, req.params.childId, 'child:read');
      await audit(db(), actor, { action: 'read', recordType: 'child-due', childId: req.params.childId });
      return childDue(db(), actor, req.params.childId);
    },
  );

  route.get(
    '/api/children/:childId/decision-requests',
    {
      permission: 'child:read',
      audit: { reads: 'decision-requests' },
      summary: 'Work sent to a manager for a decision about this child (closures, step-downs, plans), newest first',
      params: z.object({ childId: z.string() }),
      answer: z.object({ requests: z.array(decisionRequestView) }),
    },
    async (req) => {
      await childFor(db(), req.actor().user, req.params.childId, 'child:read');
      return { requests: await childRequests(db(), req.actor(), req.params.childId) };
    },
  );

  route.post(
    '/api/children/:childId/decision-requests',
    {
      permission: 'casework:record',
      summary: 'Send a case closure, a step-down or a plan to the manager for a decision (or send a returned one again)',
      params: z.object({ childId: z.string() }),
      body: decisionRequestBody,
      created: z.object({ requestId: z.uuid(), version: z.number().int() }),
    },
    (req) => sendForDecision(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/decision-requests/:requestId/decision',
    {
      permission: 'casework:authorise',
      summary: 'Approve work sent to you (closing the case or authorising the plan), or return it with reasons',
      params: z.object({ requestId: z.string().refine(isUuid, { message: 'No such request' }) }),
      body: decisionAnswer,
      answer: z.object({ status: z.enum(['approved', 'returned']) }),
    },
    (req) => answerRequest(db(), req.actor(), req.params.requestId, req.body),
  );
}

import { newSupervision } from '@lantern/core/workforce';
import { directionView, inductionView, workerSupervisionsView, workerWorklistView } from '@lantern/core/views/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes, showing } from '../../kernel/http/routes.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { induction, signOffInductionItem, startInduction } from './induction.ts';
import { childDirections, recordSupervision, workerSupervisions, workerWorklist } from './service.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const workerParam = z.object({ workerId: z.string() });
const checkWorker = (id: string) => {
  if (!isUuid(id)) throw notFound('worker');
};

export async function supervisionRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['supervision']);
  const db = () => fastify.store.db;

  route.post(
    '/api/supervisions',
    {
      permission: 'supervision:record',
      summary: 'Record a practitioner’s supervision, with the direction given on each child discussed',
      body: newSupervision,
      created: z.object({ supervisionId: z.uuid() }),
    },
    (req) => recordSupervision(db(), req.actor(), req.body),
  );

  route.get(
    '/api/workers/:workerId/supervisions',
    {
      permission: 'supervision:read',
      summary: 'A practitioner’s supervisions, newest first, and when the next is due',
      params: workerParam,
      answer: workerSupervisionsView,
    },
    async (req) => {
      checkWorker(req.params.workerId);
      req.audited({ action: 'read', recordType: 'supervision', recordId: req.params.workerId });
      return showing(req, 'supervision-direction', await workerSupervisions(db(), req.actor(), req.params.workerId), (found) =>
        found.supervisions.flatMap((s) => s.children),
      );
    },
  );

  route.get(
    '/api/children/:childId/supervision-directions',
    {
      permission: 'child:read',
      audit: { reads: 'supervision-direction' },
      summary: 'The directions given on a child in their workers’ supervision',
      params: z.object({ childId: z.string() }),
      answer: z.object({ directions: z.array(directionView) }),
    },
    (req) => childDirections(db(), req.actor(), req.params.childId),
  );

  route.get(
    '/api/worklist/workers',
    {
      permission: 'worklist:read',
      summary: 'Supervision and induction deadlines, overdue first: those I owe and my own, my team’s, or the whole service’s',
      querystring: z.object({
        view: z.enum(['mine', 'team', 'service']).default('mine'),
        asOf: isoDate.optional(),
        teamId: z.uuid().optional(),
        state: z.enum(['due', 'overdue']).optional(),
        limit: z.coerce.number().int().min(1).max(2000).default(200),
      }),
      answer: workerWorklistView,
    },
    async (req) => {
      const found = await workerWorklist(db(), req.actor(), req.query);
      req.audited({ action: 'read', recordType: 'worker-worklist', detail: { view: req.query.view, asOf: found.asOf, shown: found.deadlines.length } });
      return found;
    },
  );

  route.get(
    '/api/workers/:workerId/induction',
    { permission: 'workforce:read', summary: 'A worker’s induction checklist and its deadline', params: workerParam, answer: inductionView },
    async (req) => {
      checkWorker(req.params.workerId);
      return induction(db(), req.actor().user.laCode, req.params.workerId);
    },
  );

  route.post(
    '/api/workers/:workerId/induction',
    {
      permission: 'induction:manage',
      summary: 'Start a new starter’s induction with the council’s checklist; set their ASYE and protected caseload',
      params: workerParam,
      body: z.object({ asyeStart: isoDate.nullish(), protectedCaseload: z.number().int().min(0).max(40).nullish() }),
      created: inductionView,
    },
    async (req) => {
      checkWorker(req.params.workerId);
      return startInduction(db(), req.actor(), req.params.workerId, req.body);
    },
  );

  route.post(
    '/api/workers/:workerId/induction/:itemId',
    {
      permission: 'induction:manage',
      summary: 'Sign off an induction item',
      params: z.object({ workerId: z.string(), itemId: z.string().max(60) }),
      body: z.object({ completedOn: isoDate }),
      answer: inductionView,
    },
    async (req) => {
      checkWorker(req.params.workerId);
      return signOffInductionItem(db(), req.actor(), req.params.workerId, req.params.itemId, req.body);
    },
  );
}

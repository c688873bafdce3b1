import { allocatableQuery, allocatableWorker, caseRouting, iroAllocation, routingTeam, transferDecision, transferRequest } from '@lantern/core/work';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { allocatableWorkers, allocateIro, decideTransfer, requestTransfer, routeChild, routingTeams } from './routing.ts';

const child = z.object({ childId: z.string() });

/** Routing a referred child to a team, transfers between teams, who may be allocated, and IROs. */
export async function routingRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['routing and allocation']);
  const db = () => fastify.store.db;

  route.get(
    '/api/routing/teams',
    {
      permission: 'case:route',
      summary: 'The teams a referral may be routed to, each with its caseload now',
      answer: z.object({ teams: z.array(routingTeam) }),
    },
    async (req) => ({ teams: await routingTeams(db(), req.actor().user.laCode) }),
  );

  route.get(
    '/api/transfer-teams',
    {
      permission: 'transfer:request',
      summary: 'The teams a case may be transferred to, each with its caseload now',
      answer: z.object({ teams: z.array(routingTeam) }),
    },
    async (req) => ({ teams: await routingTeams(db(), req.actor().user.laCode) }),
  );

  route.post(
    '/api/children/:childId/routing',
    { permission: 'case:route', summary: 'Route a referred child to a team', params: child, body: caseRouting, created: z.object({ routingId: z.uuid() }) },
    (req) => routeChild(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/transfers',
    {
      permission: 'transfer:request',
      summary: 'Ask another team to take the case',
      params: child,
      body: transferRequest,
      created: z.object({ transferId: z.uuid() }),
    },
    (req) => requestTransfer(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/transfers/:transferId/decision',
    {
      permission: 'transfer:decide',
      summary: 'Accept a case offered to your team, or decline it with a reason',
      params: z.object({ transferId: z.string().refine(isUuid, { message: 'No such transfer' }) }),
      body: transferDecision,
      answer: z.object({ status: z.enum(['accepted', 'declined']) }),
    },
    (req) => decideTransfer(db(), req.actor(), req.params.transferId, req.body),
  );

  route.get(
    '/api/children/:childId/allocatable',
    {
      permission: 'child:read',
      summary: 'The people you may allocate to this child in a role (none when you may not allocate)',
      params: child,
      querystring: allocatableQuery,
      answer: z.object({ workers: z.array(allocatableWorker) }),
    },
    async (req) => ({ workers: await allocatableWorkers(db(), req.actor(), req.query.role) }),
  );

  route.post(
    '/api/children/:childId/iro',
    {
      permission: 'iro:allocate',
      summary: 'Allocate the child’s independent reviewing officer',
      params: child,
      body: iroAllocation,
      created: z.object({ allocationId: z.uuid() }),
    },
    (req) => allocateIro(db(), req.actor(), req.params.childId, req.body),
  );
}

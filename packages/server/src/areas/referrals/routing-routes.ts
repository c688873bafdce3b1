import { allocatableQuery, allocatableWorker, caseRouting, iroAllocation, routingTeam, transferDecision, transferRequest } from '@lantern/core/work';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { allocatableWorkers, allocateIro, decideTransfer, requestTransfer, routeChild, routingTeams } from './routing.ts';

const child = z.object({ childId: z.string() });

/** Routing a referred child to a team, transfers between teams, who may be allocated, and IROs. */
export async function routingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['routing and allocation'];

  app.get('/api/routing/teams', {
    config: { permission: 'case:route' },
    schema: {
      tags,
      summary: 'The teams a referral may be routed to, each with its caseload now',
      response: { 200: z.object({ teams: z.array(routingTeam) }) },
    },
    handler: async (req) => ({ teams: await routingTeams(db(), req.actor().user.laCode) }),
  });

  app.get('/api/transfer-teams', {
    config: { permission: 'transfer:request' },
    schema: {
      tags,
      summary: 'The teams a case may be transferred to, each with its caseload now',
      response: { 200: z.object({ teams: z.array(routingTeam) }) },
    },
    handler: async (req) => ({ teams: await routingTeams(db(), req.actor().user.laCode) }),
  });

  app.post('/api/children/:childId/routing', {
    config: { permission: 'case:route' },
    schema: { tags, summary: 'Route a referred child to a team', params: child, body: caseRouting, response: { 201: z.object({ routingId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await routeChild(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/transfers', {
    config: { permission: 'transfer:request' },
    schema: { tags, summary: 'Ask another team to take the case', params: child, body: transferRequest, response: { 201: z.object({ transferId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await requestTransfer(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/transfers/:transferId/decision', {
    config: { permission: 'transfer:decide' },
    schema: {
      tags,
      summary: 'Accept a case offered to your team, or decline it with a reason',
      params: z.object({ transferId: z.string().refine(isUuid, { message: 'No such transfer' }) }),
      body: transferDecision,
      response: { 200: z.object({ status: z.enum(['accepted', 'declined']) }) },
    },
    handler: (req) => decideTransfer(db(), req.actor(), req.params.transferId, req.body),
  });

  app.get('/api/children/:childId/allocatable', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'The people you may allocate to this child in a role (none when you may not allocate)',
      params: child,
      querystring: allocatableQuery,
      response: { 200: z.object({ workers: z.array(allocatableWorker) }) },
    },
    handler: async (req) => ({ workers: await allocatableWorkers(db(), req.actor(), req.query.role) }),
  });

  app.post('/api/children/:childId/iro', {
    config: { permission: 'iro:allocate' },
    schema: {
      tags,
      summary: 'Allocate the child’s independent reviewing officer',
      params: child,
      body: iroAllocation,
      response: { 201: z.object({ allocationId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await allocateIro(db(), req.actor(), req.params.childId, req.body)),
  });
}

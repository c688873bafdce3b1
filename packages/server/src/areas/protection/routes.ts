import { newConference, newCoreGroup, newSection47, newStrategyDiscussion, section47Outcome } from '@lantern/core/pathway';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { recordConference, recordCoreGroup, recordSection47Outcome, recordStrategyDiscussion, startSection47 } from './service.ts';

const child = z.object({ childId: z.string() });

export async function protectionRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['child protection'];

  app.post('/api/children/:childId/strategy-discussions', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a strategy discussion: who took part and what was decided',
      params: child,
      body: newStrategyDiscussion,
      response: { 201: z.object({ strategyId: z.uuid(), missingAgencies: z.array(z.string()) }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordStrategyDiscussion(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/section47s', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Start a section 47 enquiry (the initial conference is then due within 15 working days)',
      params: child,
      body: newSection47,
      response: { 201: z.object({ s47Id: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await startSection47(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/section47s/:s47Id/outcome', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record the enquiry’s outcome; without a conference, say why none is needed',
      params: child.extend({ s47Id: z.string().refine(isUuid, { message: 'No such enquiry' }) }),
      body: section47Outcome,
      response: { 200: z.object({ s47Id: z.uuid() }) },
    },
    handler: (req) => recordSection47Outcome(db(), req.actor(), req.params.childId, req.params.s47Id, req.body),
  });

  app.post('/api/children/:childId/conferences', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record an initial or review child protection conference',
      params: child,
      body: newConference,
      response: { 201: z.object({ conferenceId: z.uuid(), planId: z.uuid().nullable() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordConference(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/core-groups', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a core group meeting for the protection plan',
      params: child,
      body: newCoreGroup,
      response: { 201: z.object({ coreGroupId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordCoreGroup(db(), req.actor(), req.params.childId, req.body)),
  });
}

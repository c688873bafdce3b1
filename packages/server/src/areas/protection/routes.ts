import { newConference, newCoreGroup, newSection47, newStrategyDiscussion, section47Outcome } from '@lantern/core/pathway';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { recordConference, recordCoreGroup, recordSection47Outcome, recordStrategyDiscussion, startSection47 } from './service.ts';

const child = z.object({ childId: z.string() });

export async function protectionRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['child protection']);
  const db = () => fastify.store.db;

  route.post(
    '/api/children/:childId/strategy-discussions',
    {
      permission: 'casework:record',
      summary: 'Record a strategy discussion: who took part and what was decided',
      params: child,
      body: newStrategyDiscussion,
      created: z.object({ strategyId: z.uuid(), missingAgencies: z.array(z.string()) }),
    },
    (req) => recordStrategyDiscussion(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/section47s',
    {
      permission: 'casework:record',
      summary: 'Start a section 47 enquiry (the initial conference is then due within 15 working days)',
      params: child,
      body: newSection47,
      created: z.object({ s47Id: z.uuid() }),
    },
    (req) => startSection47(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/section47s/:s47Id/outcome',
    {
      permission: 'casework:record',
      summary: 'Record the enquiry’s outcome; without a conference, say why none is needed',
      params: child.extend({ s47Id: z.string().refine(isUuid, { message: 'No such enquiry' }) }),
      body: section47Outcome,
      answer: z.object({ s47Id: z.uuid() }),
    },
    (req) => recordSection47Outcome(db(), req.actor(), req.params.childId, req.params.s47Id, req.body),
  );

  route.post(
    '/api/children/:childId/conferences',
    {
      permission: 'casework:record',
      summary: 'Record an initial or review child protection conference',
      params: child,
      body: newConference,
      created: z.object({ conferenceId: z.uuid(), planId: z.uuid().nullable() }),
    },
    (req) => recordConference(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/core-groups',
    {
      permission: 'casework:record',
      summary: 'Record a core group meeting for the protection plan',
      params: child,
      body: newCoreGroup,
      created: z.object({ coreGroupId: z.uuid() }),
    },
    (req) => recordCoreGroup(db(), req.actor(), req.params.childId, req.body),
  );
}

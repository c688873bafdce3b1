import {
  careChange,
  ceaseLookedAfter,
  missingEpisodeChanges,
  newClaReview,
  newLookedAfterVisit,
  newMissingEpisode,
  newProvider,
  providerChanges,
  startLookedAfter,
  unregisteredApproval,
} from '@lantern/core/looked-after';
import { lookedAfterRecordView, missingChildrenView, providersView, unregisteredPlacementsView } from '@lantern/core/views/looked-after';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { recordClaReview, recordLookedAfterVisit, recordMissingEpisode, updateMissingEpisode } from './care.ts';
import { approveUnregistered, ceaseCare, changeCare, startCare } from './episodes.ts';
import { addProvider, listProviders, updateProvider } from './providers.ts';
import { lookedAfterRecord, missingChildren, setRepeatMissing, unregisteredPlacements } from './views.ts';

const child = z.object({ childId: z.string() });
const id = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });

export async function lookedAfterRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['looked after'];

  app.get('/api/children/:childId/looked-after', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'The child’s looked-after record: periods of care, placements, legal statuses, visits, reviews, missing episodes, deadlines',
      params: child,
      response: { 200: lookedAfterRecordView },
    },
    handler: (req) => lookedAfterRecord(db(), req.actor(), req.params.childId),
  });

  app.post('/api/children/:childId/looked-after', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'The child becomes looked after (RNE S): legal status, category of need and first placement',
      params: child,
      body: startLookedAfter,
    },
    handler: async (req, reply) => reply.status(201).send(await startCare(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/looked-after/changes', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'A change of placement and/or legal status: closes the current episode (X1) and opens the next with the RNE the change makes',
      params: child,
      body: careChange,
    },
    handler: async (req, reply) => reply.status(201).send(await changeCare(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/looked-after/cease', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'The child ceases to be looked after (REC)', params: child, body: ceaseLookedAfter },
    handler: (req) => ceaseCare(db(), req.actor(), req.params.childId, req.body),
  });

  app.post('/api/children/:childId/unregistered-approvals', {
    config: { permission: 'placement:approve-unregistered' },
    schema: {
      tags,
      summary: 'The director approves, with reasons, a placement with a provider not registered for that care',
      params: child,
      body: unregisteredApproval,
    },
    handler: async (req, reply) => reply.status(201).send(await approveUnregistered(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/looked-after/visits', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'A visit to a looked-after child (reg. 28): seen, alone, where, their wishes and feelings',
      params: child,
      body: newLookedAfterVisit,
    },
    handler: async (req, reply) => reply.status(201).send(await recordLookedAfterVisit(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/looked-after/reviews', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'A looked-after review chaired by the IRO (reg. 33), with the child’s participation', params: child, body: newClaReview },
    handler: async (req, reply) => reply.status(201).send(await recordClaReview(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/missing-episodes', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'The child is missing (M) or away without authorisation (A)', params: child, body: newMissingEpisode },
    handler: async (req, reply) => reply.status(201).send(await recordMissingEpisode(db(), req.actor(), req.params.childId, req.body)),
  });

  app.patch('/api/children/:childId/missing-episodes/:missingId', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'The child’s return, and the return home interview (offered, accepted, what was learned)',
      params: child.extend({ missingId: id('missing episode') }),
      body: missingEpisodeChanges,
    },
    handler: (req) => updateMissingEpisode(db(), req.actor(), req.params.childId, req.params.missingId, req.body),
  });

  app.get('/api/looked-after/unregistered-placements', {
    config: { permission: 'looked-after:oversee' },
    schema: {
      tags,
      summary: 'Children placed now with a provider not registered for that care (the director’s live list)',
      response: { 200: unregisteredPlacementsView },
    },
    handler: (req) => unregisteredPlacements(db(), req.actor()),
  });

  app.get('/api/looked-after/missing', {
    config: { permission: 'looked-after:oversee' },
    schema: {
      tags,
      summary: 'Missing children: missing now, recent episodes, return home interviews not offered in time, repeated episodes',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(90) }),
      response: { 200: missingChildrenView },
    },
    handler: (req) => missingChildren(db(), req.actor(), req.query.days),
  });

  app.put('/api/settings/repeat-missing', {
    config: { permission: 'settings:manage' },
    schema: {
      tags,
      summary: 'How many missing episodes within how many days flag a child to their manager (default 3 in 90)',
      body: z.object({ episodes: z.number().int().min(2).max(50), days: z.number().int().min(1).max(366) }),
    },
    handler: (req) => setRepeatMissing(db(), req.actor(), req.body),
  });

  app.get('/api/providers', {
    config: { permission: 'provider:read' },
    schema: {
      tags: ['providers'],
      summary: 'The providers register',
      querystring: z.object({ search: z.string().trim().max(100).optional() }),
      response: { 200: providersView },
    },
    handler: (req) => listProviders(db(), req.actor(), req.query),
  });

  app.post('/api/providers', {
    config: { permission: 'provider:manage' },
    schema: { tags: ['providers'], summary: 'Add a provider with its Ofsted URN and registration', body: newProvider },
    handler: async (req, reply) => reply.status(201).send(await addProvider(db(), req.actor(), req.body)),
  });

  app.patch('/api/providers/:providerId', {
    config: { permission: 'provider:manage' },
    schema: {
      tags: ['providers'],
      summary: 'Correct a provider or its registration (send the version you read)',
      params: z.object({ providerId: id('provider') }),
      body: providerChanges,
    },
    handler: (req) => updateProvider(db(), req.actor(), req.params.providerId, req.body),
  });
}

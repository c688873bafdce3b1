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
import { routes } from '../../kernel/http/routes.ts';
import { recordClaReview, recordLookedAfterVisit, recordMissingEpisode, updateMissingEpisode } from './care.ts';
import { approveUnregistered, ceaseCare, changeCare, startCare } from './episodes.ts';
import { addProvider, listProviders, updateProvider } from './providers.ts';
import { lookedAfterRecord, missingChildren, setRepeatMissing, unregisteredPlacements } from './views.ts';

const child = z.object({ childId: z.string() });
const id = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });

export async function lookedAfterRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['looked after']);
  const db = () => fastify.store.db;

  route.get(
    '/api/children/:childId/looked-after',
    {
      permission: 'child:read',
      summary: 'The child’s looked-after record: periods of care, placements, legal statuses, visits, reviews, missing episodes, deadlines',
      params: child,
      answer: lookedAfterRecordView,
    },
    (req) => lookedAfterRecord(db(), req.actor(), req.params.childId),
  );

  route.post(
    '/api/children/:childId/looked-after',
    {
      permission: 'casework:record',
      summary: 'The child becomes looked after (RNE S): legal status, category of need and first placement',
      params: child,
      body: startLookedAfter,
      status: 201,
    },
    (req) => startCare(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/looked-after/changes',
    {
      permission: 'casework:record',
      summary: 'A change of placement and/or legal status: closes the current episode (X1) and opens the next with the RNE the change makes',
      params: child,
      body: careChange,
      status: 201,
    },
    (req) => changeCare(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/looked-after/cease',
    { permission: 'casework:record', summary: 'The child ceases to be looked after (REC)', params: child, body: ceaseLookedAfter },
    (req) => ceaseCare(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/unregistered-approvals',
    {
      permission: 'placement:approve-unregistered',
      summary: 'The director approves, with reasons, a placement with a provider not registered for that care',
      params: child,
      body: unregisteredApproval,
      status: 201,
    },
    (req) => approveUnregistered(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/looked-after/visits',
    {
      permission: 'casework:record',
      summary: 'A visit to a looked-after child (reg. 28): seen, alone, where, their wishes and feelings',
      params: child,
      body: newLookedAfterVisit,
      status: 201,
    },
    (req) => recordLookedAfterVisit(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/looked-after/reviews',
    {
      permission: 'casework:record',
      summary: 'A looked-after review chaired by the IRO (reg. 33), with the child’s participation',
      params: child,
      body: newClaReview,
      status: 201,
    },
    (req) => recordClaReview(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/missing-episodes',
    {
      permission: 'casework:record',
      summary: 'The child is missing (M) or away without authorisation (A)',
      params: child,
      body: newMissingEpisode,
      status: 201,
    },
    (req) => recordMissingEpisode(db(), req.actor(), req.params.childId, req.body),
  );

  route.patch(
    '/api/children/:childId/missing-episodes/:missingId',
    {
      permission: 'casework:record',
      summary: 'The child’s return, and the return home interview (offered, accepted, what was learned)',
      params: child.extend({ missingId: id('missing episode') }),
      body: missingEpisodeChanges,
    },
    (req) => updateMissingEpisode(db(), req.actor(), req.params.childId, req.params.missingId, req.body),
  );

  route.get(
    '/api/looked-after/unregistered-placements',
    {
      permission: 'looked-after:oversee',
      summary: 'Children placed now with a provider not registered for that care (the director’s live list)',
      answer: unregisteredPlacementsView,
    },
    (req) => unregisteredPlacements(db(), req.actor()),
  );

  route.get(
    '/api/looked-after/missing',
    {
      permission: 'looked-after:oversee',
      summary: 'Missing children: missing now, recent episodes, return home interviews not offered in time, repeated episodes',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(90) }),
      answer: missingChildrenView,
    },
    (req) => missingChildren(db(), req.actor(), req.query.days),
  );

  route.put(
    '/api/settings/repeat-missing',
    {
      permission: 'settings:manage',
      summary: 'How many missing episodes within how many days flag a child to their manager (default 3 in 90)',
      body: z.object({ episodes: z.number().int().min(2).max(50), days: z.number().int().min(1).max(366) }),
    },
    (req) => setRepeatMissing(db(), req.actor(), req.body),
  );

  route.get(
    '/api/providers',
    {
      permission: 'provider:read',
      tags: ['providers'],
      summary: 'The providers register',
      querystring: z.object({ search: z.string().trim().max(100).optional() }),
      answer: providersView,
    },
    (req) => listProviders(db(), req.actor(), req.query),
  );

  route.post(
    '/api/providers',
    { permission: 'provider:manage', tags: ['providers'], summary: 'Add a provider with its Ofsted URN and registration', body: newProvider, status: 201 },
    (req) => addProvider(db(), req.actor(), req.body),
  );

  route.patch(
    '/api/providers/:providerId',
    {
      permission: 'provider:manage',
      tags: ['providers'],
      summary: 'Correct a provider or its registration (send the version you read)',
      params: z.object({ providerId: id('provider') }),
      body: providerChanges,
    },
    (req) => updateProvider(db(), req.actor(), req.params.providerId, req.body),
  );
}

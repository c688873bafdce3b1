import { chronologyNote, childChanges, newAddress, newChild, newRelationship, possibleMatchQuery } from '@lantern/core/schemas';
import { childCase, childRecord, childSearchResult, chronologyEntryView, possibleMatch, versionView } from '@lantern/core/views';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../kernel/http/app.ts';
import { addChronologyNote, getChildCase, getChronology, getVersions } from './case.ts';
import { addAddress, addRelationship } from './family.ts';
import { createChild, updateChild } from './record.ts';
import { possibleMatches, searchChildren } from './search.ts';

const childParams = z.object({ childId: z.string().describe('The child’s id (a UUID)') });

export async function childrenRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.get('/api/children', {
    config: { permission: 'child:search' },
    schema: {
      tags: ['children'],
      summary: 'Find children by name, LA child id, UPN, NHS number or date of birth',
      querystring: z.object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(100).default(25) }),
      response: { 200: z.object({ results: z.array(childSearchResult), total: z.number().int() }) },
    },
    handler: async (req) => {
      const found = await searchChildren(db(), req.actor(), req.query.q, req.query.limit);
      req.audited({ action: 'search', detail: { query: req.query.q, shown: found.results.length, total: found.total } });
      req.shown(
        found.results.map((r) => r.childId),
        { action: 'search', recordType: 'child', detail: { shownInSearch: true } },
      );
      return found;
    },
  });

  app.get('/api/children/possible-matches', {
    config: { permission: 'child:create' },
    schema: {
      tags: ['children'],
      summary: 'People already recorded who may be the child about to be added',
      querystring: possibleMatchQuery,
      response: { 200: z.object({ matches: z.array(possibleMatch) }) },
    },
    handler: async (req) => {
      const matches = await possibleMatches(db(), req.actor(), req.query);
      req.shown(
        matches.filter((m) => m.isChild).map((m) => m.personId),
        { action: 'search', recordType: 'child', detail: { shownAsPossibleMatch: true } },
      );
      return { matches };
    },
  });

  app.post('/api/children', {
    config: { permission: 'child:create' },
    schema: {
      tags: ['children'],
      summary: 'Record a new child (refused with the possible matches when they may already be recorded)',
      body: newChild,
      response: { 201: z.object({ child: childRecord }) },
    },
    handler: async (req, reply) => {
      const child = await createChild(db(), req.actor(), req.body);
      return reply.status(201).header('location', `/api/children/${child.childId}`).send({ child });
    },
  });

  app.get('/api/children/:childId', {
    config: { permission: 'child:read', audit: { reads: 'child' } },
    schema: { tags: ['children'], summary: 'A child’s record: identity, family, addresses and allocations', params: childParams, response: { 200: childCase } },
    handler: (req) => getChildCase(db(), req.actor(), req.params.childId),
  });

  app.patch('/api/children/:childId', {
    config: { permission: 'child:update' },
    schema: {
      tags: ['children'],
      summary: 'Change a child’s details; send the version you read, or get 409 if someone changed it since',
      params: childParams,
      body: childChanges,
      response: { 200: z.object({ child: childRecord }) },
    },
    handler: async (req) => ({ child: await updateChild(db(), req.actor(), req.params.childId, req.body) }),
  });

  app.get('/api/children/:childId/chronology', {
    config: { permission: 'child:read', audit: { reads: 'chronology' } },
    schema: {
      tags: ['children'],
      summary: 'Everything that happened to the child, newest first',
      params: childParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ entries: z.array(chronologyEntryView) }) },
    },
    handler: async (req) => ({ entries: await getChronology(db(), req.actor(), req.params.childId, req.query.limit) }),
  });

  app.post('/api/children/:childId/chronology', {
    config: { permission: 'chronology:write' },
    schema: {
      tags: ['children'],
      summary: 'Add a case note to the chronology',
      params: childParams,
      body: chronologyNote,
      response: { 201: z.object({ entry: chronologyEntryView }) },
    },
    handler: async (req, reply) => reply.status(201).send({ entry: await addChronologyNote(db(), req.actor(), req.params.childId, req.body) }),
  });

  app.get('/api/children/:childId/versions', {
    config: { permission: 'child:read', audit: { reads: 'child-history' } },
    schema: {
      tags: ['children'],
      summary: 'Every version of the child’s details, who changed what and when',
      params: childParams,
      response: { 200: z.object({ versions: z.array(versionView) }) },
    },
    handler: async (req) => ({ versions: await getVersions(db(), req.actor(), req.params.childId) }),
  });

  app.post('/api/children/:childId/relationships', {
    config: { permission: 'child:update' },
    schema: {
      tags: ['children'],
      summary: 'Record a family member or other relationship',
      params: childParams,
      body: newRelationship,
      response: { 201: z.object({ relationshipId: z.uuid(), relatedPersonId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await addRelationship(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/addresses', {
    config: { permission: 'child:update' },
    schema: {
      tags: ['children'],
      summary: 'Record an address; a current one ends the previous current address',
      params: childParams,
      body: newAddress,
      response: { 201: z.object({ addressId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await addAddress(db(), req.actor(), req.params.childId, req.body)),
  });
}

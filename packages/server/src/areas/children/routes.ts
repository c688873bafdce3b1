import { chronologyNote, childChanges, newAddress, newChild, newRelationship, possibleMatchQuery } from '@lantern/core/schemas';
import { childCase, childRecord, childSearchResult, chronologyEntryView, possibleMatch, versionView } from '@lantern/core/views';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes } from '../../kernel/http/routes.ts';
import { addChronologyNote, getChildCase, getChronology, getVersions } from './case.ts';
import { addAddress, addRelationship } from './family.ts';
import { createChild, updateChild } from './record.ts';
import { possibleMatches, searchChildren } from './search.ts';

const childParams = z.object({ childId: z.string().describe('The child’s id (a UUID)') });

export async function childrenRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['children']);
  const db = () => fastify.store.db;

  route.get(
    '/api/children',
    {
      permission: 'child:search',
      summary: 'Find children by name, LA child id, UPN, NHS number or date of birth',
      querystring: z.object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(100).default(25) }),
      answer: z.object({ results: z.array(childSearchResult), total: z.number().int() }),
      exactAnswer: true,
      sessionConfirmedByRead: true,
    },
    // The search writes its own audit rows (the search, each child shown) and may check the
    // session in the same statement (search.ts), as the child's record does.
    (req) => req.readConfirmingSession((session) => searchChildren(db(), req.actor(), req.query.q, req.query.limit, session)),
  );

  route.get(
    '/api/children/possible-matches',
    {
      permission: 'child:create',
      summary: 'People already recorded who may be the child about to be added',
      querystring: possibleMatchQuery,
      answer: z.object({ matches: z.array(possibleMatch) }),
    },
    async (req) => {
      const matches = await possibleMatches(db(), req.actor(), req.query);
      req.shown(
        matches.filter((m) => m.isChild).map((m) => m.personId),
        { action: 'search', recordType: 'child', detail: { shownAsPossibleMatch: true } },
      );
      return { matches };
    },
  );

  route.post(
    '/api/children',
    {
      permission: 'child:create',
      summary: 'Record a new child (refused with the possible matches when they may already be recorded)',
      body: newChild,
      created: z.object({ child: childRecord }),
    },
    async (req, reply) => {
      const child = await createChild(db(), req.actor(), req.body);
      return reply.status(201).header('location', `/api/children/${child.childId}`).send({ child });
    },
  );

  route.get(
    '/api/children/:childId',
    {
      permission: 'child:read',
      audit: { reads: 'child' },
      sessionConfirmedByRead: true,
      exactAnswer: true,
      summary: 'A child’s record: identity, family, addresses and allocations',
      params: childParams,
      answer: childCase,
    },
    // The read's audit row rides on the record's own query (kernel/http/read-audit.ts), and so
    // may the session's check (kernel/auth/sessions.ts): finding nothing, the session is checked
    // the usual way and the record asked for again, for whoever it then signs in.
    (req) => req.readConfirmingSession((session) => getChildCase(db(), req.actor(), req.params.childId, req.declaredReadRows(), session)),
  );

  route.patch(
    '/api/children/:childId',
    {
      permission: 'child:update',
      summary: 'Change a child’s details; send the version you read, or get 409 if someone changed it since',
      params: childParams,
      body: childChanges,
      answer: z.object({ child: childRecord }),
    },
    async (req) => ({ child: await updateChild(db(), req.actor(), req.params.childId, req.body) }),
  );

  route.get(
    '/api/children/:childId/chronology',
    {
      permission: 'child:read',
      audit: { reads: 'chronology' },
      summary: 'Everything that happened to the child, newest first',
      params: childParams,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(200),
        q: z.string().trim().max(200).optional().describe('Words to find in the entries, or in the records they name (every version)'),
      }),
      answer: z.object({ entries: z.array(chronologyEntryView) }),
    },
    async (req) => ({ entries: await getChronology(db(), req.actor(), req.params.childId, req.query.limit, req.query.q) }),
  );

  route.post(
    '/api/children/:childId/chronology',
    {
      permission: 'chronology:write',
      summary: 'Add a case note to the chronology',
      params: childParams,
      body: chronologyNote,
      created: z.object({ entry: chronologyEntryView }),
    },
    async (req) => ({ entry: await addChronologyNote(db(), req.actor(), req.params.childId, req.body) }),
  );

  route.get(
    '/api/children/:childId/versions',
    {
      permission: 'child:read',
      audit: { reads: 'child-history' },
      summary: 'Every version of the child’s details, who changed what and when',
      params: childParams,
      answer: z.object({ versions: z.array(versionView) }),
    },
    async (req) => ({ versions: await getVersions(db(), req.actor(), req.params.childId) }),
  );

  route.post(
    '/api/children/:childId/relationships',
    {
      permission: 'child:update',
      summary: 'Record a family member or other relationship',
      params: childParams,
      body: newRelationship,
      created: z.object({ relationshipId: z.uuid(), relatedPersonId: z.uuid() }),
    },
    (req) => addRelationship(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/addresses',
    {
      permission: 'child:update',
      summary: 'Record an address; a current one ends the previous current address',
      params: childParams,
      body: newAddress,
      created: z.object({ addressId: z.uuid() }),
    },
    (req) => addAddress(db(), req.actor(), req.params.childId, req.body),
  );
}

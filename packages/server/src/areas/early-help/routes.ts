/** HTTP for early help: the child's episodes, a step-down, the team, the assessment, reviews, the end. */
import { earlyHelpAssessment, earlyHelpChildView, earlyHelpEnding, earlyHelpReview, earlyHelpTeam, stepDown } from '@lantern/core/early-help';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { stepDownToEarlyHelp } from './episodes.ts';
import { endEarlyHelp, recordReview, saveAssessment, saveTeam } from './record.ts';
import { childEarlyHelp } from './views.ts';

const child = z.object({ childId: z.string() });
const episode = child.extend({ earlyHelpId: z.string().refine(isUuid, { message: 'No such early help episode' }) });
const written = z.object({ earlyHelpId: z.uuid(), version: z.number().int() });

export async function earlyHelpRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['early help'];
  const one = '/api/children/:childId/early-help/:earlyHelpId';

  app.get('/api/children/:childId/early-help', {
    config: { permission: 'child:read', audit: { reads: 'early-help' } },
    schema: {
      tags,
      summary: 'The child’s early help episodes, and the closed episodes that may be stepped down',
      params: child,
      response: { 200: earlyHelpChildView },
    },
    handler: (req) => childEarlyHelp(db(), req.actor(), req.params.childId),
  });
  app.post('/api/children/:childId/early-help/step-down', {
    config: { permission: 'early-help:step-down' },
    schema: {
      tags,
      summary: 'Step a closed child in need episode down to early help (opens an early help episode)',
      params: child,
      body: stepDown,
      response: { 201: z.object({ earlyHelpId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await stepDownToEarlyHelp(db(), req.actor(), req.params.childId, req.body)),
  });
  app.put(`${one}/team`, {
    config: { permission: 'early-help:record' },
    schema: { tags, summary: 'Name the lead professional and the team around the family', params: episode, body: earlyHelpTeam, response: { 200: written } },
    handler: (req) => saveTeam(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  });
  app.put(`${one}/assessment`, {
    config: { permission: 'early-help:record' },
    schema: {
      tags,
      summary: 'Record the early help assessment written with the family',
      params: episode,
      body: earlyHelpAssessment,
      response: { 200: written },
    },
    handler: (req) => saveAssessment(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  });
  app.post(`${one}/reviews`, {
    config: { permission: 'early-help:record' },
    schema: {
      tags,
      summary: 'Record a review of the early help plan with the family',
      params: episode,
      body: earlyHelpReview,
      response: { 201: z.object({ reviewId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordReview(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body)),
  });
  app.post(`${one}/end`, {
    config: { permission: 'early-help:record' },
    schema: {
      tags,
      summary: 'End early help: needs met, or the family stopped taking part',
      params: episode,
      body: earlyHelpEnding,
      response: { 200: written },
    },
    handler: (req) => endEarlyHelp(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  });
}

/** HTTP for early help: the child's episodes, a step-down, the team, the assessment, reviews, the end. */
import { earlyHelpAssessment, earlyHelpChildView, earlyHelpEnding, earlyHelpReview, earlyHelpTeam, stepDown } from '@lantern/core/early-help';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { stepDownToEarlyHelp } from './episodes.ts';
import { endEarlyHelp, recordReview, saveAssessment, saveTeam } from './record.ts';
import { childEarlyHelp } from './views.ts';

const child = z.object({ childId: z.string() });
const episode = child.extend({ earlyHelpId: z.string().refine(isUuid, { message: 'No such early help episode' }) });
const written = z.object({ earlyHelpId: z.uuid(), version: z.number().int() });

export async function earlyHelpRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['early help']);
  const db = () => fastify.store.db;
  const one = '/api/children/:childId/early-help/:earlyHelpId';

  route.get(
    '/api/children/:childId/early-help',
    {
      permission: 'child:read',
      audit: { reads: 'early-help' },
      summary: 'The child’s early help episodes, and the closed episodes that may be stepped down',
      params: child,
      answer: earlyHelpChildView,
    },
    (req) => childEarlyHelp(db(), req.actor(), req.params.childId),
  );
  route.post(
    '/api/children/:childId/early-help/step-down',
    {
      permission: 'early-help:step-down',
      summary: 'Step a closed child in need episode down to early help (opens an early help episode)',
      params: child,
      body: stepDown,
      created: z.object({ earlyHelpId: z.uuid() }),
    },
    (req) => stepDownToEarlyHelp(db(), req.actor(), req.params.childId, req.body),
  );
  route.put(
    `${one}/team`,
    {
      permission: 'early-help:record',
      summary: 'Name the lead professional and the team around the family',
      params: episode,
      body: earlyHelpTeam,
      answer: written,
    },
    (req) => saveTeam(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  );
  route.put(
    `${one}/assessment`,
    {
      permission: 'early-help:record',
      summary: 'Record the early help assessment written with the family',
      params: episode,
      body: earlyHelpAssessment,
      answer: written,
    },
    (req) => saveAssessment(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  );
  route.post(
    `${one}/reviews`,
    {
      permission: 'early-help:record',
      summary: 'Record a review of the early help plan with the family',
      params: episode,
      body: earlyHelpReview,
      created: z.object({ reviewId: z.uuid() }),
    },
    (req) => recordReview(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  );
  route.post(
    `${one}/end`,
    {
      permission: 'early-help:record',
      summary: 'End early help: needs met, or the family stopped taking part',
      params: episode,
      body: earlyHelpEnding,
      answer: written,
    },
    (req) => endEarlyHelp(db(), req.actor(), req.params.childId, req.params.earlyHelpId, req.body),
  );
}

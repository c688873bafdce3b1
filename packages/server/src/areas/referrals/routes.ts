import {
  assessmentAuthorisation,
  assessmentProgress,
  caseworkView,
  contactDecision,
  endCinPlan,
  episodeClosure,
  newAssessment,
  newCinPlan,
  newCinPlanReview,
  newContact,
  newReferral,
  newVisit,
} from '@lantern/core/pathway';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { getCasework } from './casework.ts';
import { authoriseAssessment, progressAssessment, startAssessment } from './assessments.ts';
import { closeCinPlan, recordVisit, reviewCinPlan, startCinPlan } from './cin-plans.ts';
import { closeEpisode, decideContact, recordContact, recordReferral } from './service.ts';

const child = z.object({ childId: z.string() });
const id = (name: string) => z.string().refine(isUuid, { message: `No such ${name}` });

export async function referralsRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['children in need'];

  app.get('/api/children/:childId/casework', {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The child’s contacts and episodes, every step recorded, and their deadlines', params: child, response: { 200: caseworkView } },
    handler: (req) => getCasework(db(), req.actor(), req.params.childId),
  });

  app.post('/api/children/:childId/contacts', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a contact (its decision is due within one working day)',
      params: child,
      body: newContact,
      response: { 201: z.object({ contactId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordContact(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/contacts/:contactId/decision', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Decide on a contact: no further action, early help, or a referral (which opens an episode)',
      params: child.extend({ contactId: id('contact') }),
      body: contactDecision,
      response: { 200: z.object({ episodeId: z.uuid().nullable() }) },
    },
    handler: (req) => decideContact(db(), req.actor(), req.params.childId, req.params.contactId, req.body),
  });

  app.post('/api/children/:childId/referrals', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a referral, opening a child-in-need episode',
      params: child,
      body: newReferral,
      response: { 201: z.object({ episodeId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordReferral(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/assessments', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Start an assessment on the open episode',
      params: child,
      body: newAssessment,
      response: { 201: z.object({ assessmentId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await startAssessment(db(), req.actor(), req.params.childId, req.body)),
  });

  app.patch('/api/children/:childId/assessments/:assessmentId', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record the assessment’s progress: child seen, factors, completion and outcome',
      params: child.extend({ assessmentId: id('assessment') }),
      body: assessmentProgress,
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: (req) => progressAssessment(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.post('/api/children/:childId/assessments/:assessmentId/authorisation', {
    config: { permission: 'casework:authorise' },
    schema: {
      tags,
      summary: 'A manager authorises a completed assessment (with the reason, when late)',
      params: child.extend({ assessmentId: id('assessment') }),
      body: assessmentAuthorisation,
      response: { 200: z.object({ assessmentId: z.uuid(), due: z.string() }) },
    },
    handler: (req) => authoriseAssessment(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.post('/api/children/:childId/cin-plans', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Start a child in need plan', params: child, body: newCinPlan, response: { 201: z.object({ cinPlanId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await startCinPlan(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/cin-plans/current/reviews', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Review the child in need plan', params: child, body: newCinPlanReview, response: { 201: z.object({ reviewId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await reviewCinPlan(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/cin-plans/current/end', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'End the child in need plan', params: child, body: endCinPlan, response: { 200: z.object({ cinPlanId: z.uuid() }) } },
    handler: (req) => closeCinPlan(db(), req.actor(), req.params.childId, req.body),
  });

  app.post('/api/children/:childId/visits', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record a visit, with the child’s own words', params: child, body: newVisit, response: { 201: z.object({ visitId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await recordVisit(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/closure', {
    config: { permission: 'case:close' },
    schema: {
      tags,
      summary: 'A manager closes the open episode, with reasons',
      params: child,
      body: episodeClosure,
      response: { 200: z.object({ decisionId: z.uuid() }) },
    },
    handler: (req) => closeEpisode(db(), req.actor(), req.params.childId, req.body),
  });
}

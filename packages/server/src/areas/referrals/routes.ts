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
import { routes } from '../../kernel/http/routes.ts';
import { getCasework } from './casework.ts';
import { authoriseAssessment, progressAssessment, startAssessment } from './assessments.ts';
import { closeCinPlan, recordVisit, reviewCinPlan, startCinPlan } from './cin-plans.ts';
import { closeEpisode, decideContact, recordContact, recordReferral } from './service.ts';

const child = z.object({ childId: z.string() });
const id = (name: string) => z.string().refine(isUuid, { message: `No such ${name}` });

export async function referralsRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['children in need']);
  const db = () => fastify.store.db;

  route.get(
    '/api/children/:childId/casework',
    { permission: 'child:read', summary: 'The child’s contacts and episodes, every step recorded, and their deadlines', params: child, answer: caseworkView },
    (req) => getCasework(db(), req.actor(), req.params.childId),
  );

  route.post(
    '/api/children/:childId/contacts',
    {
      permission: 'casework:record',
      summary: 'Record a contact (its decision is due within one working day)',
      params: child,
      body: newContact,
      created: z.object({ contactId: z.uuid() }),
    },
    (req) => recordContact(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/contacts/:contactId/decision',
    {
      permission: 'casework:record',
      summary: 'Decide on a contact: no further action, early help, or a referral (which opens an episode)',
      params: child.extend({ contactId: id('contact') }),
      body: contactDecision,
      answer: z.object({ episodeId: z.uuid().nullable() }),
    },
    (req) => decideContact(db(), req.actor(), req.params.childId, req.params.contactId, req.body),
  );

  route.post(
    '/api/children/:childId/referrals',
    {
      permission: 'casework:record',
      summary: 'Record a referral, opening a child-in-need episode',
      params: child,
      body: newReferral,
      created: z.object({ episodeId: z.uuid() }),
    },
    (req) => recordReferral(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/assessments',
    {
      permission: 'casework:record',
      summary: 'Start an assessment on the open episode',
      params: child,
      body: newAssessment,
      created: z.object({ assessmentId: z.uuid() }),
    },
    (req) => startAssessment(db(), req.actor(), req.params.childId, req.body),
  );

  route.patch(
    '/api/children/:childId/assessments/:assessmentId',
    {
      permission: 'casework:record',
      summary: 'Record the assessment’s progress: child seen, factors, completion and outcome',
      params: child.extend({ assessmentId: id('assessment') }),
      body: assessmentProgress,
      answer: z.object({ version: z.number().int() }),
    },
    (req) => progressAssessment(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.post(
    '/api/children/:childId/assessments/:assessmentId/authorisation',
    {
      permission: 'casework:authorise',
      summary: 'A manager authorises a completed assessment (with the reason, when late)',
      params: child.extend({ assessmentId: id('assessment') }),
      body: assessmentAuthorisation,
      answer: z.object({ assessmentId: z.uuid(), due: z.string() }),
    },
    (req) => authoriseAssessment(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.post(
    '/api/children/:childId/cin-plans',
    { permission: 'casework:record', summary: 'Start a child in need plan', params: child, body: newCinPlan, created: z.object({ cinPlanId: z.uuid() }) },
    (req) => startCinPlan(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/cin-plans/current/reviews',
    {
      permission: 'casework:record',
      summary: 'Review the child in need plan',
      params: child,
      body: newCinPlanReview,
      created: z.object({ reviewId: z.uuid() }),
    },
    (req) => reviewCinPlan(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/cin-plans/current/end',
    { permission: 'casework:record', summary: 'End the child in need plan', params: child, body: endCinPlan, answer: z.object({ cinPlanId: z.uuid() }) },
    (req) => closeCinPlan(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/visits',
    {
      permission: 'casework:record',
      summary: 'Record a visit, with the child’s own words',
      params: child,
      body: newVisit,
      created: z.object({ visitId: z.uuid() }),
    },
    (req) => recordVisit(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/closure',
    {
      permission: 'case:close',
      summary: 'A manager closes the open episode, with reasons',
      params: child,
      body: episodeClosure,
      answer: z.object({ decisionId: z.uuid() }),
    },
    (req) => closeEpisode(db(), req.actor(), req.params.childId, req.body),
  );
}

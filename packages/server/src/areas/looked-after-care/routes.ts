import {
  adoptionProgress,
  birthdayContact,
  careLeaverDetails,
  newAdoptionDecision,
  newHealthCheck,
  newHealthOutcome,
  newLeaverAccommodation,
  newPaVisit,
  newPathwayPlan,
  newPep,
  newPermanenceOrder,
  newPermanencePlan,
  newPreviousPermanence,
  uascDetails,
} from '@lantern/core/care';
import { careLeaverList as careLeaverListView, careView, uascList as uascListView } from '@lantern/core/views/care';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { recordHealthCheck, recordHealthOutcome, recordPep } from './health.ts';
import { careLeaverList, recordLeaverAccommodation, recordPaVisit, recordPathwayPlan, saveBirthdayContact, saveCareLeaver } from './leaving-care.ts';
import { progressAdoption, recordAdoptionDecision, recordPermanenceOrder, recordPermanencePlan, recordPreviousPermanence } from './permanence.ts';
import { getLookedAfterCare } from './service.ts';
import { saveUasc, uascList } from './uasc.ts';

const child = z.object({ childId: z.string() });
const created = (key: string) => ({ 201: z.object({ [key]: z.uuid() }) });

export async function lookedAfterCareRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['looked-after care'];

  app.get('/api/children/:childId/looked-after-care', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'The child’s permanence and adoption, UASC details, health and education, and leaving care record, with their deadlines',
      params: child,
      response: { 200: careView },
    },
    handler: (req) => getLookedAfterCare(db(), req.actor(), req.params.childId),
  });

  app.post('/api/children/:childId/permanence-plans', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record the permanence plan agreed (it replaces the current plan)',
      params: child,
      body: newPermanencePlan,
      response: created('planId'),
    },
    handler: async (req, reply) => reply.status(201).send(await recordPermanencePlan(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/adoptions', {
    config: { permission: 'adoption:record' },
    schema: {
      tags,
      summary: 'Record the decision that the child should be placed for adoption (903 AD1 DATE_INT)',
      params: child,
      body: newAdoptionDecision,
      response: { 201: z.object({ adoptionId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordAdoptionDecision(db(), req.actor(), req.params.childId, req.body)),
  });

  app.patch('/api/children/:childId/adoptions/:adoptionId', {
    config: { permission: 'adoption:record' },
    schema: {
      tags,
      summary: 'Record the next steps of an adoption: placement order, match and adopters, placed, placement ended, adoption order, or no longer to be placed',
      params: child.extend({ adoptionId: z.string().refine(isUuid, { message: 'No such adoption' }) }),
      body: adoptionProgress,
      response: { 200: z.object({ adoptionId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => progressAdoption(db(), req.actor(), req.params.childId, req.params.adoptionId, req.body),
  });

  app.post('/api/children/:childId/permanence-orders', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a special guardianship or child arrangements order',
      params: child,
      body: newPermanenceOrder,
      response: created('orderId'),
    },
    handler: async (req, reply) => reply.status(201).send(await recordPermanenceOrder(db(), req.actor(), req.params.childId, req.body)),
  });

  app.put('/api/children/:childId/previous-permanence', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record the permanence the child had before a period of care began (903 PrevPerm)',
      params: child,
      body: newPreviousPermanence,
      response: { 200: z.object({ periodId: z.uuid() }) },
    },
    handler: (req) => recordPreviousPermanence(db(), req.actor(), req.params.childId, req.body),
  });

  app.put('/api/children/:childId/uasc', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record or update an unaccompanied asylum-seeking child’s arrival, referral route, age assessment and transfer (send version to update)',
      params: child,
      body: uascDetails,
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: (req) => saveUasc(db(), req.actor(), req.params.childId, req.body),
  });

  app.get('/api/uasc', {
    config: { permission: 'child:search' },
    schema: { tags, summary: 'Unaccompanied asylum-seeking children, with the days each waited to be looked after', response: { 200: uascListView } },
    handler: (req) => uascList(db(), req.actor()),
  });

  app.post('/api/children/:childId/health-checks', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record an initial or review health assessment, or a dental check',
      params: child,
      body: newHealthCheck,
      response: created('checkId'),
    },
    handler: async (req, reply) => reply.status(201).send(await recordHealthCheck(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/health-outcomes', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record health outcomes (903 OC2): immunisations, SDQ score or reason, substance misuse',
      params: child,
      body: newHealthOutcome,
      response: created('outcomeId'),
    },
    handler: async (req, reply) => reply.status(201).send(await recordHealthOutcome(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/peps', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record a personal education plan meeting', params: child, body: newPep, response: created('pepId') },
    handler: async (req, reply) => reply.status(201).send(await recordPep(db(), req.actor(), req.params.childId, req.body)),
  });

  app.put('/api/children/:childId/care-leaver', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record or update the young person’s leaving care category and the day they became eligible (send version to update)',
      params: child,
      body: careLeaverDetails,
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: (req) => saveCareLeaver(db(), req.actor(), req.params.childId, req.body),
  });

  app.post('/api/children/:childId/pathway-plans', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record the pathway plan or a review of it', params: child, body: newPathwayPlan, response: created('pathwayId') },
    handler: async (req, reply) => reply.status(201).send(await recordPathwayPlan(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/leaver-accommodation', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record a care leaver’s move to new accommodation', params: child, body: newLeaverAccommodation, response: created('moveId') },
    handler: async (req, reply) => reply.status(201).send(await recordLeaverAccommodation(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/pa-visits', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record a personal adviser’s visit to the young person', params: child, body: newPaVisit, response: created('visitId') },
    handler: async (req, reply) => reply.status(201).send(await recordPaVisit(db(), req.actor(), req.params.childId, req.body)),
  });

  app.put('/api/children/:childId/birthday-contacts', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record the contact around a birthday from 17 to 21 (903 OC3): in touch, activity, accommodation (send version to change one)',
      params: child,
      body: birthdayContact,
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: (req) => saveBirthdayContact(db(), req.actor(), req.params.childId, req.body),
  });

  app.get('/api/care-leavers', {
    config: { permission: 'child:search' },
    schema: { tags, summary: 'Care leavers, with their personal adviser and latest birthday contact', response: { 200: careLeaverListView } },
    handler: (req) => careLeaverList(db(), req.actor()),
  });
}

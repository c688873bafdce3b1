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
import { amendDeprivationOfLiberty, newDeprivationOfLiberty } from '@lantern/core/deprivation-of-liberty';
import { careLeaverList as careLeaverListView, careView, uascList as uascListView } from '@lantern/core/views/care';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { amendDeprivationOfLibertyOrder, recordDeprivationOfLiberty } from './deprivation-of-liberty.ts';
import { recordHealthCheck, recordHealthOutcome, recordPep } from './health.ts';
import { careLeaverList, recordLeaverAccommodation, recordPaVisit, recordPathwayPlan, saveBirthdayContact, saveCareLeaver } from './leaving-care.ts';
import { progressAdoption, recordAdoptionDecision, recordPermanenceOrder, recordPermanencePlan, recordPreviousPermanence } from './permanence.ts';
import { getLookedAfterCare } from './service.ts';
import { saveUasc, uascList } from './uasc.ts';

const child = z.object({ childId: z.string() });
const created = (key: string) => ({ 201: z.object({ [key]: z.uuid() }) });

export async function lookedAfterCareRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['looked-after care']);
  const db = () => fastify.store.db;

  route.get(
    '/api/children/:childId/looked-after-care',
    {
      permission: 'child:read',
      summary: 'The child’s permanence and adoption, UASC details, health and education, and leaving care record, with their deadlines',
      params: child,
      answer: careView,
    },
    (req) => getLookedAfterCare(db(), req.actor(), req.params.childId),
  );

  route.post(
    '/api/children/:childId/permanence-plans',
    {
      permission: 'casework:record',
      summary: 'Record the permanence plan agreed (it replaces the current plan)',
      params: child,
      body: newPermanencePlan,
      response: created('planId'),
      status: 201,
    },
    (req) => recordPermanencePlan(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/adoptions',
    {
      permission: 'adoption:record',
      summary: 'Record the decision that the child should be placed for adoption (903 AD1 DATE_INT)',
      params: child,
      body: newAdoptionDecision,
      created: z.object({ adoptionId: z.uuid(), version: z.number().int() }),
    },
    (req) => recordAdoptionDecision(db(), req.actor(), req.params.childId, req.body),
  );

  route.patch(
    '/api/children/:childId/adoptions/:adoptionId',
    {
      permission: 'adoption:record',
      summary: 'Record the next steps of an adoption: placement order, match and adopters, placed, placement ended, adoption order, or no longer to be placed',
      params: child.extend({ adoptionId: z.string().refine(isUuid, { message: 'No such adoption' }) }),
      body: adoptionProgress,
      answer: z.object({ adoptionId: z.uuid(), version: z.number().int() }),
    },
    (req) => progressAdoption(db(), req.actor(), req.params.childId, req.params.adoptionId, req.body),
  );

  route.post(
    '/api/children/:childId/permanence-orders',
    {
      permission: 'casework:record',
      summary: 'Record a special guardianship or child arrangements order',
      params: child,
      body: newPermanenceOrder,
      response: created('orderId'),
      status: 201,
    },
    (req) => recordPermanenceOrder(db(), req.actor(), req.params.childId, req.body),
  );

  route.put(
    '/api/children/:childId/previous-permanence',
    {
      permission: 'casework:record',
      summary: 'Record the permanence the child had before a period of care began (903 PrevPerm)',
      params: child,
      body: newPreviousPermanence,
      answer: z.object({ periodId: z.uuid() }),
    },
    (req) => recordPreviousPermanence(db(), req.actor(), req.params.childId, req.body),
  );

  route.put(
    '/api/children/:childId/uasc',
    {
      permission: 'casework:record',
      summary: 'Record or update an unaccompanied asylum-seeking child’s arrival, referral route, age assessment and transfer (send version to update)',
      params: child,
      body: uascDetails,
      answer: z.object({ version: z.number().int() }),
    },
    (req) => saveUasc(db(), req.actor(), req.params.childId, req.body),
  );

  route.get(
    '/api/uasc',
    { permission: 'child:search', summary: 'Unaccompanied asylum-seeking children, with the days each waited to be looked after', answer: uascListView },
    (req) => uascList(db(), req.actor()),
  );

  route.post(
    '/api/children/:childId/health-checks',
    {
      permission: 'casework:record',
      summary: 'Record an initial or review health assessment, or a dental check',
      params: child,
      body: newHealthCheck,
      response: created('checkId'),
      status: 201,
    },
    (req) => recordHealthCheck(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/health-outcomes',
    {
      permission: 'casework:record',
      summary: 'Record health outcomes (903 OC2): immunisations, SDQ score or reason, substance misuse',
      params: child,
      body: newHealthOutcome,
      response: created('outcomeId'),
      status: 201,
    },
    (req) => recordHealthOutcome(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/peps',
    {
      permission: 'casework:record',
      summary: 'Record a personal education plan meeting',
      params: child,
      body: newPep,
      response: created('pepId'),
      status: 201,
    },
    (req) => recordPep(db(), req.actor(), req.params.childId, req.body),
  );

  route.put(
    '/api/children/:childId/care-leaver',
    {
      permission: 'casework:record',
      summary: 'Record or update the young person’s leaving care category and the day they became eligible (send version to update)',
      params: child,
      body: careLeaverDetails,
      answer: z.object({ version: z.number().int() }),
    },
    (req) => saveCareLeaver(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/pathway-plans',
    {
      permission: 'casework:record',
      summary: 'Record the pathway plan or a review of it',
      params: child,
      body: newPathwayPlan,
      response: created('pathwayId'),
      status: 201,
    },
    (req) => recordPathwayPlan(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/leaver-accommodation',
    {
      permission: 'casework:record',
      summary: 'Record a care leaver’s move to new accommodation',
      params: child,
      body: newLeaverAccommodation,
      response: created('moveId'),
      status: 201,
    },
    (req) => recordLeaverAccommodation(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/pa-visits',
    {
      permission: 'casework:record',
      summary: 'Record a personal adviser’s visit to the young person',
      params: child,
      body: newPaVisit,
      response: created('visitId'),
      status: 201,
    },
    (req) => recordPaVisit(db(), req.actor(), req.params.childId, req.body),
  );

  route.put(
    '/api/children/:childId/birthday-contacts',
    {
      permission: 'casework:record',
      summary: 'Record the contact around a birthday from 17 to 21 (903 OC3): in touch, activity, accommodation (send version to change one)',
      params: child,
      body: birthdayContact,
      answer: z.object({ version: z.number().int() }),
    },
    (req) => saveBirthdayContact(db(), req.actor(), req.params.childId, req.body),
  );

  // A deprivation of liberty order is a court order: recorded by those who record legal steps.
  const doloAnswer = z.object({ orderId: z.uuid(), version: z.number().int() });
  route.post(
    '/api/children/:childId/deprivation-of-liberty-orders',
    {
      permission: 'legal:record',
      summary: 'Record a deprivation of liberty order the High Court made (903 DoLo): the court, case number, what it authorises, until when',
      params: child,
      body: newDeprivationOfLiberty,
      created: doloAnswer,
    },
    (req) => recordDeprivationOfLiberty(db(), req.actor(), req.params.childId, req.body),
  );
  route.patch(
    '/api/children/:childId/deprivation-of-liberty-orders/:orderId',
    {
      permission: 'legal:record',
      summary: 'Extend, review, end or correct a deprivation of liberty order, from the version read',
      params: child.extend({ orderId: z.string().refine(isUuid, { message: 'No such deprivation of liberty order' }) }),
      body: amendDeprivationOfLiberty,
      answer: doloAnswer,
    },
    (req) => amendDeprivationOfLibertyOrder(db(), req.actor(), req.params.childId, req.params.orderId, req.body),
  );

  route.get(
    '/api/care-leavers',
    { permission: 'child:search', summary: 'Care leavers, with their personal adviser and latest birthday contact', answer: careLeaverListView },
    (req) => careLeaverList(db(), req.actor()),
  );
}

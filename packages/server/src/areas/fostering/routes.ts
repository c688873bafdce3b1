/** HTTP for the fostering service: households, recruitment, approval, support, the register, matching, section 20 drift. */
import {
  allegationOutcome,
  carerAllegation,
  carerContact as carerContactView,
  carerReview,
  carerTraining,
  fosterEnquiry,
  fosteringDecision,
  HOUSEHOLD_STATUS,
  householdList,
  householdMember,
  householdStatusChange,
  householdView as householdViewSchema,
  matchingView,
  memberCheck,
  PLACEMENT_TERM,
  recruitmentStep,
  registerView,
  sectionTwentyView,
  supervisingVisit,
  temporaryApproval,
  temporaryExtension,
  householdsBehindView,
} from '@lantern/core/fostering';
import { indicatorById, periodEnding } from '@lantern/core/indicators';
import { todayInEngland } from '@lantern/core/calendar';
import { codesOf } from '@lantern/core/codes';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoDate } from '@lantern/core/schemas';
import { childFor, isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import {
  addMember,
  approveTemporarily,
  changeStatus,
  extendTemporary,
  recordCheck,
  recordDecision,
  recordEnquiry,
  recordRecruitmentStep,
} from './households.ts';
import { householdsBehind } from './indicator-units.ts';
import { sectionTwentyDrift } from './section-20.ts';
import { recordAllegation, recordAllegationOutcome, recordReview, recordTraining, recordVisit } from './support.ts';
import { carerContact, householdView, listHouseholds, matching, register } from './views.ts';

const household = z.object({ householdId: z.string().refine(isUuid, { message: 'No such household' }) });
const written = z.object({ householdId: z.uuid(), version: z.number().int() });

export async function fosteringRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['fostering'];
  const one = '/api/fostering/households/:householdId';

  app.get('/api/fostering/households', {
    config: { permission: 'fostering:read' },
    schema: {
      tags,
      summary: 'The council’s fostering households, optionally of one status',
      querystring: z.object({ status: z.enum(codesOf(HOUSEHOLD_STATUS)).optional() }),
      response: { 200: householdList },
    },
    handler: (req) => listHouseholds(db(), req.actor().user, req.query.status),
  });
  app.post('/api/fostering/households', {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record an enquiry from a prospective foster carer (a new household)',
      body: fosterEnquiry,
      response: { 201: z.object({ householdId: z.uuid(), reference: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordEnquiry(db(), req.actor(), req.body)),
  });
  app.get(one, {
    config: { permission: 'fostering:read' },
    schema: {
      tags,
      summary: 'A household in full: members and checks, recruitment, approval, visits, reviews, training, allegations, deadlines',
      params: household,
      response: { 200: householdViewSchema },
    },
    handler: (req) => householdView(db(), req.actor().user, req.params.householdId),
  });
  app.get(`${one}/contact`, {
    config: { permission: 'carer:read' },
    schema: {
      tags,
      summary: 'A carer’s approval terms and contact details (for the social worker of a child placed there)',
      params: household,
      response: { 200: carerContactView },
    },
    handler: (req) => carerContact(db(), req.actor().user, req.params.householdId),
  });
  app.post(`${one}/members`, {
    config: { permission: 'fostering:record' },
    schema: { tags, summary: 'Add a member of the household', params: household, body: householdMember, response: { 201: z.object({ memberId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await addMember(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post(`${one}/checks`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record a check on an adult of the household (DBS, reference, medical…)',
      params: household,
      body: memberCheck,
      response: { 201: z.object({ checkId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordCheck(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post(`${one}/recruitment`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record a recruitment step: application, stage one, stage two, panel',
      params: household,
      body: recruitmentStep,
      response: { 200: written },
    },
    handler: (req) => recordRecruitmentStep(db(), req.actor(), req.params.householdId, req.body),
  });
  app.post(`${one}/decision`, {
    config: { permission: 'fostering:decide' },
    schema: {
      tags,
      summary: 'The agency decision maker’s decision, with the terms of approval',
      params: household,
      body: fosteringDecision,
      response: { 200: written },
    },
    handler: (req) => recordDecision(db(), req.actor(), req.params.householdId, req.body),
  });
  app.post(`${one}/temporary-approval`, {
    config: { permission: 'fostering:decide' },
    schema: {
      tags,
      summary: 'Approve a connected person temporarily when a child is placed with them (16 weeks)',
      params: household,
      body: temporaryApproval,
      response: { 200: written },
    },
    handler: (req) => approveTemporarily(db(), req.actor(), req.params.householdId, req.body),
  });
  app.post(`${one}/temporary-extension`, {
    config: { permission: 'fostering:decide' },
    schema: {
      tags,
      summary: 'Extend a temporary approval once, by 8 weeks, with the reason',
      params: household,
      body: temporaryExtension,
      response: { 200: written },
    },
    handler: (req) => extendTemporary(db(), req.actor(), req.params.householdId, req.body),
  });
  app.post(`${one}/status`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Put a household on hold or back, or record it leaving (with the reason)',
      params: household,
      body: householdStatusChange,
      response: { 200: written },
    },
    handler: (req) => changeStatus(db(), req.actor(), req.params.householdId, req.body),
  });
  app.post(`${one}/visits`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record a supervising social worker’s visit (announced or not)',
      params: household,
      body: supervisingVisit,
      response: { 201: z.object({ visitId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordVisit(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post(`${one}/reviews`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record the annual review of the approval',
      params: household,
      body: carerReview,
      response: { 201: z.object({ reviewId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordReview(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post(`${one}/training`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record training completed (or the TSD standards)',
      params: household,
      body: carerTraining,
      response: { 201: z.object({ trainingId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordTraining(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post(`${one}/allegations`, {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record an allegation against the carers',
      params: household,
      body: carerAllegation,
      response: { 201: z.object({ allegationId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordAllegation(db(), req.actor(), req.params.householdId, req.body)),
  });
  app.post('/api/fostering/allegations/:allegationId/outcome', {
    config: { permission: 'fostering:record' },
    schema: {
      tags,
      summary: 'Record the outcome of an allegation',
      params: z.object({ allegationId: z.string().refine(isUuid, { message: 'No such allegation' }) }),
      body: allegationOutcome,
      response: { 200: z.object({ allegationId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => recordAllegationOutcome(db(), req.actor(), req.params.allegationId, req.body),
  });
  app.get('/api/fostering/register', {
    config: { permission: 'fostering:read' },
    schema: { tags, summary: 'The register today: approved places, who is placed, free places by age and kind', response: { 200: registerView } },
    handler: async (req) => {
      const out = await register(db(), req.actor().user);
      req.shown(
        out.households.flatMap((h) => h.children.map((c) => c.childId)),
        { recordType: 'foster-register' },
      );
      return out;
    },
  });
  app.get('/api/fostering/matching', {
    config: { permission: 'fostering:read' },
    schema: {
      tags,
      summary: 'The households whose terms fit a child, with a free place today',
      querystring: z.object({ childId: z.uuid(), placementType: z.enum(codesOf(PLACEMENT_TERM)).optional() }),
      response: { 200: matchingView },
    },
    handler: async (req) => {
      const out = await matching(db(), req.actor().user, req.query.childId, req.query.placementType ?? null);
      req.shown([req.query.childId], { recordType: 'foster-matching' });
      return out;
    },
  });
  app.get('/api/children/:childId/foster-carers', {
    config: { permission: 'carer:read' },
    schema: {
      tags,
      summary: 'For the child’s social worker placing them: the approved in-house carers whose terms fit, with a free place today',
      params: z.object({ childId: z.string() }),
      querystring: z.object({ placementType: z.enum(codesOf(PLACEMENT_TERM)).optional() }),
      response: { 200: matchingView },
    },
    handler: async (req) => {
      const child = await childFor(db(), req.actor().user, req.params.childId, 'carer:read');
      const out = await matching(db(), req.actor().user, child.person_id, req.query.placementType ?? null);
      req.shown([child.person_id], { recordType: 'foster-matching' });
      return out;
    },
  });
  app.get('/api/fostering/indicators/:indicatorId/households', {
    config: { permission: 'fostering:read' },
    schema: {
      tags,
      summary: 'The households behind a fostering indicator’s number (approved, left and why, places, turnover, days to approval)',
      params: z.object({ indicatorId: z.string().max(80) }),
      querystring: z.object({ asOf: isoDate.optional(), months: z.coerce.number().int().min(1).max(36).optional() }),
      response: { 200: householdsBehindView },
    },
    handler: (req) => {
      const def = indicatorById(req.params.indicatorId);
      const p = periodEnding(req.query.asOf ?? todayInEngland(), def?.measure === 'snapshot' ? 12 : (req.query.months ?? 12));
      return householdsBehind(db(), req.actor().user, req.params.indicatorId, p);
    },
  });
  app.get('/api/fostering/section-20', {
    config: { permission: 'section-20:oversee' },
    schema: {
      tags,
      summary: 'Children accommodated under section 20 for more than six months, with their legal status reviews',
      response: { 200: sectionTwentyView },
    },
    handler: async (req) => {
      const out = await sectionTwentyDrift(db(), req.actor().user);
      req.shown(
        out.children.map((c) => c.childId),
        { recordType: 'section-20-drift' },
      );
      return out;
    },
  });
}

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
import { routes, showing } from '../../kernel/http/routes.ts';
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
  const route = routes(fastify, ['fostering']);
  const db = () => fastify.store.db;
  const one = '/api/fostering/households/:householdId';

  route.get(
    '/api/fostering/households',
    {
      permission: 'fostering:read',
      summary: 'The council’s fostering households, optionally of one status',
      querystring: z.object({ status: z.enum(codesOf(HOUSEHOLD_STATUS)).optional() }),
      answer: householdList,
    },
    (req) => listHouseholds(db(), req.actor().user, req.query.status),
  );
  route.post(
    '/api/fostering/households',
    {
      permission: 'fostering:record',
      summary: 'Record an enquiry from a prospective foster carer (a new household)',
      body: fosterEnquiry,
      created: z.object({ householdId: z.uuid(), reference: z.string() }),
    },
    (req) => recordEnquiry(db(), req.actor(), req.body),
  );
  route.get(
    one,
    {
      permission: 'fostering:read',
      summary: 'A household in full: members and checks, recruitment, approval, visits, reviews, training, allegations, deadlines',
      params: household,
      answer: householdViewSchema,
    },
    (req) => householdView(db(), req.actor().user, req.params.householdId),
  );
  route.get(
    `${one}/contact`,
    {
      permission: 'carer:read',
      summary: 'A carer’s approval terms and contact details (for the social worker of a child placed there)',
      params: household,
      answer: carerContactView,
    },
    (req) => carerContact(db(), req.actor().user, req.params.householdId),
  );
  route.post(
    `${one}/members`,
    {
      permission: 'fostering:record',
      summary: 'Add a member of the household',
      params: household,
      body: householdMember,
      created: z.object({ memberId: z.uuid() }),
    },
    (req) => addMember(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/checks`,
    {
      permission: 'fostering:record',
      summary: 'Record a check on an adult of the household (DBS, reference, medical…)',
      params: household,
      body: memberCheck,
      created: z.object({ checkId: z.uuid() }),
    },
    (req) => recordCheck(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/recruitment`,
    {
      permission: 'fostering:record',
      summary: 'Record a recruitment step: application, stage one, stage two, panel',
      params: household,
      body: recruitmentStep,
      answer: written,
    },
    (req) => recordRecruitmentStep(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/decision`,
    {
      permission: 'fostering:decide',
      summary: 'The agency decision maker’s decision, with the terms of approval',
      params: household,
      body: fosteringDecision,
      answer: written,
    },
    (req) => recordDecision(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/temporary-approval`,
    {
      permission: 'fostering:decide',
      summary: 'Approve a connected person temporarily when a child is placed with them (16 weeks)',
      params: household,
      body: temporaryApproval,
      answer: written,
    },
    (req) => approveTemporarily(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/temporary-extension`,
    {
      permission: 'fostering:decide',
      summary: 'Extend a temporary approval once, by 8 weeks, with the reason',
      params: household,
      body: temporaryExtension,
      answer: written,
    },
    (req) => extendTemporary(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/status`,
    {
      permission: 'fostering:record',
      summary: 'Put a household on hold or back, or record it leaving (with the reason)',
      params: household,
      body: householdStatusChange,
      answer: written,
    },
    (req) => changeStatus(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/visits`,
    {
      permission: 'fostering:record',
      summary: 'Record a supervising social worker’s visit (announced or not)',
      params: household,
      body: supervisingVisit,
      created: z.object({ visitId: z.uuid() }),
    },
    (req) => recordVisit(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/reviews`,
    {
      permission: 'fostering:record',
      summary: 'Record the annual review of the approval',
      params: household,
      body: carerReview,
      created: z.object({ reviewId: z.uuid() }),
    },
    (req) => recordReview(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/training`,
    {
      permission: 'fostering:record',
      summary: 'Record training completed (or the TSD standards)',
      params: household,
      body: carerTraining,
      created: z.object({ trainingId: z.uuid() }),
    },
    (req) => recordTraining(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    `${one}/allegations`,
    {
      permission: 'fostering:record',
      summary: 'Record an allegation against the carers',
      params: household,
      body: carerAllegation,
      created: z.object({ allegationId: z.uuid() }),
    },
    (req) => recordAllegation(db(), req.actor(), req.params.householdId, req.body),
  );
  route.post(
    '/api/fostering/allegations/:allegationId/outcome',
    {
      permission: 'fostering:record',
      summary: 'Record the outcome of an allegation',
      params: z.object({ allegationId: z.string().refine(isUuid, { message: 'No such allegation' }) }),
      body: allegationOutcome,
      answer: z.object({ allegationId: z.uuid(), version: z.number().int() }),
    },
    (req) => recordAllegationOutcome(db(), req.actor(), req.params.allegationId, req.body),
  );
  route.get(
    '/api/fostering/register',
    { permission: 'fostering:read', summary: 'The register today: approved places, who is placed, free places by age and kind', answer: registerView },
    async (req) => showing(req, 'foster-register', await register(db(), req.actor().user), (out) => out.households.flatMap((h) => h.children)),
  );
  route.get(
    '/api/fostering/matching',
    {
      permission: 'fostering:read',
      summary: 'The households whose terms fit a child, with a free place today',
      querystring: z.object({ childId: z.uuid(), placementType: z.enum(codesOf(PLACEMENT_TERM)).optional() }),
      answer: matchingView,
    },
    async (req) => {
      const out = await matching(db(), req.actor().user, req.query.childId, req.query.placementType ?? null);
      req.shown([req.query.childId], { recordType: 'foster-matching' });
      return out;
    },
  );
  route.get(
    '/api/children/:childId/foster-carers',
    {
      permission: 'carer:read',
      summary: 'For the child’s social worker placing them: the approved in-house carers whose terms fit, with a free place today',
      params: z.object({ childId: z.string() }),
      querystring: z.object({ placementType: z.enum(codesOf(PLACEMENT_TERM)).optional() }),
      answer: matchingView,
    },
    async (req) => {
      const child = await childFor(db(), req.actor().user, req.params.childId, 'carer:read');
      const out = await matching(db(), req.actor().user, child.person_id, req.query.placementType ?? null);
      req.shown([child.person_id], { recordType: 'foster-matching' });
      return out;
    },
  );
  route.get(
    '/api/fostering/indicators/:indicatorId/households',
    {
      permission: 'fostering:read',
      summary: 'The households behind a fostering indicator’s number (approved, left and why, places, turnover, days to approval)',
      params: z.object({ indicatorId: z.string().max(80) }),
      querystring: z.object({ asOf: isoDate.optional(), months: z.coerce.number().int().min(1).max(36).optional() }),
      answer: householdsBehindView,
    },
    (req) => {
      const def = indicatorById(req.params.indicatorId);
      const p = periodEnding(req.query.asOf ?? todayInEngland(), def?.measure === 'snapshot' ? 12 : (req.query.months ?? 12));
      return householdsBehind(db(), req.actor().user, req.params.indicatorId, p);
    },
  );
  route.get(
    '/api/fostering/section-20',
    {
      permission: 'section-20:oversee',
      summary: 'Children accommodated under section 20 for more than six months, with their legal status reviews',
      answer: sectionTwentyView,
    },
    async (req) => showing(req, 'section-20-drift', await sectionTwentyDrift(db(), req.actor().user), (out) => out.children),
  );
}

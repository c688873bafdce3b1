import {
  housingNeedUpdate,
  meetingContributions,
  newHousingNeed,
  newPartnerContact,
  newPartnerOrganisation,
  newPartnerRequest,
  newPartnerUser,
  PARTNER_REQUEST_TYPES,
  partnerAnswer,
  withdrawRequest,
} from '@lantern/core/partners';
import { isoDate } from '@lantern/core/schemas';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { attachment } from '../../kernel/http/download.ts';
import { partnerIndicators } from './indicators.ts';
import {
  addContact,
  answerRequest,
  childPartnerWork,
  createOrganisation,
  createPartnerUser,
  housingList,
  listOrganisations,
  partnerDeadlines,
  partnerInbox,
  partnerRequest,
  recordAnswerForPartner,
  recordContributions,
  recordHousingNeed,
  sendRequest,
  setPartnerDeadline,
  staffReport,
  updateHousingNeed,
  withdraw,
} from './service.ts';

const uuid = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });
const child = z.object({ childId: z.string() });
const ok = z.object({}).passthrough();

export async function partnersRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['partner agencies'];

  // The register -----------------------------------------------------------------------------
  app.get('/api/partner-organisations', {
    config: { permission: 'partner:read' },
    schema: { tags, summary: 'Partner agencies and their named and escalation contacts', response: { 200: z.object({ organisations: z.array(ok) }) } },
    handler: async (req) => ({ organisations: await listOrganisations(db(), req.actor().user.laCode) }),
  });

  app.post('/api/partner-organisations', {
    config: { permission: 'partner:manage' },
    schema: { tags, summary: 'Add a partner agency to the register', body: newPartnerOrganisation, response: { 201: z.object({ organisationId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await createOrganisation(db(), req.actor(), req.body)),
  });

  app.post('/api/partner-organisations/:organisationId/contacts', {
    config: { permission: 'partner:manage' },
    schema: {
      tags,
      summary: 'Add a named contact (or the escalation contact) at a partner agency',
      params: z.object({ organisationId: uuid('organisation') }),
      body: newPartnerContact,
      response: { 201: z.object({ contactId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await addContact(db(), req.actor(), req.params.organisationId, req.body)),
  });

  app.post('/api/partner-organisations/:organisationId/users', {
    config: { permission: 'user:manage' },
    schema: {
      tags,
      summary: 'Give someone at a partner agency a sign-in: they see only open requests to their organisation',
      params: z.object({ organisationId: uuid('organisation') }),
      body: newPartnerUser,
      response: { 201: z.object({ userId: z.uuid(), username: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await createPartnerUser(db(), req.actor(), req.params.organisationId, req.body)),
  });

  app.get('/api/settings/partner-response', {
    config: { permission: 'partner:read' },
    schema: {
      tags,
      summary: 'The council’s deadline for each kind of request to a partner',
      response: { 200: z.object({ deadlines: z.record(z.string(), ok) }) },
    },
    handler: async (req) => ({ deadlines: await partnerDeadlines(db(), req.actor().user.laCode) }),
  });

  app.put('/api/settings/partner-response/:requestType', {
    config: { permission: 'settings:manage' },
    schema: {
      tags,
      summary: 'Set the council’s deadline for a kind of request (council policy; requests already sent keep their date)',
      params: z.object({ requestType: z.enum(PARTNER_REQUEST_TYPES) }),
      body: z.object({ unit: z.enum(['working-days', 'days', 'weeks']), n: z.number().int().min(1).max(120) }),
      response: { 200: z.object({ requestType: z.string(), due: ok }) },
    },
    handler: (req) => setPartnerDeadline(db(), req.actor(), req.params.requestType, req.body),
  });

  // From the child's record ------------------------------------------------------------------
  app.get('/api/children/:childId/partner-work', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'Requests to partners about the child and their answers, partners at the child’s meetings, housing needs',
      params: child,
      response: { 200: z.object({ requests: z.array(ok), meetings: z.array(ok), housingNeeds: z.array(ok) }) },
    },
    handler: (req) => childPartnerWork(db(), req.actor(), req.params.childId),
  });

  app.post('/api/children/:childId/partner-requests', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Ask a partner agency for something, by a date no later than the council’s deadline for the kind of request',
      params: child,
      body: newPartnerRequest,
      response: { 201: z.object({ requestId: z.uuid(), respondBy: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await sendRequest(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/partner-requests/:requestId/withdrawal', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Withdraw a request that is no longer needed',
      params: child.extend({ requestId: uuid('request') }),
      body: withdrawRequest,
      response: { 200: z.object({ requestId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => withdraw(db(), req.actor(), req.params.childId, req.params.requestId, req.body),
  });

  app.post('/api/children/:childId/partner-requests/:requestId/answer', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record a partner’s answer that came by phone, email or post',
      params: child.extend({ requestId: uuid('request') }),
      body: partnerAnswer,
      response: { 200: z.object({ requestId: z.uuid(), version: z.number().int(), reportId: z.uuid().nullable() }) },
    },
    handler: (req) => recordAnswerForPartner(db(), req.actor(), req.params.childId, req.params.requestId, req.body),
  });

  app.get('/api/children/:childId/partner-reports/:reportId', {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'A report a partner sent, as the file', params: child.extend({ reportId: uuid('report') }) },
    handler: async (req, reply) => {
      const r = await staffReport(db(), req.actor(), req.params.childId, req.params.reportId);
      return reply.type(r.contentType).header('content-disposition', attachment(r.fileName)).header('x-content-type-options', 'nosniff').send(r.content);
    },
  });

  app.put('/api/children/:childId/meetings/:meetingKind/:meetingId/contributions', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Who was invited to a strategy discussion or conference, who attended, who sent a report',
      params: child.extend({ meetingKind: z.enum(['strategy-discussion', 'conference']), meetingId: uuid('meeting') }),
      body: meetingContributions,
      response: { 200: z.object({ meetingId: z.uuid(), recorded: z.number().int() }) },
    },
    handler: (req) => recordContributions(db(), req.actor(), req.params.childId, req.params.meetingKind, req.params.meetingId, req.body),
  });

  app.post('/api/children/:childId/housing-needs', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Record a family’s housing need', params: child, body: newHousingNeed, response: { 201: z.object({ housingNeedId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await recordHousingNeed(db(), req.actor(), req.params.childId, req.body)),
  });

  app.patch('/api/children/:childId/housing-needs/:housingNeedId', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'The priority the housing partner agreed, or how the need was resolved',
      params: child.extend({ housingNeedId: uuid('housing need') }),
      body: housingNeedUpdate,
      response: { 200: z.object({ housingNeedId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => updateHousingNeed(db(), req.actor(), req.params.childId, req.params.housingNeedId, req.body),
  });

  // Oversight --------------------------------------------------------------------------------
  app.get('/api/housing-list', {
    config: { permission: 'partner:oversee' },
    schema: { tags, summary: 'Families waiting for a home, longest wait first', response: { 200: z.object({ asOf: z.string(), families: z.array(ok) }) } },
    handler: (req) => housingList(db(), req.actor()),
  });

  app.get('/api/partner-indicators', {
    config: { permission: 'partner:oversee' },
    schema: {
      tags,
      summary: 'Partner requests answered in time, conference attendance by agency, families waiting for re-housing',
      querystring: z.object({ asOf: isoDate.optional() }),
      response: { 200: ok },
    },
    handler: (req) => partnerIndicators(db(), req.actor(), req.query.asOf),
  });

  // The partner's own view -------------------------------------------------------------------
  app.get('/api/partner/requests', {
    config: { permission: 'partner-request:answer' },
    schema: {
      tags,
      summary: 'A partner user’s open requests: the child’s name and date of birth, and what is asked',
      response: { 200: z.object({ organisationName: z.string().nullable(), asOf: z.string(), requests: z.array(ok) }) },
    },
    handler: (req) => partnerInbox(db(), req.actor()),
  });

  app.get('/api/partner/requests/:requestId', {
    config: { permission: 'partner-request:answer' },
    schema: {
      tags,
      summary: 'One open request to the partner’s organisation',
      params: z.object({ requestId: uuid('request') }),
      response: { 200: z.object({ request: ok }) },
    },
    handler: (req) => partnerRequest(db(), req.actor(), req.params.requestId),
  });

  app.post('/api/partner/requests/:requestId/answer', {
    config: { permission: 'partner-request:answer' },
    schema: {
      tags,
      summary: 'Answer a request, with a report (PDF or plain text, up to 1 MB) if there is one',
      params: z.object({ requestId: uuid('request') }),
      body: partnerAnswer,
      response: { 200: z.object({ requestId: z.uuid(), version: z.number().int(), reportId: z.uuid().nullable() }) },
    },
    handler: (req) => answerRequest(db(), req.actor(), req.params.requestId, req.body),
  });
}

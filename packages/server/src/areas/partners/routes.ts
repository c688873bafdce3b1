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
import {
  childPartnerWork as childPartnerWorkView,
  housingList as housingListView,
  partnerIndicatorsView,
  partnerInbox as partnerInboxView,
  partnerOrganisationView,
  partnerRequestView,
} from '@lantern/core/views/partners';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { attachment } from '../../kernel/http/download.ts';
import { partnerIndicators } from './indicators.ts';
import { answerRequest, partnerInbox, partnerRequest, recordAnswerForPartner } from './answers.ts';
import { recordContributions } from './contributions.ts';
import { housingList, recordHousingNeed, updateHousingNeed } from './housing.ts';
import { addContact, createOrganisation, createPartnerUser, listOrganisations, partnerDeadlines, setPartnerDeadline } from './register.ts';
import { childPartnerWork, sendRequest, staffReport, withdraw } from './requests.ts';

const uuid = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });
const child = z.object({ childId: z.string() });
const ok = z.object({}).passthrough();

export async function partnersRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['partner agencies']);
  const db = () => fastify.store.db;

  // The register -----------------------------------------------------------------------------
  route.get(
    '/api/partner-organisations',
    {
      permission: 'partner:read',
      summary: 'Partner agencies and their named and escalation contacts',
      answer: z.object({ organisations: z.array(partnerOrganisationView) }),
    },
    async (req) => ({ organisations: await listOrganisations(db(), req.actor().user.laCode) }),
  );

  route.post(
    '/api/partner-organisations',
    {
      permission: 'partner:manage',
      summary: 'Add a partner agency to the register',
      body: newPartnerOrganisation,
      created: z.object({ organisationId: z.uuid() }),
    },
    (req) => createOrganisation(db(), req.actor(), req.body),
  );

  route.post(
    '/api/partner-organisations/:organisationId/contacts',
    {
      permission: 'partner:manage',
      summary: 'Add a named contact (or the escalation contact) at a partner agency',
      params: z.object({ organisationId: uuid('organisation') }),
      body: newPartnerContact,
      created: z.object({ contactId: z.uuid() }),
    },
    (req) => addContact(db(), req.actor(), req.params.organisationId, req.body),
  );

  route.post(
    '/api/partner-organisations/:organisationId/users',
    {
      permission: 'user:manage',
      summary: 'Give someone at a partner agency a sign-in: they see only open requests to their organisation',
      params: z.object({ organisationId: uuid('organisation') }),
      body: newPartnerUser,
      created: z.object({ userId: z.uuid(), username: z.string() }),
    },
    (req) => createPartnerUser(db(), req.actor(), req.params.organisationId, req.body),
  );

  route.get(
    '/api/settings/partner-response',
    {
      permission: 'partner:read',
      summary: 'The council’s deadline for each kind of request to a partner',
      answer: z.object({ deadlines: z.record(z.string(), ok) }),
    },
    async (req) => ({ deadlines: await partnerDeadlines(db(), req.actor().user.laCode) }),
  );

  route.put(
    '/api/settings/partner-response/:requestType',
    {
      permission: 'settings:manage',
      summary: 'Set the council’s deadline for a kind of request (council policy; requests already sent keep their date)',
      params: z.object({ requestType: z.enum(PARTNER_REQUEST_TYPES) }),
      body: z.object({ unit: z.enum(['working-days', 'days', 'weeks']), n: z.number().int().min(1).max(120) }),
      answer: z.object({ requestType: z.string(), due: ok }),
    },
    (req) => setPartnerDeadline(db(), req.actor(), req.params.requestType, req.body),
  );

  // From the child's record ------------------------------------------------------------------
  route.get(
    '/api/children/:childId/partner-work',
    {
      permission: 'child:read',
      summary: 'Requests to partners about the child and their answers, partners at the child’s meetings, housing needs',
      params: child,
      answer: childPartnerWorkView,
    },
    (req) => childPartnerWork(db(), req.actor(), req.params.childId),
  );

  route.post(
    '/api/children/:childId/partner-requests',
    {
      permission: 'casework:record',
      summary: 'Ask a partner agency for something, by a date no later than the council’s deadline for the kind of request',
      params: child,
      body: newPartnerRequest,
      created: z.object({ requestId: z.uuid(), respondBy: z.string() }),
    },
    (req) => sendRequest(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/partner-requests/:requestId/withdrawal',
    {
      permission: 'casework:record',
      summary: 'Withdraw a request that is no longer needed',
      params: child.extend({ requestId: uuid('request') }),
      body: withdrawRequest,
      answer: z.object({ requestId: z.uuid(), version: z.number().int() }),
    },
    (req) => withdraw(db(), req.actor(), req.params.childId, req.params.requestId, req.body),
  );

  route.post(
    '/api/children/:childId/partner-requests/:requestId/answer',
    {
      permission: 'casework:record',
      summary: 'Record a partner’s answer that came by phone, email or post',
      params: child.extend({ requestId: uuid('request') }),
      body: partnerAnswer,
      answer: z.object({ requestId: z.uuid(), version: z.number().int(), reportId: z.uuid().nullable() }),
    },
    (req) => recordAnswerForPartner(db(), req.actor(), req.params.childId, req.params.requestId, req.body),
  );

  route.get(
    '/api/children/:childId/partner-reports/:reportId',
    { permission: 'child:read', summary: 'A report a partner sent, as the file', params: child.extend({ reportId: uuid('report') }) },
    async (req, reply) => {
      const r = await staffReport(db(), req.actor(), req.params.childId, req.params.reportId);
      return reply.type(r.contentType).header('content-disposition', attachment(r.fileName)).header('x-content-type-options', 'nosniff').send(r.content);
    },
  );

  route.put(
    '/api/children/:childId/meetings/:meetingKind/:meetingId/contributions',
    {
      permission: 'casework:record',
      summary: 'Who was invited to a strategy discussion or conference, who attended, who sent a report',
      params: child.extend({ meetingKind: z.enum(['strategy-discussion', 'conference']), meetingId: uuid('meeting') }),
      body: meetingContributions,
      answer: z.object({ meetingId: z.uuid(), recorded: z.number().int() }),
    },
    (req) => recordContributions(db(), req.actor(), req.params.childId, req.params.meetingKind, req.params.meetingId, req.body),
  );

  route.post(
    '/api/children/:childId/housing-needs',
    {
      permission: 'casework:record',
      summary: 'Record a family’s housing need',
      params: child,
      body: newHousingNeed,
      created: z.object({ housingNeedId: z.uuid() }),
    },
    (req) => recordHousingNeed(db(), req.actor(), req.params.childId, req.body),
  );

  route.patch(
    '/api/children/:childId/housing-needs/:housingNeedId',
    {
      permission: 'casework:record',
      summary: 'The priority the housing partner agreed, or how the need was resolved',
      params: child.extend({ housingNeedId: uuid('housing need') }),
      body: housingNeedUpdate,
      answer: z.object({ housingNeedId: z.uuid(), version: z.number().int() }),
    },
    (req) => updateHousingNeed(db(), req.actor(), req.params.childId, req.params.housingNeedId, req.body),
  );

  // Oversight --------------------------------------------------------------------------------
  route.get(
    '/api/housing-list',
    { permission: 'partner:oversee', summary: 'Families waiting for a home, longest wait first', answer: housingListView },
    (req) => housingList(db(), req.actor()),
  );

  route.get(
    '/api/partner-indicators',
    {
      permission: 'partner:oversee',
      summary: 'Partner requests answered in time, conference attendance by agency, families waiting for re-housing',
      querystring: z.object({ asOf: isoDate.optional() }),
      answer: partnerIndicatorsView,
    },
    (req) => partnerIndicators(db(), req.actor(), req.query.asOf),
  );

  // The partner's own view -------------------------------------------------------------------
  route.get(
    '/api/partner/requests',
    {
      permission: 'partner-request:answer',
      summary: 'A partner user’s open requests: the child’s name and date of birth, and what is asked',
      answer: partnerInboxView,
    },
    (req) => partnerInbox(db(), req.actor()),
  );

  route.get(
    '/api/partner/requests/:requestId',
    {
      permission: 'partner-request:answer',
      summary: 'One open request to the partner’s organisation',
      params: z.object({ requestId: uuid('request') }),
      answer: z.object({ request: partnerRequestView }),
    },
    (req) => partnerRequest(db(), req.actor(), req.params.requestId),
  );

  route.post(
    '/api/partner/requests/:requestId/answer',
    {
      permission: 'partner-request:answer',
      summary: 'Answer a request, with a report (PDF or plain text, up to 1 MB) if there is one',
      params: z.object({ requestId: uuid('request') }),
      body: partnerAnswer,
      answer: z.object({ requestId: z.uuid(), version: z.number().int(), reportId: z.uuid().nullable() }),
    },
    (req) => answerRequest(db(), req.actor(), req.params.requestId, req.body),
  );
}

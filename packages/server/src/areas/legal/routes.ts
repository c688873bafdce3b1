/** HTTP for legal planning, pre-proceedings and court proceedings (permissions legal:read and legal:record). */
import {
  courtExtension,
  courtHearing,
  courtOrder,
  endPreProceedings,
  issueApplication,
  legalAssessment,
  legalPlanningDecision,
  legalPlanningMeeting,
  legalRecordView,
  preProceedingsExtension,
  preProceedingsMeeting,
  preProceedingsReview,
  startPreProceedings,
  withdrawProceedings,
} from '@lantern/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { recordPlanningDecision, recordPlanningMeeting } from './planning.ts';
import {
  commissionAssessment,
  endPreProceedingsFor,
  extendPreProceedings,
  recordPreProceedingsMeeting,
  recordPreProceedingsReview,
  startPreProceedingsFor,
} from './pre-proceedings.ts';
import { issueProceedings, recordExtension, recordHearing, recordOrder, withdrawApplication } from './proceedings.ts';
import { legalRecord } from './views.ts';

const child = z.object({ childId: z.string() });
const id = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });
const meeting = child.extend({ meetingId: id('legal planning meeting') });
const pre = child.extend({ preProceedingsId: id('pre-proceedings') });
const proc = child.extend({ proceedingsId: id('proceedings') });
const versioned = z.object({ version: z.number().int() });

export async function legalRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['legal planning and proceedings']);
  const db = () => fastify.store.db;
  const base = '/api/children/:childId/legal';

  route.get(
    base,
    {
      permission: 'legal:read',
      audit: { reads: 'legal-record' },
      summary: 'The child’s legal planning meetings, pre-proceedings, proceedings (hearings, extensions, orders) and assessments',
      params: child,
      answer: legalRecordView,
    },
    (req) => legalRecord(db(), req.actor(), req.params.childId),
  );

  route.post(
    `${base}/planning-meetings`,
    {
      permission: 'legal:record',
      summary: 'Record a legal planning (gateway) meeting: who came, the threshold discussion and, if made, the decision with reasons',
      params: child,
      body: legalPlanningMeeting,
      created: z.object({ meetingId: z.uuid(), version: z.number().int() }),
    },
    (req) => recordPlanningMeeting(db(), req.actor(), req.params.childId, req.body),
  );
  route.post(
    `${base}/planning-meetings/:meetingId/decision`,
    {
      permission: 'legal:record',
      summary: 'Record the legal planning meeting’s decision with reasons',
      params: meeting,
      body: legalPlanningDecision,
      answer: versioned,
    },
    (req) => recordPlanningDecision(db(), req.actor(), req.params.childId, req.params.meetingId, req.body),
  );

  route.post(
    `${base}/pre-proceedings`,
    {
      permission: 'legal:record',
      summary: 'The letter before proceedings was sent: pre-proceedings begin',
      params: child,
      body: startPreProceedings,
      created: z.object({ preProceedingsId: z.uuid(), version: z.number().int() }),
    },
    (req) => startPreProceedingsFor(db(), req.actor(), req.params.childId, req.body),
  );
  route.post(
    `${base}/pre-proceedings/:preProceedingsId/meeting`,
    {
      permission: 'legal:record',
      summary: 'The pre-proceedings meeting with the parents and their lawyers, and the plan agreed',
      params: pre,
      body: preProceedingsMeeting,
      answer: versioned,
    },
    (req) => recordPreProceedingsMeeting(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  );
  route.post(
    `${base}/pre-proceedings/:preProceedingsId/reviews`,
    {
      permission: 'legal:record',
      summary: 'A review of progress in pre-proceedings',
      params: pre,
      body: preProceedingsReview,
      created: z.object({ reviewId: z.uuid() }),
    },
    (req) => recordPreProceedingsReview(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  );
  route.post(
    `${base}/pre-proceedings/:preProceedingsId/extension`,
    {
      permission: 'legal:record',
      summary: 'Extend pre-proceedings beyond 16 weeks: the reason and the new date',
      params: pre,
      body: preProceedingsExtension,
      answer: versioned.extend({ endDueOn: z.string() }),
    },
    (req) => extendPreProceedings(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  );
  route.post(
    `${base}/pre-proceedings/:preProceedingsId/end`,
    {
      permission: 'legal:record',
      summary: 'End pre-proceedings: stepped down, or proceedings issued',
      params: pre,
      body: endPreProceedings,
      answer: versioned,
    },
    (req) => endPreProceedingsFor(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  );
  route.post(
    `${base}/assessments`,
    {
      permission: 'legal:record',
      summary: 'An assessment commissioned: parenting, family and friends, or an expert',
      params: child,
      body: legalAssessment,
      created: z.object({ assessmentId: z.uuid() }),
    },
    (req) => commissionAssessment(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    `${base}/proceedings`,
    {
      permission: 'legal:record',
      summary: 'An application issued at court: care proceedings must conclude within 26 weeks',
      params: child,
      body: issueApplication,
      created: z.object({ proceedingsId: z.uuid(), version: z.number().int(), dueOn: z.string() }),
    },
    (req) => issueProceedings(db(), req.actor(), req.params.childId, req.body),
  );
  route.post(
    `${base}/proceedings/:proceedingsId/hearings`,
    { permission: 'legal:record', summary: 'A hearing, held or listed', params: proc, body: courtHearing, created: z.object({ hearingId: z.uuid() }) },
    (req) => recordHearing(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body),
  );
  route.post(
    `${base}/proceedings/:proceedingsId/extensions`,
    {
      permission: 'legal:record',
      summary: 'An extension the court granted (up to 8 weeks), with the new date',
      params: proc,
      body: courtExtension,
      created: z.object({ extensionId: z.uuid(), version: z.number().int(), dueOn: z.string() }),
    },
    (req) => recordExtension(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body),
  );
  route.post(
    `${base}/proceedings/:proceedingsId/orders`,
    {
      permission: 'legal:record',
      summary: 'An order the court made; a final order concludes the proceedings, and an order for a looked-after child changes their legal status',
      params: proc,
      body: courtOrder,
      created: z.object({ orderId: z.uuid(), version: z.number().int(), legalStatus: z.string().nullable(), concluded: z.boolean() }),
    },
    (req) => recordOrder(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body),
  );
  route.post(
    `${base}/proceedings/:proceedingsId/withdraw`,
    {
      permission: 'legal:record',
      summary: 'The application withdrawn with the court’s permission',
      params: proc,
      body: withdrawProceedings,
      answer: versioned,
    },
    (req) => withdrawApplication(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body),
  );
}

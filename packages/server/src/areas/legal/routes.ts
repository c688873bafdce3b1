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
import { typed } from '../../kernel/http/app.ts';
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
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['legal planning and proceedings'];
  const base = '/api/children/:childId/legal';
  const record = { permission: 'legal:record' as const };

  app.get(base, {
    config: { permission: 'legal:read', audit: { reads: 'legal-record' } },
    schema: {
      tags,
      summary: 'The child’s legal planning meetings, pre-proceedings, proceedings (hearings, extensions, orders) and assessments',
      params: child,
      response: { 200: legalRecordView },
    },
    handler: (req) => legalRecord(db(), req.actor(), req.params.childId),
  });

  app.post(`${base}/planning-meetings`, {
    config: record,
    schema: {
      tags,
      summary: 'Record a legal planning (gateway) meeting: who came, the threshold discussion and, if made, the decision with reasons',
      params: child,
      body: legalPlanningMeeting,
      response: { 201: z.object({ meetingId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordPlanningMeeting(db(), req.actor(), req.params.childId, req.body)),
  });
  app.post(`${base}/planning-meetings/:meetingId/decision`, {
    config: record,
    schema: {
      tags,
      summary: 'Record the legal planning meeting’s decision with reasons',
      params: meeting,
      body: legalPlanningDecision,
      response: { 200: versioned },
    },
    handler: (req) => recordPlanningDecision(db(), req.actor(), req.params.childId, req.params.meetingId, req.body),
  });

  app.post(`${base}/pre-proceedings`, {
    config: record,
    schema: {
      tags,
      summary: 'The letter before proceedings was sent: pre-proceedings begin',
      params: child,
      body: startPreProceedings,
      response: { 201: z.object({ preProceedingsId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await startPreProceedingsFor(db(), req.actor(), req.params.childId, req.body)),
  });
  app.post(`${base}/pre-proceedings/:preProceedingsId/meeting`, {
    config: record,
    schema: {
      tags,
      summary: 'The pre-proceedings meeting with the parents and their lawyers, and the plan agreed',
      params: pre,
      body: preProceedingsMeeting,
      response: { 200: versioned },
    },
    handler: (req) => recordPreProceedingsMeeting(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  });
  app.post(`${base}/pre-proceedings/:preProceedingsId/reviews`, {
    config: record,
    schema: {
      tags,
      summary: 'A review of progress in pre-proceedings',
      params: pre,
      body: preProceedingsReview,
      response: { 201: z.object({ reviewId: z.uuid() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await recordPreProceedingsReview(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body)),
  });
  app.post(`${base}/pre-proceedings/:preProceedingsId/extension`, {
    config: record,
    schema: {
      tags,
      summary: 'Extend pre-proceedings beyond 16 weeks: the reason and the new date',
      params: pre,
      body: preProceedingsExtension,
      response: { 200: versioned.extend({ endDueOn: z.string() }) },
    },
    handler: (req) => extendPreProceedings(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  });
  app.post(`${base}/pre-proceedings/:preProceedingsId/end`, {
    config: record,
    schema: { tags, summary: 'End pre-proceedings: stepped down, or proceedings issued', params: pre, body: endPreProceedings, response: { 200: versioned } },
    handler: (req) => endPreProceedingsFor(db(), req.actor(), req.params.childId, req.params.preProceedingsId, req.body),
  });
  app.post(`${base}/assessments`, {
    config: record,
    schema: {
      tags,
      summary: 'An assessment commissioned: parenting, family and friends, or an expert',
      params: child,
      body: legalAssessment,
      response: { 201: z.object({ assessmentId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await commissionAssessment(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post(`${base}/proceedings`, {
    config: record,
    schema: {
      tags,
      summary: 'An application issued at court: care proceedings must conclude within 26 weeks',
      params: child,
      body: issueApplication,
      response: { 201: z.object({ proceedingsId: z.uuid(), version: z.number().int(), dueOn: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await issueProceedings(db(), req.actor(), req.params.childId, req.body)),
  });
  app.post(`${base}/proceedings/:proceedingsId/hearings`, {
    config: record,
    schema: { tags, summary: 'A hearing, held or listed', params: proc, body: courtHearing, response: { 201: z.object({ hearingId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await recordHearing(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body)),
  });
  app.post(`${base}/proceedings/:proceedingsId/extensions`, {
    config: record,
    schema: {
      tags,
      summary: 'An extension the court granted (up to 8 weeks), with the new date',
      params: proc,
      body: courtExtension,
      response: { 201: z.object({ extensionId: z.uuid(), version: z.number().int(), dueOn: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordExtension(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body)),
  });
  app.post(`${base}/proceedings/:proceedingsId/orders`, {
    config: record,
    schema: {
      tags,
      summary: 'An order the court made; a final order concludes the proceedings, and an order for a looked-after child changes their legal status',
      params: proc,
      body: courtOrder,
      response: { 201: z.object({ orderId: z.uuid(), version: z.number().int(), legalStatus: z.string().nullable(), concluded: z.boolean() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordOrder(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body)),
  });
  app.post(`${base}/proceedings/:proceedingsId/withdraw`, {
    config: record,
    schema: { tags, summary: 'The application withdrawn with the court’s permission', params: proc, body: withdrawProceedings, response: { 200: versioned } },
    handler: (req) => withdrawApplication(db(), req.actor(), req.params.childId, req.params.proceedingsId, req.body),
  });
}

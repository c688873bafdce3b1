import { escalationAnswer, meetingRecord, newEscalation, newRecommendation, recommendationChanges } from '@lantern/core/meetings';
import { meetingsView, openEscalationView, voiceView } from '@lantern/core/views/meetings';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { answerEscalation, openEscalations, raiseEscalation } from './escalations.ts';
import { addRecommendation, changeRecommendation, putMeetingRecord } from './record.ts';
import { childMeetings, childVoice } from './views.ts';

const child = z.object({ childId: z.string() });
const id = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });
const meeting = child.extend({ kind: z.enum(['conference', 'review']), meetingId: id('meeting') });

export async function meetingsRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['conferences and reviews'];

  app.get('/api/children/:childId/meetings', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'The child’s conferences and looked-after reviews: who came, the child’s views, decisions, recommendations, escalations',
      params: child,
      response: { 200: meetingsView },
    },
    handler: (req) => childMeetings(db(), req.actor(), req.params.childId),
  });

  app.get('/api/children/:childId/voice', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'When the child was last seen, last seen alone, and their latest words, from every visit, conference and review',
      params: child,
      response: { 200: voiceView },
    },
    handler: (req) => childVoice(db(), req.actor(), req.params.childId),
  });

  app.put('/api/children/:childId/meetings/:kind/:meetingId/record', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record (or correct) who was invited and came, how the child’s views were heard, the decisions, and when they and the full record were written',
      params: meeting,
      body: meetingRecord,
      response: { 200: z.object({ meetingId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => putMeetingRecord(db(), req.actor(), req.params.childId, req.params.kind, req.params.meetingId, req.body),
  });

  app.post('/api/children/:childId/meetings/:kind/:meetingId/recommendations', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Add a recommendation with its owner and date (20 working days after the meeting if none)',
      params: meeting,
      body: newRecommendation,
      response: { 201: z.object({ recommendationId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addRecommendation(db(), req.actor(), req.params.childId, req.params.kind, req.params.meetingId, req.body)),
  });

  app.patch('/api/children/:childId/recommendations/:recommendationId', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Change a recommendation, or mark it done with a note',
      params: child.extend({ recommendationId: id('recommendation') }),
      body: recommendationChanges,
      response: { 200: z.object({ recommendationId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => changeRecommendation(db(), req.actor(), req.params.childId, req.params.recommendationId, req.body),
  });

  app.post('/api/children/:childId/iro-escalations', {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'The IRO raises a concern: the first stage (team manager) must answer', params: child, body: newEscalation },
    handler: async (req, reply) => reply.status(201).send(await raiseEscalation(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/iro-escalations/:escalationId/answer', {
    config: { permission: 'worklist:read' },
    schema: {
      tags,
      summary: 'The person at the current stage resolves the concern or moves it to the next stage, with a note',
      params: child.extend({ escalationId: id('escalation') }),
      body: escalationAnswer,
    },
    handler: (req) => answerEscalation(db(), req.actor(), req.params.childId, req.params.escalationId, req.body),
  });

  app.get('/api/iro-escalations', {
    config: { permission: 'worklist:read' },
    schema: {
      tags,
      summary: 'Open IRO escalations: the council’s for the head of service, else those you raised or must answer',
      response: { 200: z.array(openEscalationView) },
    },
    handler: (req) => openEscalations(db(), req.actor()),
  });
}

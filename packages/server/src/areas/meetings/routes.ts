import { escalationAnswer, meetingRecord, newEscalation, newRecommendation, recommendationChanges } from '@lantern/core/meetings';
import { meetingsView, openEscalationView, voiceView } from '@lantern/core/views/meetings';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { answerEscalation, openEscalations, raiseEscalation } from './escalations.ts';
import { addRecommendation, changeRecommendation, putMeetingRecord } from './record.ts';
import { childMeetings, childVoice } from './views.ts';

const child = z.object({ childId: z.string() });
const id = (what: string) => z.string().refine(isUuid, { message: `No such ${what}` });
const meeting = child.extend({ kind: z.enum(['conference', 'review']), meetingId: id('meeting') });

export async function meetingsRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['conferences and reviews']);
  const db = () => fastify.store.db;

  route.get(
    '/api/children/:childId/meetings',
    {
      permission: 'child:read',
      summary: 'The child’s conferences and looked-after reviews: who came, the child’s views, decisions, recommendations, escalations',
      params: child,
      answer: meetingsView,
    },
    (req) => childMeetings(db(), req.actor(), req.params.childId),
  );

  route.get(
    '/api/children/:childId/voice',
    {
      permission: 'child:read',
      summary: 'When the child was last seen, last seen alone, and their latest words, from every visit, conference and review',
      params: child,
      answer: voiceView,
    },
    (req) => childVoice(db(), req.actor(), req.params.childId),
  );

  route.put(
    '/api/children/:childId/meetings/:kind/:meetingId/record',
    {
      permission: 'casework:record',
      summary: 'Record (or correct) who was invited and came, how the child’s views were heard, the decisions, and when they and the full record were written',
      params: meeting,
      body: meetingRecord,
      answer: z.object({ meetingId: z.uuid(), version: z.number().int() }),
    },
    (req) => putMeetingRecord(db(), req.actor(), req.params.childId, req.params.kind, req.params.meetingId, req.body),
  );

  route.post(
    '/api/children/:childId/meetings/:kind/:meetingId/recommendations',
    {
      permission: 'casework:record',
      summary: 'Add a recommendation with its owner and date (20 working days after the meeting if none)',
      params: meeting,
      body: newRecommendation,
      created: z.object({ recommendationId: z.uuid(), version: z.number().int() }),
    },
    (req) => addRecommendation(db(), req.actor(), req.params.childId, req.params.kind, req.params.meetingId, req.body),
  );

  route.patch(
    '/api/children/:childId/recommendations/:recommendationId',
    {
      permission: 'casework:record',
      summary: 'Change a recommendation, or mark it done with a note',
      params: child.extend({ recommendationId: id('recommendation') }),
      body: recommendationChanges,
      answer: z.object({ recommendationId: z.uuid(), version: z.number().int() }),
    },
    (req) => changeRecommendation(db(), req.actor(), req.params.childId, req.params.recommendationId, req.body),
  );

  route.post(
    '/api/children/:childId/iro-escalations',
    {
      permission: 'casework:record',
      summary: 'The IRO raises a concern: the first stage (team manager) must answer',
      params: child,
      body: newEscalation,
      status: 201,
    },
    (req) => raiseEscalation(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/iro-escalations/:escalationId/answer',
    {
      permission: 'worklist:read',
      summary: 'The person at the current stage resolves the concern or moves it to the next stage, with a note',
      params: child.extend({ escalationId: id('escalation') }),
      body: escalationAnswer,
    },
    (req) => answerEscalation(db(), req.actor(), req.params.childId, req.params.escalationId, req.body),
  );

  route.get(
    '/api/iro-escalations',
    {
      permission: 'worklist:read',
      summary: 'Open IRO escalations: the council’s for the head of service, else those you raised or must answer',
      answer: z.array(openEscalationView),
    },
    (req) => openEscalations(db(), req.actor()),
  );
}

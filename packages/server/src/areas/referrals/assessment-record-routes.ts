/** HTTP for the written child and family assessment: save, send, return, authorise, versions. */
import { assessmentRecordAuthorisation, assessmentRecordSave, assessmentReturn, assessmentSubmission } from '@lantern/core/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import {
  assessmentRecordVersions,
  authoriseAssessmentRecord,
  childAssessments,
  getAssessmentRecord,
  returnAssessmentRecord,
  returnedToMe,
  saveAssessmentRecord,
  submitAssessmentRecord,
} from './assessment-record.ts';

const id = (name: string) => z.string().refine(isUuid, { message: `No such ${name}` });
const params = z.object({ childId: z.string(), assessmentId: id('assessment') });
const written = z.object({ assessmentId: z.uuid(), version: z.number().int(), status: z.string() });

export async function assessmentRecordRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['assessments'];
  const base = '/api/children/:childId/assessments/:assessmentId/record';

  app.get('/api/children/:childId/assessment-records', {
    config: { permission: 'child:read' },
    schema: {
      tags,
      summary: 'The child’s assessments and whether each is written, with the manager, or authorised',
      params: z.object({ childId: z.string() }),
    },
    handler: (req) => childAssessments(db(), req.actor(), req.params.childId),
  });

  app.get(base, {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The written assessment as it now is, with both safety scales', params },
    handler: (req) => getAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId),
  });

  app.put(base, {
    config: { permission: 'casework:record' },
    schema: { tags, summary: 'Save the written assessment (every save is a version)', params, body: assessmentRecordSave, response: { 200: written } },
    handler: (req) => saveAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.post(`${base}/submission`, {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Send the assessment to the manager with the worker’s safety scale',
      params,
      body: assessmentSubmission,
      response: { 200: written },
    },
    handler: (req) => submitAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.post(`${base}/return`, {
    config: { permission: 'casework:authorise' },
    schema: { tags, summary: 'The manager returns the assessment to the worker with reasons', params, body: assessmentReturn, response: { 200: written } },
    handler: (req) => returnAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.post(`${base}/authorisation`, {
    config: { permission: 'casework:authorise' },
    schema: {
      tags,
      summary: 'The manager authorises the assessment with their own safety scale',
      params,
      body: assessmentRecordAuthorisation,
      response: { 200: written.extend({ due: z.string() }) },
    },
    handler: (req) => authoriseAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  });

  app.get(`${base}/versions`, {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'Every version of the written assessment and what changed in each', params },
    handler: (req) => assessmentRecordVersions(db(), req.actor(), req.params.childId, req.params.assessmentId),
  });

  app.get('/api/assessments/returned', {
    config: { permission: 'worklist:read' },
    schema: { tags, summary: 'Assessments the manager returned to me, with their reasons' },
    handler: (req) => returnedToMe(db(), req.actor()),
  });
}

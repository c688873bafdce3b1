/** HTTP for the written child and family assessment: save, send, return, authorise, versions. */
import { assessmentRecordAuthorisation, assessmentRecordSave, assessmentReturn, assessmentSubmission } from '@lantern/core/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
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
  const route = routes(fastify, ['assessments']);
  const db = () => fastify.store.db;
  const base = '/api/children/:childId/assessments/:assessmentId/record';

  route.get(
    '/api/children/:childId/assessment-records',
    {
      permission: 'child:read',
      summary: 'The child’s assessments and whether each is written, with the manager, or authorised',
      params: z.object({ childId: z.string() }),
    },
    (req) => childAssessments(db(), req.actor(), req.params.childId),
  );

  route.get(base, { permission: 'child:read', summary: 'The written assessment as it now is, with both safety scales', params }, (req) =>
    getAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId),
  );

  route.put(
    base,
    { permission: 'casework:record', summary: 'Save the written assessment (every save is a version)', params, body: assessmentRecordSave, answer: written },
    (req) => saveAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.post(
    `${base}/submission`,
    {
      permission: 'casework:record',
      summary: 'Send the assessment to the manager with the worker’s safety scale',
      params,
      body: assessmentSubmission,
      answer: written,
    },
    (req) => submitAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.post(
    `${base}/return`,
    {
      permission: 'casework:authorise',
      summary: 'The manager returns the assessment to the worker with reasons',
      params,
      body: assessmentReturn,
      answer: written,
    },
    (req) => returnAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.post(
    `${base}/authorisation`,
    {
      permission: 'casework:authorise',
      summary: 'The manager authorises the assessment with their own safety scale',
      params,
      body: assessmentRecordAuthorisation,
      answer: written.extend({ due: z.string() }),
    },
    (req) => authoriseAssessmentRecord(db(), req.actor(), req.params.childId, req.params.assessmentId, req.body),
  );

  route.get(`${base}/versions`, { permission: 'child:read', summary: 'Every version of the written assessment and what changed in each', params }, (req) =>
    assessmentRecordVersions(db(), req.actor(), req.params.childId, req.params.assessmentId),
  );

  route.get('/api/assessments/returned', { permission: 'worklist:read', summary: 'Assessments the manager returned to me, with their reasons' }, (req) =>
    returnedToMe(db(), req.actor()),
  );
}

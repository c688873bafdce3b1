/** HTTP for a section 47 enquiry's findings. */
import { section47FindingsSave } from '@lantern/core/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { childEnquiries, getSection47Findings, saveSection47Findings } from './enquiry-findings.ts';

const params = z.object({ childId: z.string(), s47Id: z.string().refine(isUuid, { message: 'No such enquiry' }) });

export async function enquiryFindingsRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['child protection'];
  app.get('/api/children/:childId/section47-enquiries', {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'The child’s section 47 enquiries and whether their findings are written', params: z.object({ childId: z.string() }) },
    handler: (req) => childEnquiries(db(), req.actor(), req.params.childId),
  });
  app.get('/api/children/:childId/section47/:s47Id/findings', {
    config: { permission: 'child:read' },
    schema: { tags, summary: 'What the enquiry found, concern by concern, and its versions', params },
    handler: (req) => getSection47Findings(db(), req.actor(), req.params.childId, req.params.s47Id),
  });
  app.put('/api/children/:childId/section47/:s47Id/findings', {
    config: { permission: 'casework:record' },
    schema: {
      tags,
      summary: 'Record what the enquiry found: each concern, whether significant harm was substantiated and why, and whether to convene a conference',
      params,
      body: section47FindingsSave,
      response: { 200: z.object({ s47Id: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => saveSection47Findings(db(), req.actor(), req.params.childId, req.params.s47Id, req.body),
  });
}

/** HTTP for a section 47 enquiry's findings. */
import { section47FindingsSave } from '@lantern/core/practice';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { childEnquiries, getSection47Findings, saveSection47Findings } from './enquiry-findings.ts';

const params = z.object({ childId: z.string(), s47Id: z.string().refine(isUuid, { message: 'No such enquiry' }) });

export async function enquiryFindingsRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['child protection']);
  const db = () => fastify.store.db;
  route.get(
    '/api/children/:childId/section47-enquiries',
    { permission: 'child:read', summary: 'The child’s section 47 enquiries and whether their findings are written', params: z.object({ childId: z.string() }) },
    (req) => childEnquiries(db(), req.actor(), req.params.childId),
  );
  route.get(
    '/api/children/:childId/section47/:s47Id/findings',
    { permission: 'child:read', summary: 'What the enquiry found, concern by concern, and its versions', params },
    (req) => getSection47Findings(db(), req.actor(), req.params.childId, req.params.s47Id),
  );
  route.put(
    '/api/children/:childId/section47/:s47Id/findings',
    {
      permission: 'casework:record',
      summary: 'Record what the enquiry found: each concern, whether significant harm was substantiated and why, and whether to convene a conference',
      params,
      body: section47FindingsSave,
      answer: z.object({ s47Id: z.uuid(), version: z.number().int() }),
    },
    (req) => saveSection47Findings(db(), req.actor(), req.params.childId, req.params.s47Id, req.body),
  );
}

import { obligationView, worklistQuery } from '@lantern/core/pathway';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes, showing } from '../../kernel/http/routes.ts';
import { setTimescale, timescaleRules, worklist } from './service.ts';

export async function timescalesRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['timescales']);

  route.get(
    '/api/worklist',
    {
      permission: 'worklist:read',
      summary: 'Open deadlines, overdue first: mine, my team’s, or the whole service’s',
      querystring: worklistQuery,
      answer: z.object({ asOf: z.string(), obligations: z.array(obligationView), counts: z.object({ overdue: z.number().int(), due: z.number().int() }) }),
    },
    async (req) => {
      const found = await worklist(fastify.store.db, req.actor(), req.query);
      req.audited({ action: 'read', recordType: 'worklist', detail: { view: req.query.view, asOf: found.asOf, shown: found.obligations.length } });
      return showing(req, 'worklist', found, (f) => f.obligations);
    },
  );

  route.get(
    '/api/timescales',
    {
      permission: 'signed-in',
      summary: 'Every statutory and policy deadline Lantern tracks, with its source',
      answer: z.object({
        rules: z.array(
          z.object({
            id: z.string(),
            what: z.string(),
            countedFrom: z.string(),
            due: z.string(),
            kind: z.string(),
            source: z.string(),
            responsible: z.string(),
          }),
        ),
      }),
    },
    async (req) => ({ rules: await timescaleRules(fastify.store.db, req.actor().user.laCode) }),
  );

  route.put(
    '/api/settings/timescales/:ruleId',
    {
      permission: 'settings:manage',
      summary: 'Set the council’s own timescale for a rule: any value for policy, only a stricter one for statute and guidance',
      params: z.object({ ruleId: z.string() }),
      body: z.object({ unit: z.enum(['working-days', 'days', 'weeks', 'months']), n: z.number().int().min(0).max(366) }),
      answer: z.object({ ruleId: z.string(), due: z.string(), obligationsRebuilt: z.number().int() }),
    },
    (req) => setTimescale(fastify.store.db, req.actor(), req.params.ruleId, req.body),
  );
}

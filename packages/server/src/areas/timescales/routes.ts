import { obligationView, worklistQuery } from '@lantern/core/pathway';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../kernel/http/app.ts';
import { setTimescale, timescaleRules, worklist } from './service.ts';

export async function timescalesRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get('/api/worklist', {
    config: { permission: 'worklist:read' },
    schema: {
      tags: ['timescales'],
      summary: 'Open deadlines, overdue first: mine, my team’s, or the whole service’s',
      querystring: worklistQuery,
      response: {
        200: z.object({ asOf: z.string(), obligations: z.array(obligationView), counts: z.object({ overdue: z.number().int(), due: z.number().int() }) }),
      },
    },
    handler: async (req) => {
      const found = await worklist(fastify.store.db, req.actor(), req.query);
      req.audited({ action: 'read', recordType: 'worklist', detail: { view: req.query.view, asOf: found.asOf, shown: found.obligations.length } });
      req.shown(
        found.obligations.map((o) => o.childId),
        { recordType: 'worklist' },
      );
      return found;
    },
  });

  app.get('/api/timescales', {
    config: { permission: 'signed-in' },
    schema: {
      tags: ['timescales'],
      summary: 'Every statutory and policy deadline Lantern tracks, with its source',
      response: {
        200: z.object({
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
    },
    handler: async (req) => ({ rules: await timescaleRules(fastify.store.db, req.actor().user.laCode) }),
  });

  app.put('/api/settings/timescales/:ruleId', {
    config: { permission: 'settings:manage' },
    schema: {
      tags: ['timescales'],
      summary: 'Set the council’s own timescale for a rule: any value for policy, only a stricter one for statute and guidance',
      params: z.object({ ruleId: z.string() }),
      body: z.object({ unit: z.enum(['working-days', 'days', 'weeks', 'months']), n: z.number().int().min(0).max(366) }),
      response: { 200: z.object({ ruleId: z.string(), due: z.string(), obligationsRebuilt: z.number().int() }) },
    },
    handler: (req) => setTimescale(fastify.store.db, req.actor(), req.params.ruleId, req.body),
  });
}

import { todayInEngland } from '@lantern/core/calendar';
import { INDICATOR_AREAS, INDICATORS, INDICATORS_TO_COME } from '@lantern/core/indicators';
import { isoDate } from '@lantern/core/schemas';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { typed } from '../../kernel/http/app.ts';
import { checkScope, childrenBehind, compareTeams, computeAll, computeIndicator, freezeMonth, parseScope, trend } from './service.ts';

const scopeKind = z.enum(['council', 'service', 'team', 'worker']);
const kpiQuery = z.object({
  asOf: isoDate.optional().describe('The last day of the period, or the snapshot date (default: today in England)'),
  months: z.coerce.number().int().min(1).max(36).optional().describe('The length of the period in months (default 12)'),
  scope: scopeKind.optional(),
  scopeId: z.string().max(200).optional().describe('The service name, team id or worker id'),
});

const scopeView = z.object({ kind: scopeKind, id: z.string() });
export const indicatorResultView = z.object({
  id: z.string(),
  title: z.string(),
  area: z.string(),
  unit: z.string(),
  measure: z.string(),
  asOf: z.string(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  scope: scopeView,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  per10k: z.number().nullable(),
  medianDays: z.number().nullable(),
  maxDays: z.number().nullable(),
  suppressed: z.boolean(),
  frozen: z.boolean(),
  higherIsBetter: z.boolean().nullable(),
  england: z.object({ value: z.number(), year: z.string(), note: z.string().optional() }).nullable(),
});

const indicatorParams = z.object({ indicatorId: z.string() });

export async function performanceRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['performance'];

  app.get('/api/indicators', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'Every indicator Lantern counts: its definition, numerator, denominator, unit, period, source and England figure',
      response: { 200: z.object({ areas: z.record(z.string(), z.string()), indicators: z.array(z.unknown()), toCome: z.array(z.string()) }) },
    },
    handler: async () => ({ areas: INDICATOR_AREAS, indicators: [...INDICATORS], toCome: [...INDICATORS_TO_COME] }),
  });

  app.get('/api/kpi', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'Every indicator for the council, a service, a team or a worker, for the period ending on a date',
      querystring: kpiQuery,
      response: { 200: z.object({ asOf: z.string(), scope: scopeView, aggregatesOnly: z.boolean(), indicators: z.array(indicatorResultView) }) },
    },
    handler: async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      const { aggregatesOnly } = await checkScope(db(), actor.user, scope);
      const asOf = req.query.asOf ?? todayInEngland();
      const indicators = await computeAll(db(), actor.user.laCode, { asOf, months: req.query.months, scope, aggregatesOnly });
      await audit(db(), actor, { action: 'read', recordType: 'kpi', detail: { asOf, scope } });
      return { asOf, scope, aggregatesOnly, indicators };
    },
  });

  app.get('/api/kpi/:indicatorId', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'One indicator, with its monthly trend',
      params: indicatorParams,
      querystring: kpiQuery.extend({ trendMonths: z.coerce.number().int().min(1).max(36).default(12) }),
      response: {
        200: z.object({ aggregatesOnly: z.boolean(), result: indicatorResultView, trend: z.array(indicatorResultView) }),
      },
    },
    handler: async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      const { aggregatesOnly } = await checkScope(db(), actor.user, scope);
      const asOf = req.query.asOf ?? todayInEngland();
      const result = await computeIndicator(db(), actor.user.laCode, req.params.indicatorId, { asOf, months: req.query.months, scope, aggregatesOnly });
      const t = await trend(db(), actor.user.laCode, req.params.indicatorId, { asOf, months: req.query.trendMonths, scope, aggregatesOnly });
      return { aggregatesOnly, result, trend: t.points };
    },
  });

  app.get('/api/kpi/:indicatorId/teams', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'One indicator for each team (or service), side by side',
      params: indicatorParams,
      querystring: kpiQuery.pick({ asOf: true, months: true }).extend({ by: z.enum(['team', 'service']).default('team') }),
      response: { 200: z.object({ groups: z.array(indicatorResultView.extend({ groupId: z.string().nullable(), name: z.string() })) }) },
    },
    handler: async (req) => ({
      groups: await compareTeams(db(), req.actor(), req.params.indicatorId, {
        asOf: req.query.asOf ?? todayInEngland(),
        months: req.query.months,
        by: req.query.by,
      }),
    }),
  });

  app.get('/api/kpi/:indicatorId/children', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'The children behind a number (for roles with access to children’s records)',
      params: indicatorParams,
      querystring: kpiQuery.extend({ only: z.enum(['numerator', 'not-numerator']).optional() }),
      response: {
        200: z.object({
          id: z.string(),
          title: z.string(),
          asOf: z.string(),
          period: z.object({ from: z.string(), to: z.string() }).nullable(),
          hidden: z.number().int(),
          children: z.array(
            z.object({
              childId: z.string(),
              laChildId: z.string(),
              name: z.string(),
              onDate: z.string(),
              inNumerator: z.boolean(),
              days: z.number().nullable(),
              worker: z.string().nullable(),
              team: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      return childrenBehind(db(), actor, req.params.indicatorId, {
        asOf: req.query.asOf ?? todayInEngland(),
        months: req.query.months,
        scope,
        only: req.query.only,
      });
    },
  });

  app.post('/api/kpi/snapshots', {
    config: { permission: 'performance:manage' },
    schema: {
      tags,
      summary: 'Freeze the figures of a closed month, so what the board saw stays what it was',
      body: z.object({ periodEnd: isoDate }),
      response: { 201: z.object({ periodEnd: z.string(), frozen: z.number().int(), alreadyFrozen: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await freezeMonth(db(), req.actor(), req.body.periodEnd, todayInEngland())),
  });
}

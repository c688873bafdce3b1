import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import { INDICATOR_AREAS, INDICATORS, INDICATORS_TO_COME } from '@lantern/core/indicators';
import { isoDate } from '@lantern/core/schemas';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../kernel/http/app.ts';
import {
  ACTION_STATUSES,
  actionChanges,
  actionWorklist,
  addAction,
  boardPack,
  improvementPlan,
  newAction,
  newInspection,
  recordInspection,
  updateAction,
} from './improvement.ts';
import { compare, loadBenchmarks, loadNeighbours } from './benchmark.ts';
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
      req.audited({ action: 'read', recordType: 'kpi', detail: { asOf, scope } });
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
      const asOf = req.query.asOf ?? todayInEngland();
      const found = await childrenBehind(db(), actor, req.params.indicatorId, { asOf, months: req.query.months, scope, only: req.query.only });
      req.audited({ action: 'read', recordType: 'indicator-children', recordId: found.id, detail: { asOf, scope, shown: found.children.length } });
      req.shown(
        found.children.map((c) => c.childId),
        { recordType: 'indicator-children' },
      );
      return found;
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

  const csvBody = z.object({ csv: z.string().min(1).max(20_000_000).describe('The CSV file’s text') });

  app.post('/api/benchmarks', {
    config: { permission: 'performance:manage' },
    schema: {
      tags,
      summary:
        'Load published figures (the DfE local-authority table shape: time_period, geographic_level, region_code, region_name, new_la_code, la_name, indicator, value)',
      body: csvBody,
      response: { 201: z.object({ values: z.number().int(), comparators: z.number().int(), skipped: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await loadBenchmarks(db(), req.actor(), req.body.csv)),
  });

  app.put('/api/benchmarks/neighbours', {
    config: { permission: 'performance:manage' },
    schema: {
      tags,
      summary: 'Load the council’s statistical neighbours as published (la_code, neighbour_la_code, rank)',
      body: csvBody,
      response: { 200: z.object({ neighbours: z.number().int() }) },
    },
    handler: async (req) => loadNeighbours(db(), req.actor(), req.body.csv),
  });

  app.get('/api/benchmarks/:indicatorId', {
    config: { permission: 'performance:read' },
    schema: {
      tags,
      summary: 'The council against England, its region and its statistical neighbours, year by year',
      params: indicatorParams,
      response: {
        200: z.object({
          id: z.string(),
          title: z.string(),
          unit: z.string(),
          higherIsBetter: z.boolean().nullable(),
          region: z.object({ code: z.string(), name: z.string() }).nullable(),
          neighbours: z.array(z.object({ code: z.string(), name: z.string(), rank: z.number().int() })),
          years: z.array(
            z.object({
              year: z.string(),
              council: z.number().nullable(),
              councilPublished: z.number().nullable(),
              england: z.number().nullable(),
              region: z.number().nullable(),
              neighboursAverage: z.number().nullable(),
              neighbours: z.array(z.object({ code: z.string(), name: z.string(), rank: z.number().int(), value: z.number().nullable() })),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const actor = req.actor();
      const { aggregatesOnly } = await checkScope(db(), actor.user, { kind: 'council', id: '' }).catch(async (e) => {
        // A team manager compares their council too: the council's figure, as aggregates.
        if (e?.status === 403) return { aggregatesOnly: true };
        throw e;
      });
      return compare(db(), actor.user.laCode, req.params.indicatorId, { aggregatesOnly, today: todayInEngland() });
    },
  });

  await improvementRoutes(fastify);
}

const actionView = z.object({
  actionId: z.string(),
  recommendationId: z.string(),
  recommendationNumber: z.number().int(),
  inspectionId: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  evidence: z.string().nullable(),
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  measure: z
    .object({
      indicatorId: z.string(),
      title: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      baseline: z.number().nullable(),
      current: z.number().nullable(),
      targetMet: z.boolean().nullable(),
    })
    .nullable(),
});

const inspectionView = z.object({
  inspectionId: z.string(),
  kind: z.string(),
  framework: z.string(),
  startedOn: z.string(),
  publishedOn: z.string().nullable(),
  findings: z.string(),
  judgements: z.array(z.object({ area: z.string(), grade: z.string() })),
  recommendations: z.array(z.object({ recommendationId: z.string(), number: z.number().int(), text: z.string(), actions: z.array(actionView) })),
});

async function improvementRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;
  const tags = ['improvement'];
  const asOfQuery = z.object({ asOf: isoDate.optional() });

  app.get('/api/improvement', {
    config: { permission: 'improvement:read' },
    schema: {
      tags,
      summary: 'The improvement plan: inspections and visits, each judgement, recommendations and their actions with owners, due dates and measures',
      querystring: asOfQuery,
      response: { 200: z.object({ asOf: z.string(), inspections: z.array(inspectionView) }) },
    },
    handler: (req) => improvementPlan(db(), req.actor(), req.query.asOf ?? todayInEngland()),
  });

  app.post('/api/improvement/inspections', {
    config: { permission: 'improvement:manage' },
    schema: {
      tags,
      summary: 'Record an inspection or monitoring visit with each judgement separately (no overall grade from April 2026) and its recommendations',
      body: newInspection,
      response: { 201: z.object({ inspectionId: z.uuid(), recommendationIds: z.array(z.uuid()) }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordInspection(db(), req.actor(), req.body)),
  });

  app.post('/api/improvement/recommendations/:recommendationId/actions', {
    config: { permission: 'improvement:manage' },
    schema: {
      tags,
      summary: 'Add an action to a recommendation: a named owner, a due date, and an indicator with a target',
      params: z.object({ recommendationId: z.uuid() }),
      body: newAction,
      response: { 201: z.object({ actionId: z.uuid(), version: z.number().int() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await addAction(db(), req.actor(), req.params.recommendationId, req.body)),
  });

  app.patch('/api/improvement/actions/:actionId', {
    config: { permission: 'improvement:update' },
    schema: {
      tags,
      summary: 'Update an action: its owner updates status and evidence; those managing the plan may change anything',
      params: z.object({ actionId: z.uuid() }),
      body: actionChanges,
      response: { 200: z.object({ actionId: z.uuid(), version: z.number().int(), status: z.enum(ACTION_STATUSES) }) },
    },
    handler: (req) => updateAction(db(), req.actor(), req.params.actionId, req.body, todayInEngland()),
  });

  app.get('/api/improvement/worklist', {
    config: { permission: 'improvement:read' },
    schema: {
      tags,
      summary: 'Overdue and off-track actions: mine, or every owner’s (for those managing the plan)',
      querystring: asOfQuery.extend({ view: z.enum(['mine', 'all']).default('mine') }),
      response: { 200: z.object({ asOf: z.string(), view: z.enum(['mine', 'all']), actions: z.array(actionView) }) },
    },
    handler: (req) => actionWorklist(db(), req.actor(), req.query.view, req.query.asOf ?? todayInEngland()),
  });

  app.get('/api/improvement/board-pack', {
    config: { permission: 'improvement:read' },
    schema: {
      tags,
      summary: 'The board pack: indicators, the plan’s progress, and what slipped since the last board',
      querystring: asOfQuery.extend({ since: isoDate.optional().describe('The last board’s date (default: a month before)') }),
      response: {
        200: z.object({
          asOf: z.string(),
          since: z.string(),
          aggregatesOnly: z.boolean(),
          council: z.string(),
          indicators: z.array(indicatorResultView.extend({ previous: z.number().nullable() })),
          progress: z.object({
            total: z.number().int(),
            'not-started': z.number().int(),
            'on-track': z.number().int(),
            'off-track': z.number().int(),
            done: z.number().int(),
            overdue: z.number().int(),
            doneSince: z.number().int(),
          }),
          slipped: z.array(actionView),
          doneSince: z.array(actionView),
          inspections: z.array(inspectionView),
        }),
      },
    },
    handler: async (req) => {
      const asOf = req.query.asOf ?? todayInEngland();
      const pack = await boardPack(db(), req.actor(), asOf, req.query.since ?? addCalendarMonths(asOf, -1));
      req.audited({ action: 'read', recordType: 'board-pack', detail: { asOf, since: pack.since } });
      return pack;
    },
  });

  app.get('/api/improvement/owners', {
    config: { permission: 'improvement:manage' },
    schema: {
      tags,
      summary: 'The people an action may be given to',
      response: { 200: z.object({ owners: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })) }) },
    },
    handler: async (req) => {
      const users = await db()
        .selectFrom('app_user')
        .select(['user_id', 'display_name', 'role'])
        .where('la_code', '=', req.actor().user.laCode)
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute();
      return { owners: users.map((u) => ({ userId: u.user_id, name: u.display_name, role: u.role })) };
    },
  });
}

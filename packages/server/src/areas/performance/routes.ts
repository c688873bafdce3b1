import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import { INDICATOR_AREAS, INDICATORS, INDICATORS_TO_COME } from '@lantern/core/indicators';
import { isoDate } from '@lantern/core/schemas';
import {
  ACTION_STATUSES,
  benchmarksView,
  boardPackView,
  childrenBehindView,
  improvementActionView as actionView,
  indicatorResultView,
  inspectionView,
  SCOPE_KINDS,
  scopeView,
  teamResultView,
} from '@lantern/core/views/performance';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes, showing } from '../../kernel/http/routes.ts';
import {
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

const scopeKind = z.enum(SCOPE_KINDS);
const kpiQuery = z.object({
  asOf: isoDate.optional().describe('The last day of the period, or the snapshot date (default: today in England)'),
  months: z.coerce.number().int().min(1).max(36).optional().describe('The length of the period in months (default 12)'),
  scope: scopeKind.optional(),
  scopeId: z.string().max(200).optional().describe('The service name, team id or worker id'),
});

const indicatorParams = z.object({ indicatorId: z.string() });

export async function performanceRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['performance']);
  const db = () => fastify.store.db;

  route.get(
    '/api/indicators',
    {
      permission: 'performance:read',
      summary: 'Every indicator Lantern counts: its definition, numerator, denominator, unit, period, source and England figure',
      answer: z.object({ areas: z.record(z.string(), z.string()), indicators: z.array(z.unknown()), toCome: z.array(z.string()) }),
    },
    async () => ({ areas: INDICATOR_AREAS, indicators: [...INDICATORS], toCome: [...INDICATORS_TO_COME] }),
  );

  route.get(
    '/api/kpi',
    {
      permission: 'performance:read',
      summary: 'Every indicator for the council, a service, a team or a worker, for the period ending on a date',
      querystring: kpiQuery,
      answer: z.object({ asOf: z.string(), scope: scopeView, aggregatesOnly: z.boolean(), indicators: z.array(indicatorResultView) }),
    },
    async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      const { aggregatesOnly } = await checkScope(db(), actor.user, scope);
      const asOf = req.query.asOf ?? todayInEngland();
      const indicators = await computeAll(db(), actor.user.laCode, { asOf, months: req.query.months, scope, aggregatesOnly });
      req.audited({ action: 'read', recordType: 'kpi', detail: { asOf, scope } });
      return { asOf, scope, aggregatesOnly, indicators };
    },
  );

  route.get(
    '/api/kpi/:indicatorId',
    {
      permission: 'performance:read',
      summary: 'One indicator, with its monthly trend',
      params: indicatorParams,
      querystring: kpiQuery.extend({ trendMonths: z.coerce.number().int().min(1).max(36).default(12) }),
      answer: z.object({ aggregatesOnly: z.boolean(), result: indicatorResultView, trend: z.array(indicatorResultView) }),
    },
    async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      const { aggregatesOnly } = await checkScope(db(), actor.user, scope);
      const asOf = req.query.asOf ?? todayInEngland();
      const result = await computeIndicator(db(), actor.user.laCode, req.params.indicatorId, { asOf, months: req.query.months, scope, aggregatesOnly });
      const t = await trend(db(), actor.user.laCode, req.params.indicatorId, { asOf, months: req.query.trendMonths, scope, aggregatesOnly });
      return { aggregatesOnly, result, trend: t.points };
    },
  );

  route.get(
    '/api/kpi/:indicatorId/teams',
    {
      permission: 'performance:read',
      summary: 'One indicator for each team (or service), side by side',
      params: indicatorParams,
      querystring: kpiQuery.pick({ asOf: true, months: true }).extend({ by: z.enum(['team', 'service']).default('team') }),
      answer: z.object({ groups: z.array(teamResultView) }),
    },
    async (req) => ({
      groups: await compareTeams(db(), req.actor(), req.params.indicatorId, {
        asOf: req.query.asOf ?? todayInEngland(),
        months: req.query.months,
        by: req.query.by,
      }),
    }),
  );

  route.get(
    '/api/kpi/:indicatorId/children',
    {
      permission: 'performance:read',
      summary: 'The children behind a number (for roles with access to children’s records)',
      params: indicatorParams,
      querystring: kpiQuery.extend({ only: z.enum(['numerator', 'not-numerator']).optional() }),
      answer: childrenBehindView,
    },
    async (req) => {
      const actor = req.actor();
      const scope = parseScope(req.query.scope, req.query.scopeId, actor.user);
      const asOf = req.query.asOf ?? todayInEngland();
      const found = await childrenBehind(db(), actor, req.params.indicatorId, { asOf, months: req.query.months, scope, only: req.query.only });
      req.audited({ action: 'read', recordType: 'indicator-children', recordId: found.id, detail: { asOf, scope, shown: found.children.length } });
      return showing(req, 'indicator-children', found, (f) => f.children);
    },
  );

  route.post(
    '/api/kpi/snapshots',
    {
      permission: 'performance:manage',
      summary: 'Freeze the figures of a closed month, so what the board saw stays what it was',
      body: z.object({ periodEnd: isoDate }),
      created: z.object({ periodEnd: z.string(), frozen: z.number().int(), alreadyFrozen: z.number().int() }),
    },
    (req) => freezeMonth(db(), req.actor(), req.body.periodEnd, todayInEngland()),
  );

  const csvBody = z.object({ csv: z.string().min(1).max(20_000_000).describe('The CSV file’s text') });

  route.post(
    '/api/benchmarks',
    {
      permission: 'performance:manage',
      summary:
        'Load published figures (the DfE local-authority table shape: time_period, geographic_level, region_code, region_name, new_la_code, la_name, indicator, value)',
      body: csvBody,
      created: z.object({ values: z.number().int(), comparators: z.number().int(), skipped: z.number().int() }),
    },
    (req) => loadBenchmarks(db(), req.actor(), req.body.csv),
  );

  route.put(
    '/api/benchmarks/neighbours',
    {
      permission: 'performance:manage',
      summary: 'Load the council’s statistical neighbours as published (la_code, neighbour_la_code, rank)',
      body: csvBody,
      answer: z.object({ neighbours: z.number().int() }),
    },
    async (req) => loadNeighbours(db(), req.actor(), req.body.csv),
  );

  route.get(
    '/api/benchmarks/:indicatorId',
    {
      permission: 'performance:read',
      summary: 'The council against England, its region and its statistical neighbours, year by year',
      params: indicatorParams,
      answer: benchmarksView,
    },
    async (req) => {
      const actor = req.actor();
      const { aggregatesOnly } = await checkScope(db(), actor.user, { kind: 'council', id: '' }).catch(async (e) => {
        // A team manager compares their council too: the council's figure, as aggregates.
        if (e?.status === 403) return { aggregatesOnly: true };
        throw e;
      });
      return compare(db(), actor.user.laCode, req.params.indicatorId, { aggregatesOnly, today: todayInEngland() });
    },
  );

  await improvementRoutes(fastify);
}

async function improvementRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['improvement']);
  const db = () => fastify.store.db;
  const asOfQuery = z.object({ asOf: isoDate.optional() });

  route.get(
    '/api/improvement',
    {
      permission: 'improvement:read',
      summary: 'The improvement plan: inspections and visits, each judgement, recommendations and their actions with owners, due dates and measures',
      querystring: asOfQuery,
      answer: z.object({ asOf: z.string(), inspections: z.array(inspectionView) }),
    },
    (req) => improvementPlan(db(), req.actor(), req.query.asOf ?? todayInEngland()),
  );

  route.post(
    '/api/improvement/inspections',
    {
      permission: 'improvement:manage',
      summary: 'Record an inspection or monitoring visit with each judgement separately (no overall grade from April 2026) and its recommendations',
      body: newInspection,
      created: z.object({ inspectionId: z.uuid(), recommendationIds: z.array(z.uuid()) }),
    },
    (req) => recordInspection(db(), req.actor(), req.body),
  );

  route.post(
    '/api/improvement/recommendations/:recommendationId/actions',
    {
      permission: 'improvement:manage',
      summary: 'Add an action to a recommendation: a named owner, a due date, and an indicator with a target',
      params: z.object({ recommendationId: z.uuid() }),
      body: newAction,
      created: z.object({ actionId: z.uuid(), version: z.number().int() }),
    },
    (req) => addAction(db(), req.actor(), req.params.recommendationId, req.body),
  );

  route.patch(
    '/api/improvement/actions/:actionId',
    {
      permission: 'improvement:update',
      summary: 'Update an action: its owner updates status and evidence; those managing the plan may change anything',
      params: z.object({ actionId: z.uuid() }),
      body: actionChanges,
      answer: z.object({ actionId: z.uuid(), version: z.number().int(), status: z.enum(ACTION_STATUSES) }),
    },
    (req) => updateAction(db(), req.actor(), req.params.actionId, req.body, todayInEngland()),
  );

  route.get(
    '/api/improvement/worklist',
    {
      permission: 'improvement:read',
      summary: 'Overdue and off-track actions: mine, or every owner’s (for those managing the plan)',
      querystring: asOfQuery.extend({ view: z.enum(['mine', 'all']).default('mine') }),
      answer: z.object({ asOf: z.string(), view: z.enum(['mine', 'all']), actions: z.array(actionView) }),
    },
    (req) => actionWorklist(db(), req.actor(), req.query.view, req.query.asOf ?? todayInEngland()),
  );

  route.get(
    '/api/improvement/board-pack',
    {
      permission: 'improvement:read',
      summary: 'The board pack: indicators, the plan’s progress, and what slipped since the last board',
      querystring: asOfQuery.extend({ since: isoDate.optional().describe('The last board’s date (default: a month before)') }),
      answer: boardPackView,
    },
    async (req) => {
      const asOf = req.query.asOf ?? todayInEngland();
      const pack = await boardPack(db(), req.actor(), asOf, req.query.since ?? addCalendarMonths(asOf, -1));
      req.audited({ action: 'read', recordType: 'board-pack', detail: { asOf, since: pack.since } });
      return pack;
    },
  );

  route.get(
    '/api/improvement/owners',
    {
      permission: 'improvement:manage',
      summary: 'The people an action may be given to',
      answer: z.object({ owners: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })) }),
    },
    async (req) => {
      const users = await db()
        .selectFrom('app_user')
        .select(['user_id', 'display_name', 'role'])
        .where('la_code', '=', req.actor().user.laCode)
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute();
      return { owners: users.map((u) => ({ userId: u.user_id, name: u.display_name, role: u.role })) };
    },
  );
}

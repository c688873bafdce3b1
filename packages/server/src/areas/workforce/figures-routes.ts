import { auditQuestionSettings, caseloadSettings, checklistSettings, WORKFORCE_SETTING } from '@lantern/core/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../kernel/http/app.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { putSetting } from '../../kernel/settings.ts';
import { allocationGaps, caseloadHistory, caseloads, churn, teamStats, workforceSettings } from './figures.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const byKind = z.object({ 'child-protection': z.number().int(), 'looked-after': z.number().int(), 'child-in-need': z.number().int() });
const load = z.object({
  id: z.string(),
  name: z.string(),
  workers: z.number().int(),
  fte: z.number(),
  children: z.number().int(),
  weighted: z.number(),
  perFte: z.number().nullable(),
  overCeiling: z.number().int(),
});
const teamMonth = z.object({
  day: z.string(),
  headcount: z.number().int(),
  fte: z.number(),
  agencyFte: z.number(),
  starters: z.number().int(),
  leavers: z.number().int(),
  turnoverRate: z.number().nullable(),
  agencyShare: z.number().nullable(),
  fundedFte: z.number().nullable(),
  vacancies: z.number().nullable(),
});

/** The weekly workforce figures: caseloads, churn, allocation gaps, team turnover. */
export async function workforceFigureRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.get('/api/workforce/caseloads', {
    config: { permission: 'workforce:read' },
    schema: {
      tags: ['workforce'],
      summary: 'Every case holder’s caseload on a day (weighted where the council sets weights) against the ceiling; team and service totals',
      querystring: z.object({ asOf: isoDate.optional(), teamId: z.uuid().optional(), service: z.string().max(100).optional() }),
      response: {
        200: z.object({
          asOf: z.string(),
          settings: caseloadSettings,
          workers: z.array(
            z.object({
              workerId: z.uuid(),
              name: z.string(),
              jobRole: z.string(),
              employment: z.string(),
              fte: z.number(),
              teamId: z.uuid().nullable(),
              teamName: z.string().nullable(),
              service: z.string().nullable(),
              inAsye: z.boolean(),
              children: z.number().int(),
              byKind,
              weighted: z.number(),
              ceiling: z.number(),
              overCeiling: z.boolean(),
            }),
          ),
          teams: z.array(load),
          services: z.array(load),
        }),
      },
    },
    handler: (req) => caseloads(db(), req.actor().user.laCode, req.query),
  });

  app.get('/api/workforce/caseloads/history', {
    config: { permission: 'workforce:read' },
    schema: {
      tags: ['workforce'],
      summary: 'A worker’s, a team’s or the council’s caseload at each month end',
      querystring: z.object({
        asOf: isoDate.optional(),
        workerId: z.uuid().optional(),
        teamId: z.uuid().optional(),
        months: z.coerce.number().int().min(1).max(60).default(12),
      }),
      response: { 200: z.object({ asOf: z.string(), points: z.array(z.object({ day: z.string(), children: z.number().int(), workers: z.number().int() })) }) },
    },
    handler: (req) => caseloadHistory(db(), req.actor().user.laCode, req.query),
  });

  app.get('/api/workforce/churn', {
    config: { permission: 'workforce:report' },
    schema: {
      tags: ['workforce'],
      summary: 'Social workers each child with an open case has had: in the last 12 months and this episode (three or more in 12 months flagged)',
      querystring: z.object({
        asOf: isoDate.optional(),
        teamId: z.uuid().optional(),
        flaggedOnly: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(200),
      }),
      response: {
        200: z.object({
          asOf: z.string(),
          flagAt: z.number().int(),
          counts: z.object({ children: z.number().int(), flagged: z.number().int() }),
          children: z.array(
            z.object({
              childId: z.uuid(),
              laChildId: z.string(),
              name: z.string(),
              episodeStart: z.string(),
              socialWorkersLast12Months: z.number().int(),
              socialWorkersThisEpisode: z.number().int(),
              flagged: z.boolean(),
              currentWorkerId: z.uuid().nullable(),
              currentWorker: z.string().nullable(),
              team: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const found = await churn(db(), req.actor(), { ...req.query, flaggedOnly: req.query.flaggedOnly === 'true' });
      req.shown(
        found.children.map((c) => c.childId),
        { recordType: 'churn' },
      );
      return found;
    },
  });

  app.get('/api/workforce/allocation-gaps', {
    config: { permission: 'workforce:report' },
    schema: {
      tags: ['workforce'],
      summary: 'Children with an open case and no allocated social worker, with how long they have waited',
      querystring: z.object({ asOf: isoDate.optional(), limit: z.coerce.number().int().min(1).max(5000).default(200) }),
      response: {
        200: z.object({
          asOf: z.string(),
          children: z.array(
            z.object({
              childId: z.uuid(),
              laChildId: z.string(),
              name: z.string(),
              unallocatedSince: z.string(),
              days: z.number().int(),
              lastTeam: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const found = await allocationGaps(db(), req.actor(), req.query);
      req.shown(
        found.children.map((c) => c.childId),
        { recordType: 'allocation-gap' },
      );
      return found;
    },
  });

  app.get('/api/workforce/team-stats', {
    config: { permission: 'workforce:report' },
    schema: {
      tags: ['workforce'],
      summary: 'Each team at each month end: in post, agency share, starters and leavers over 12 months, turnover rate, vacancies',
      querystring: z.object({ asOf: isoDate.optional(), teamId: z.uuid().optional(), months: z.coerce.number().int().min(1).max(36).default(12) }),
      response: {
        200: z.object({
          asOf: z.string(),
          teams: z.array(z.object({ teamId: z.uuid(), name: z.string(), service: z.string(), current: teamMonth, months: z.array(teamMonth) })),
        }),
      },
    },
    handler: (req) => teamStats(db(), req.actor().user.laCode, req.query),
  });

  app.put('/api/settings/caseload', {
    config: { permission: 'settings:manage' },
    schema: {
      tags: ['workforce'],
      summary: 'The council’s caseload ceiling (per full-time worker) and the weight of each kind of case',
      body: caseloadSettings,
      response: { 200: caseloadSettings },
    },
    handler: async (req) => {
      const actor = req.actor();
      await change(db(), actor, (ledger) => putSetting(ledger, 'workforce.caseload', req.body, req.body));
      return (await workforceSettings(db(), actor.user.laCode)).caseload;
    },
  });

  // The induction checklist applies to starters from now on (each keeps the checklist they started with);
  // audit questions apply to audits from now on.
  for (const [path, key, body, summary] of [
    ['/api/settings/induction-checklist', WORKFORCE_SETTING.inductionChecklist, checklistSettings, 'The council’s induction checklist for new starters'],
    ['/api/settings/audit-questions', WORKFORCE_SETTING.auditQuestions, auditQuestionSettings, 'The council’s case audit questions'],
  ] as const) {
    app.put(path, {
      config: { permission: 'settings:manage' },
      schema: { tags: ['workforce'], summary, body, response: { 200: z.object({ key: z.string(), items: z.number().int() }) } },
      handler: async (req) => {
        const actor = req.actor();
        const ids = (req.body as { id: string }[]).map((i) => i.id);
        if (new Set(ids).size !== ids.length) throw invalid([{ field: 'id', rule: 'unique', message: 'Each item needs its own id' }]);
        await change(db(), actor, (ledger) => putSetting(ledger, key, req.body));
        return { key, items: ids.length };
      },
    });
  }
}

import { auditQuestionSettings, caseloadSettings, checklistSettings, WORKFORCE_SETTING } from '@lantern/core/workforce';
import { allocationGapsView, caseloadsView, churnView, teamStatsView } from '@lantern/core/views/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../kernel/http/app.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { putSetting } from '../../kernel/settings.ts';
import { allocationGaps, caseloadHistory, caseloads, churn, teamStats, workforceSettings } from './figures.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
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
      response: { 200: caseloadsView },
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
      response: { 200: churnView },
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
      response: { 200: allocationGapsView },
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
      response: { 200: teamStatsView },
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

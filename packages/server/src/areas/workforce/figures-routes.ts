import { auditQuestionSettings, caseloadSettings, checklistSettings, WORKFORCE_SETTING } from '@lantern/core/workforce';
import { allocationGapsView, caseloadsView, churnView, teamStatsView } from '@lantern/core/views/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes, showing } from '../../kernel/http/routes.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { putSetting } from '../../kernel/settings.ts';
import { allocationGaps, churn } from './children-figures.ts';
import { caseloadHistory, caseloads, workforceSettings } from './figures.ts';
import { teamStats } from './team-stats.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The weekly workforce figures: caseloads, churn, allocation gaps, team turnover. */
export async function workforceFigureRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['workforce']);
  const db = () => fastify.store.db;

  route.get(
    '/api/workforce/caseloads',
    {
      permission: 'workforce:read',
      summary: 'Every case holder’s caseload on a day (weighted where the council sets weights) against the ceiling; team and service totals',
      querystring: z.object({ asOf: isoDate.optional(), teamId: z.uuid().optional(), service: z.string().max(100).optional() }),
      answer: caseloadsView,
    },
    (req) => caseloads(db(), req.actor().user.laCode, req.query),
  );

  route.get(
    '/api/workforce/caseloads/history',
    {
      permission: 'workforce:read',
      summary: 'A worker’s, a team’s or the council’s caseload at each month end',
      querystring: z.object({
        asOf: isoDate.optional(),
        workerId: z.uuid().optional(),
        teamId: z.uuid().optional(),
        months: z.coerce.number().int().min(1).max(60).default(12),
      }),
      answer: z.object({ asOf: z.string(), points: z.array(z.object({ day: z.string(), children: z.number().int(), workers: z.number().int() })) }),
    },
    (req) => caseloadHistory(db(), req.actor().user.laCode, req.query),
  );

  route.get(
    '/api/workforce/churn',
    {
      permission: 'workforce:report',
      summary: 'Social workers each child with an open case has had: in the last 12 months and this episode (three or more in 12 months flagged)',
      querystring: z.object({
        asOf: isoDate.optional(),
        teamId: z.uuid().optional(),
        flaggedOnly: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(200),
      }),
      answer: churnView,
    },
    async (req) =>
      showing(req, 'churn', await churn(db(), req.actor(), { ...req.query, flaggedOnly: req.query.flaggedOnly === 'true' }), (found) => found.children),
  );

  route.get(
    '/api/workforce/allocation-gaps',
    {
      permission: 'workforce:report',
      summary: 'Children with an open case and no allocated social worker, with how long they have waited',
      querystring: z.object({ asOf: isoDate.optional(), limit: z.coerce.number().int().min(1).max(5000).default(200) }),
      answer: allocationGapsView,
    },
    async (req) => showing(req, 'allocation-gap', await allocationGaps(db(), req.actor(), req.query), (found) => found.children),
  );

  route.get(
    '/api/workforce/team-stats',
    {
      permission: 'workforce:report',
      summary: 'Each team at each month end: in post, agency share, starters and leavers over 12 months, turnover rate, vacancies',
      querystring: z.object({ asOf: isoDate.optional(), teamId: z.uuid().optional(), months: z.coerce.number().int().min(1).max(36).default(12) }),
      answer: teamStatsView,
    },
    (req) => teamStats(db(), req.actor().user.laCode, req.query),
  );

  route.put(
    '/api/settings/caseload',
    {
      permission: 'settings:manage',
      summary: 'The council’s caseload ceiling (per full-time worker) and the weight of each kind of case',
      body: caseloadSettings,
      answer: caseloadSettings,
    },
    async (req) => {
      const actor = req.actor();
      await change(db(), actor, (ledger) => putSetting(ledger, 'workforce.caseload', req.body, req.body));
      return (await workforceSettings(db(), actor.user.laCode)).caseload;
    },
  );

  // The induction checklist applies to starters from now on (each keeps the checklist they started with);
  // audit questions apply to audits from now on.
  for (const [path, key, body, summary] of [
    ['/api/settings/induction-checklist', WORKFORCE_SETTING.inductionChecklist, checklistSettings, 'The council’s induction checklist for new starters'],
    ['/api/settings/audit-questions', WORKFORCE_SETTING.auditQuestions, auditQuestionSettings, 'The council’s case audit questions'],
  ] as const) {
    route.put(path, { permission: 'settings:manage', summary, body, answer: z.object({ key: z.string(), items: z.number().int() }) }, async (req) => {
      const actor = req.actor();
      const ids = (req.body as { id: string }[]).map((i) => i.id);
      if (new Set(ids).size !== ids.length) throw invalid([{ field: 'id', rule: 'unique', message: 'Each item needs its own id' }]);
      await change(db(), actor, (ledger) => putSetting(ledger, key, req.body));
      return { key, items: ids.length };
    });
  }
}

/**
 * The improvement plan: inspections and monitoring visits with each judgement on its own, their
 * recommendations, and the actions that answer them, each with a named owner, a due date, a
 * status, the evidence, and an indicator with a target that shows whether it worked.
 */
import { randomUUID } from 'node:crypto';
import { indicatorById, targetMet } from '@lantern/core/indicators';
import { scopeFor } from '@lantern/core/permissions';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { forbidden, invalid, staleVersion } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { computeAll, computeIndicator, councilPopulation } from './service.ts';

import { isoDate } from '@lantern/core/schemas';

/** From 1 April 2026 Ofsted gives no single overall grade: each area is judged on its own. */
export const NO_OVERALL_GRADE_FROM = '2026-04-01';
export const OVERALL_AREA = 'overall-effectiveness';

export const INSPECTION_KINDS = ['ilacs-standard', 'ilacs-short', 'monitoring-visit', 'focused-visit', 'jtai', 'other'] as const;
import { ACTION_STATUSES, type IndicatorResult } from '@lantern/core/views/performance';

export { ACTION_STATUSES };

export const newInspection = z.object({
  kind: z.enum(INSPECTION_KINDS),
  framework: z.string().min(1).max(200).describe('e.g. "ILACS 2023", "Children’s social care report card 2026"'),
  startedOn: isoDate,
  publishedOn: isoDate.nullish(),
  findings: z.string().min(1).max(20000),
  judgements: z
    .array(z.object({ area: z.string().min(1).max(200), grade: z.string().min(1).max(200) }))
    .max(20)
    .default([]),
  recommendations: z
    .array(z.object({ number: z.number().int().min(1), text: z.string().min(1).max(5000) }))
    .max(50)
    .default([]),
});

export const newAction = z.object({
  title: z.string().min(1).max(1000),
  ownerUserId: z.uuid(),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES).default('not-started'),
  indicatorId: z.string().nullish(),
  target: z.number().nullish(),
  baseline: z.number().nullish(),
});

export const actionChanges = z.object({
  version: z.number().int(),
  status: z.enum(ACTION_STATUSES).optional(),
  evidence: z.string().min(1).max(20000).nullish(),
  completedOn: isoDate.nullish(),
  dueDate: isoDate.optional(),
  ownerUserId: z.uuid().optional(),
  target: z.number().nullish(),
});

export async function recordInspection(db: Kysely<Database>, actor: Actor, body: z.infer<typeof newInspection>) {
  const laCode = actor.user.laCode;
  const errors = [];
  if (body.startedOn >= NO_OVERALL_GRADE_FROM && body.judgements.some((j) => j.area === OVERALL_AREA))
    errors.push({
      field: 'judgements',
      rule: 'no-overall-grade',
      message: 'From April 2026 Ofsted gives no single overall grade: record each area’s judgement on its own',
    });
  const areas = body.judgements.map((j) => j.area);
  if (new Set(areas).size !== areas.length) errors.push({ field: 'judgements', rule: 'one-per-area', message: 'Each area is judged once' });
  const numbers = body.recommendations.map((r) => r.number);
  if (new Set(numbers).size !== numbers.length) errors.push({ field: 'recommendations', rule: 'unique-number', message: 'Number each recommendation once' });
  if (body.publishedOn && body.publishedOn < body.startedOn)
    errors.push({ field: 'publishedOn', rule: 'not-before-start', message: 'Published after it started' });
  if (errors.length) throw invalid(errors);
  return change(db, actor, async (ledger) => {
    const { inspection_id: inspectionId } = await insertNew(ledger, 'inspection', {
      kind: body.kind,
      framework: body.framework,
      started_on: body.startedOn,
      published_on: body.publishedOn ?? null,
      findings: body.findings,
      created_by: actor.user.userId,
    });
    await ledger.insertMany(
      'inspection_judgement',
      body.judgements.map((j) => ({ la_code: laCode, inspection_id: inspectionId, judgement_area: j.area, grade: j.grade })),
    );
    const recommendationIds = body.recommendations.map(() => randomUUID());
    await ledger.insertMany(
      'recommendation',
      body.recommendations.map((r, i) => ({
        la_code: laCode,
        recommendation_id: recommendationIds[i] as string,
        inspection_id: inspectionId,
        number: r.number,
        text: r.text,
      })),
    );
    return { inspectionId, recommendationIds };
  });
}

async function checkIndicatorTarget(indicatorId: string | null | undefined, target: number | null | undefined) {
  if (indicatorId && !indicatorById(indicatorId)) throw invalid([{ field: 'indicatorId', rule: 'indicator-id', message: 'Not an indicator id' }]);
  if (!!indicatorId !== (target !== null && target !== undefined))
    throw invalid([
      { field: indicatorId ? 'target' : 'indicatorId', rule: 'measure-needs-target', message: 'A measure is an indicator with a target: give both' },
    ]);
}

async function checkOwner(db: Kysely<Database>, laCode: string, ownerUserId: string) {
  const owner = await db
    .selectFrom('app_user')
    .select('user_id')
    .where('la_code', '=', laCode)
    .where('user_id', '=', ownerUserId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!owner) throw invalid([{ field: 'ownerUserId', rule: 'named-owner', message: 'The owner must be a user of this council' }]);
}

export async function addAction(db: Kysely<Database>, actor: Actor, recommendationId: string, body: z.infer<typeof newAction>) {
  const laCode = actor.user.laCode;
  await findByKey(db, laCode, 'recommendation', { recommendation_id: recommendationId }, 'recommendation');
  await checkIndicatorTarget(body.indicatorId, body.target);
  await checkOwner(db, laCode, body.ownerUserId);
  if (body.status === 'done') throw invalid([{ field: 'status', rule: 'evidence-required', message: 'Mark an action done with its evidence, once it exists' }]);
  return change(db, actor, async (ledger) => {
    const written = await insertNew(ledger, 'improvement_action', {
      recommendation_id: recommendationId,
      title: body.title,
      owner_user_id: body.ownerUserId,
      due_date: body.dueDate,
      status: body.status,
      indicator_id: body.indicatorId ?? null,
      target: body.target ?? null,
      baseline: body.baseline ?? null,
      created_by: actor.user.userId,
      updated_by: actor.user.userId,
    });
    return { actionId: written.action_id, version: written.version };
  });
}

/**
 * An owner updates their action (status, evidence); those who manage the plan may change any,
 * including its owner, due date and target. Done needs evidence and a date. Stale versions get 409.
 */
export async function updateAction(db: Kysely<Database>, actor: Actor, actionId: string, body: z.infer<typeof actionChanges>, today: string) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const current = await ledger.find('improvement_action', { action_id: actionId }, 'improvement action');
    const scope = scopeFor(actor.user.role, 'improvement:update');
    const manages = !!scopeFor(actor.user.role, 'improvement:manage');
    if (!(scope === 'council' || (scope === 'own' && current.owner_user_id === actor.user.userId)))
      throw forbidden('Only the action’s owner or those managing the plan may update it');
    if (!manages && (body.ownerUserId !== undefined || body.dueDate !== undefined || body.target !== undefined))
      throw forbidden('Only those managing the plan may change an action’s owner, due date or target');
    if (current.version !== body.version) throw staleVersion(current.version, body.version);
    const status = body.status ?? current.status;
    const evidence = body.evidence === undefined ? current.evidence : body.evidence;
    const completedOn = status === 'done' ? (body.completedOn ?? current.completed_on ?? today) : null;
    if (status === 'done' && !evidence) throw invalid([{ field: 'evidence', rule: 'evidence-required', message: 'Say what shows the action is done' }]);
    if (completedOn && completedOn > today) throw invalid([{ field: 'completedOn', rule: 'not-in-future', message: 'An action is done on or before today' }]);
    if (body.ownerUserId) await checkOwner(trx, laCode, body.ownerUserId);
    if (body.target !== undefined) await checkIndicatorTarget(current.indicator_id, body.target);
    const next = {
      status,
      evidence: evidence ?? null,
      completed_on: completedOn,
      due_date: body.dueDate ?? current.due_date,
      owner_user_id: body.ownerUserId ?? current.owner_user_id,
      target: body.target === undefined ? current.target : body.target,
      updated_by: actor.user.userId,
      updated_at: new Date(),
    };
    const { version } = await ledger.update('improvement_action', { action_id: actionId }, next, { fromVersion: body.version, detail: { status } });
    return { actionId, version, status };
  });
}

type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

function actionRows(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('improvement_action as a')
    .innerJoin('recommendation as r', (j) => j.onRef('r.la_code', '=', 'a.la_code').onRef('r.recommendation_id', '=', 'a.recommendation_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'a.la_code').onRef('u.user_id', '=', 'a.owner_user_id'))
    .select([
      'a.action_id',
      'a.recommendation_id',
      'r.number as recommendation_number',
      'r.inspection_id',
      'a.title',
      'a.owner_user_id',
      'u.display_name as owner_name',
      'a.due_date',
      'a.status',
      'a.evidence',
      'a.completed_on',
      'a.indicator_id',
      'a.target',
      'a.baseline',
      'a.version',
    ])
    .where('a.la_code', '=', laCode)
    .orderBy('r.number')
    .orderBy('a.due_date')
    .execute();
}

type Measured = Map<string, IndicatorResult>;

/**
 * Each indicator the actions are measured by, counted once as of the date: many actions share one,
 * and the board pack already has every council figure (`known`), so it counts none again.
 */
async function measuresFor(db: Kysely<Database>, laCode: string, actions: ActionRow[], asOf: string, aggregatesOnly: boolean, known: IndicatorResult[] = []) {
  const measured: Measured = new Map(known.map((r) => [r.id, r]));
  const wanted = [...new Set(actions.flatMap((a) => (a.indicator_id && indicatorById(a.indicator_id) ? [a.indicator_id] : [])))].filter(
    (id) => !measured.has(id),
  );
  if (wanted.length === 0) return measured;
  const population = await councilPopulation(db, laCode);
  for (const id of wanted) measured.set(id, await computeIndicator(db, laCode, id, { asOf, aggregatesOnly, population }));
  return measured;
}

function actionView(a: ActionRow, asOf: string, measures: Measured) {
  const def = a.indicator_id ? indicatorById(a.indicator_id) : undefined;
  const measured = def ? measures.get(def.id) : null;
  const overdue = a.status !== 'done' && a.due_date < asOf;
  return {
    actionId: a.action_id,
    recommendationId: a.recommendation_id,
    recommendationNumber: a.recommendation_number,
    inspectionId: a.inspection_id,
    title: a.title,
    ownerUserId: a.owner_user_id,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    status: a.status,
    evidence: a.evidence,
    completedOn: a.completed_on,
    overdue,
    version: a.version,
    measure: def
      ? {
          indicatorId: def.id,
          title: def.title,
          unit: def.unit,
          target: a.target === null ? null : Number(a.target),
          baseline: a.baseline === null ? null : Number(a.baseline),
          current: measured?.value ?? null,
          targetMet: a.target === null ? null : targetMet(measured?.value ?? null, Number(a.target), def.higherIsBetter),
        }
      : null,
  };
}

export type ActionView = ReturnType<typeof actionView>;

/** The whole plan: each inspection with its judgements, recommendations and their actions, measured as of a date. */
export async function improvementPlan(db: Kysely<Database>, actor: Actor, asOf: string, known: IndicatorResult[] = []) {
  const laCode = actor.user.laCode;
  const aggregatesOnly = !scopeFor(actor.user.role, 'child:read');
  const [inspections, judgements, recommendations, actions] = await Promise.all([
    db.selectFrom('inspection').selectAll().where('la_code', '=', laCode).orderBy('started_on', 'desc').execute(),
    db.selectFrom('inspection_judgement').selectAll().where('la_code', '=', laCode).execute(),
    db.selectFrom('recommendation').selectAll().where('la_code', '=', laCode).orderBy('number').execute(),
    actionRows(db, laCode),
  ]);
  const measures = await measuresFor(db, laCode, actions, asOf, aggregatesOnly, known);
  const views = actions.map((a) => actionView(a, asOf, measures));
  return {
    asOf,
    inspections: inspections.map((i) => ({
      inspectionId: i.inspection_id,
      kind: i.kind,
      framework: i.framework,
      startedOn: i.started_on,
      publishedOn: i.published_on,
      findings: i.findings,
      judgements: judgements.filter((j) => j.inspection_id === i.inspection_id).map((j) => ({ area: j.judgement_area, grade: j.grade })),
      recommendations: recommendations
        .filter((r) => r.inspection_id === i.inspection_id)
        .map((r) => ({
          recommendationId: r.recommendation_id,
          number: r.number,
          text: r.text,
          actions: views.filter((v) => v.recommendationId === r.recommendation_id),
        })),
    })),
  };
}

/**
 * Actions needing attention: overdue (past due, not done) or off track. "mine" are the user's
 * own; "all" (for those managing the plan, the director's view) every owner's.
 */
export async function actionWorklist(db: Kysely<Database>, actor: Actor, view: 'mine' | 'all', asOf: string) {
  if (view === 'all' && !scopeFor(actor.user.role, 'improvement:manage')) throw forbidden('The whole plan’s worklist is for those managing the plan');
  const aggregatesOnly = !scopeFor(actor.user.role, 'child:read');
  const rows = (await actionRows(db, actor.user.laCode)).filter(
    (a) => (view === 'all' || a.owner_user_id === actor.user.userId) && a.status !== 'done' && (a.due_date < asOf || a.status === 'off-track'),
  );
  const measures = await measuresFor(db, actor.user.laCode, rows, asOf, aggregatesOnly);
  const actions = rows.map((a) => actionView(a, asOf, measures));
  return { asOf, view, actions: actions.sort((x, y) => x.dueDate.localeCompare(y.dueDate)) };
}

/**
 * The board pack: the council's indicators, the plan's progress, and what slipped since the last
 * board (an action that fell due since then undone, or was marked off track since then).
 */
export async function boardPack(db: Kysely<Database>, actor: Actor, asOf: string, since: string) {
  if (since >= asOf) throw invalid([{ field: 'since', rule: 'before-as-of', message: 'The last board met before this one' }]);
  const laCode = actor.user.laCode;
  const aggregatesOnly = !scopeFor(actor.user.role, 'child:read');
  const indicators = await computeAll(db, laCode, { asOf, aggregatesOnly });
  const plan = await improvementPlan(db, actor, asOf, indicators);
  const actions = plan.inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions));
  const versions = await db
    .selectFrom('record_version')
    .select(['record_id', 'version', 'data', 'changed_at'])
    .where('la_code', '=', laCode)
    .where('record_type', '=', 'improvement-action')
    .execute();
  const offTrackSince = new Set(
    versions
      .filter((v) => {
        const d = (typeof v.data === 'string' ? JSON.parse(v.data) : v.data) as { status?: string };
        return d.status === 'off-track' && new Date(v.changed_at).toISOString().slice(0, 10) > since;
      })
      .map((v) => v.record_id),
  );
  const slipped = actions.filter(
    (a) => a.status !== 'done' && ((a.dueDate > since && a.dueDate < asOf) || (a.status === 'off-track' && offTrackSince.has(a.actionId))),
  );
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length])) as Record<
    (typeof ACTION_STATUSES)[number],
    number
  >;
  const doneSince = actions.filter((a) => a.completedOn && a.completedOn > since && a.completedOn <= asOf);
  const previous = await computeAll(db, laCode, { asOf: since, aggregatesOnly });
  return {
    asOf,
    since,
    aggregatesOnly,
    council: (await db.selectFrom('local_authority').select('name').where('la_code', '=', laCode).executeTakeFirst())?.name ?? laCode,
    indicators: indicators.map((r) => ({ ...r, previous: previous.find((p) => p.id === r.id)?.value ?? null })),
    progress: { total: actions.length, ...byStatus, overdue: actions.filter((a) => a.overdue).length, doneSince: doneSince.length },
    slipped,
    doneSince,
    inspections: plan.inspections.map((i) => ({ ...i, recommendations: i.recommendations.map((r) => ({ ...r, actions: r.actions })) })),
  };
}

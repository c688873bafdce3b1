/** Structured risk assessments, with the manager's view beside the worker's. */
import type { managerView, newRiskAssessment } from '@lantern/core/workforce';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { childFor } from '../../kernel/access.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

/** Worker more hopeful than their manager by this many points on the safety scale: over-optimism. */
const OPTIMISM_GAP = 2;

export async function recordRiskAssessment(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newRiskAssessment>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('assessedOn', input.assessedOn).check();
    const { risk_assessment_id: id } = await insertNew(ledger, 'risk_assessment', {
      child_id: childId,
      assessed_on: input.assessedOn,
      worries: input.worries,
      strengths: input.strengths,
      next_steps: input.nextSteps,
      worker_scale: input.workerScale,
      family_scale: input.familyScale ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.assessedOn,
      category: 'case-note',
      summary: `Risk assessment: safety ${input.workerScale}/10 (worker)${input.familyScale != null ? `, ${input.familyScale}/10 (family)` : ''}`,
      recordType: 'risk-assessment',
      recordId: id,
    });
    return { riskAssessmentId: id };
  });
}

export async function recordManagerView(db: Kysely<Database>, actor: Actor, childId: string, riskAssessmentId: string, input: z.infer<typeof managerView>) {
  return step(db, actor, childId, async (ledger) => {
    const ra = await ledger.find('risk_assessment', { risk_assessment_id: riskAssessmentId, child_id: childId }, 'risk assessment', { lock: true });
    if (ra.recorded_by === actor.user.userId)
      throw invalid([{ field: 'managerScale', rule: 'second-view', message: 'The manager’s view is another person’s' }]);
    new DateRules().notInFuture('on', input.on).notBefore('on', input.on, ra.assessed_on, 'the assessment').check();
    const { version } = await ledger.update(
      'risk_assessment',
      { risk_assessment_id: riskAssessmentId },
      { manager_scale: input.managerScale, manager_view: input.view, manager_user_id: actor.user.userId, manager_on: input.on },
      { fromVersion: input.version },
    );
    ledger.chronicle({
      occurredOn: input.on,
      category: 'management-decision',
      summary: `Manager’s view of the risk assessment: safety ${input.managerScale}/10 (worker ${ra.worker_scale}/10) — ${input.view}`,
      recordType: 'risk-assessment',
      recordId: riskAssessmentId,
    });
    return { riskAssessmentId, version };
  });
}

export async function riskAssessments(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('risk_assessment as r')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'r.la_code').onRef('u.user_id', '=', 'r.recorded_by'))
    .leftJoin('app_user as m', (j) => j.onRef('m.la_code', '=', 'r.la_code').onRef('m.user_id', '=', 'r.manager_user_id'))
    .select([
      'r.risk_assessment_id',
      'r.assessed_on',
      'r.worries',
      'r.strengths',
      'r.next_steps',
      'r.worker_scale',
      'r.family_scale',
      'r.manager_scale',
      'r.manager_view',
      'r.manager_on',
      'r.version',
      'u.display_name as recorded_by',
      'm.display_name as manager',
    ])
    .where(ofChild('r', actor.user.laCode, childId))
    .orderBy('r.assessed_on', 'desc')
    .execute();
  return {
    riskAssessments: rows.map((r) => {
      const gap = r.manager_scale === null ? null : r.worker_scale - r.manager_scale;
      return {
        riskAssessmentId: r.risk_assessment_id,
        assessedOn: r.assessed_on,
        worries: r.worries,
        strengths: r.strengths,
        nextSteps: r.next_steps,
        workerScale: r.worker_scale,
        familyScale: r.family_scale,
        recordedBy: r.recorded_by,
        managerScale: r.manager_scale,
        managerView: r.manager_view,
        manager: r.manager,
        managerOn: r.manager_on,
        gap,
        // Higher on the scale is safer: a worker well above their manager is over-optimistic.
        overOptimistic: gap !== null && gap >= OPTIMISM_GAP,
        version: r.version,
      };
    }),
  };
}

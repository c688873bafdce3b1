/** Child in need plans (started, reviewed, ended) and visits to the child. */
import { type endCinPlan, type newCinPlan, type newCinPlanReview, type newVisit, VISIT_PURPOSE } from '@lantern/core/pathway';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { currentEpisode, openSpan } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { startOnEpisode } from './on-episode.ts';

type In<T extends z.ZodType> = z.infer<T>;

export async function startCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newCinPlan>) {
  return step(db, actor, childId, async (ledger) => {
    const started = { startDate: input.startDate, category: 'plan', summary: 'Child in need plan started' };
    const { cin_plan_id: cinPlanId } = await startOnEpisode(ledger, actor, childId, 'cin_plan', started, async () => {
      const open = await openSpan(ledger.db, 'cin_plan', actor.user.laCode, childId).executeTakeFirst();
      if (open)
        throw conflict('The child already has a child in need plan', [{ field: 'startDate', rule: 'cin-plan-open', message: 'End the current plan first' }]);
    });
    return { cinPlanId };
  });
}

async function openCinPlan(trx: Kysely<Database>, laCode: string, childId: string) {
  const plan = await openSpan(trx, 'cin_plan', laCode, childId).executeTakeFirst();
  if (!plan)
    throw conflict('The child has no child in need plan', [{ field: 'childId', rule: 'cin-plan-required', message: 'Start a child in need plan first' }]);
  return plan;
}

export async function reviewCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newCinPlanReview>) {
  return step(db, actor, childId, async (ledger) => {
    const plan = await openCinPlan(ledger.db, actor.user.laCode, childId);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, plan.start_date, 'the plan started').check();
    const { review_id: reviewId } = await insertNew(ledger, 'cin_plan_review', {
      cin_plan_id: plan.cin_plan_id,
      child_id: childId,
      held_on: input.heldOn,
      child_met_decider: input.childMetDecider,
      parents_met_decider: input.parentsMetDecider,
      child_words: input.childWords ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'plan',
      summary: `Child in need plan reviewed${input.childWords ? ` — the child said: “${input.childWords}”` : ''}`,
      recordType: 'cin-plan-review',
      recordId: reviewId,
    });
    return { reviewId };
  });
}

export async function closeCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof endCinPlan>) {
  return step(db, actor, childId, async (ledger) => {
    const plan = await openCinPlan(ledger.db, actor.user.laCode, childId);
    new DateRules().notInFuture('endDate', input.endDate).notBefore('endDate', input.endDate, plan.start_date, 'the plan started').check();
    await ledger.update('cin_plan', { cin_plan_id: plan.cin_plan_id }, { end_date: input.endDate }, { detail: { ended: true } });
    ledger.chronicle({
      occurredOn: input.endDate,
      category: 'plan',
      summary: `Child in need plan ended: ${input.reasons}`,
      recordType: 'cin-plan',
      recordId: plan.cin_plan_id,
    });
    return { cinPlanId: plan.cin_plan_id };
  });
}

export async function recordVisit(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newVisit>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('visitedOn', input.visitedOn).check();
    const episode = await currentEpisode(ledger.db, actor.user.laCode, childId);
    const { visit_id: visitId } = await insertNew(ledger, 'visit', {
      child_id: childId,
      episode_id: episode?.episode_id ?? null,
      visited_on: input.visitedOn,
      purpose: input.purpose,
      child_seen: input.childSeen,
      seen_alone: input.seenAlone,
      child_words: input.childWords ?? null,
      worker_id: actor.user.workerId,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.visitedOn,
      category: 'visit',
      summary: `${VISIT_PURPOSE[input.purpose]}: ${seenOnVisit(input)}${input.childWords ? ` — “${input.childWords}”` : ''}`,
      recordType: 'visit',
      recordId: visitId,
    });
    return { visitId };
  });
}

/** Whether the child was seen on a visit, as the chronology says it (any visit's: child in need, looked-after). */
export const seenOnVisit = (visit: { childSeen: boolean; seenAlone: boolean }) =>
  visit.childSeen ? (visit.seenAlone ? 'child seen alone' : 'child seen') : 'child not seen';

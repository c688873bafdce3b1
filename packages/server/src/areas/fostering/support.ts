/**
 * Supporting approved carers: the supervising social worker's visits (some unannounced), the
 * annual review of approval, training (and the TSD standards), and allegations with their outcome.
 */
import {
  ALLEGATION_OUTCOME,
  type allegationOutcome,
  type carerAllegation,
  type carerReview,
  type carerTraining,
  type supervisingVisit,
} from '@lantern/core/fostering';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { activeHouseholdChange, addToHousehold, householdChange, householdFor, knownChild } from './households.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The day the household's approval (or a temporary approval) began; refused when it has none. */
const approvedFrom = (h: { decision: string | null; decision_on: string | null; temporary_from: string | null }, field: string) => {
  const from = h.decision === 'approved' ? h.decision_on : h.temporary_from;
  if (!from) throw conflict('Not approved', [{ field, rule: 'approved-household', message: 'The household is not approved yet' }]);
  return from;
};

export async function recordVisit(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof supervisingVisit>) {
  return activeHouseholdChange(db, actor, householdId, async (ledger, h) => {
    new DateRules().notInFuture('visitedOn', input.visitedOn).notBefore('visitedOn', input.visitedOn, approvedFrom(h, 'visitedOn'), 'the approval').check();
    const row = await addToHousehold(ledger, 'foster_visit', householdId, {
      visited_on: input.visitedOn,
      unannounced: input.unannounced,
      notes: input.notes,
      worker_id: actor.user.workerId,
    });
    return { visitId: row.visit_id };
  });
}

export async function recordReview(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof carerReview>) {
  return activeHouseholdChange(db, actor, householdId, async (ledger, h) => {
    if (h.decision !== 'approved') throw conflict('Not approved', [{ field: 'heldOn', rule: 'approved-household', message: 'Only an approval is reviewed' }]);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, h.decision_on, 'the approval').check();
    const row = await addToHousehold(ledger, 'foster_review', householdId, {
      held_on: input.heldOn,
      outcome: input.outcome,
      carers_views: input.carersViews,
      notes: input.notes,
    });
    return { reviewId: row.review_id };
  });
}

export async function recordTraining(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof carerTraining>) {
  return activeHouseholdChange(db, actor, householdId, async (ledger, h) => {
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, h.enquiry_on, 'the enquiry').check();
    const row = await addToHousehold(ledger, 'foster_training', householdId, {
      completed_on: input.completedOn,
      title: input.title,
      tsd_standards: input.tsdStandards,
    });
    return { trainingId: row.training_id };
  });
}

export async function recordAllegation(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof carerAllegation>) {
  return householdChange(db, actor, householdId, async (ledger) => {
    const h = await householdFor(ledger, householdId);
    new DateRules().notInFuture('madeOn', input.madeOn).notBefore('madeOn', input.madeOn, h.enquiry_on, 'the enquiry').check();
    if (input.childId) await knownChild(ledger, input.childId);
    const row = await addToHousehold(ledger, 'foster_allegation', householdId, {
      child_id: input.childId ?? null,
      made_on: input.madeOn,
      summary: input.summary,
    });
    // An allegation about a child's carers is on that child's chronology.
    if (input.childId)
      ledger.chronicle({
        childId: input.childId,
        occurredOn: input.madeOn,
        category: 'looked-after',
        summary: `Allegation against the foster carers (${h.name}): ${input.summary}`,
        recordType: 'foster-allegation',
        recordId: row.allegation_id,
      });
    return { allegationId: row.allegation_id };
  });
}

export async function recordAllegationOutcome(db: Kysely<Database>, actor: Actor, allegationId: string, input: In<typeof allegationOutcome>) {
  const a = await findByKey(db, actor.user.laCode, 'foster_allegation', { allegation_id: allegationId }, 'allegation');
  return householdChange(db, actor, a.household_id, async (ledger) => {
    const row = await ledger.find('foster_allegation', { allegation_id: allegationId }, 'allegation', { lock: true });
    if (row.outcome) throw conflict('Already concluded', [{ field: 'outcome', rule: 'already-concluded', message: `Concluded on ${row.outcome_on}` }]);
    new DateRules().notInFuture('outcomeOn', input.outcomeOn).notBefore('outcomeOn', input.outcomeOn, row.made_on, 'the allegation').check();
    const out = await ledger.update(
      'foster_allegation',
      { allegation_id: allegationId },
      { outcome: input.outcome, outcome_on: input.outcomeOn },
      { fromVersion: input.version },
    );
    if (row.child_id)
      ledger.chronicle({
        childId: row.child_id,
        occurredOn: input.outcomeOn,
        category: 'looked-after',
        summary: `Allegation against the foster carers concluded: ${ALLEGATION_OUTCOME[input.outcome].toLowerCase()}`,
        recordType: 'foster-allegation',
        recordId: allegationId,
      });
    return { allegationId, version: out.version };
  });
}

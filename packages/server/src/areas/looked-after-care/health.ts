/** The health and education of looked-after children: health checks, outcomes, personal education plans. */
import { randomUUID } from 'node:crypto';
import { HEALTH_CHECK_KIND, type newHealthCheck, type newHealthOutcome, type newPep } from '@lantern/core/care';
import type { Kysely } from 'kysely';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { entry, type In } from './shared.ts';

// ---------------------------------------------------------------------------
// Health and education

export async function recordHealthCheck(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHealthCheck>) {
  return step(db, actor, childId, async (ledger, child) => {
    new DateRules().notInFuture('doneOn', input.doneOn).notBefore('doneOn', input.doneOn, child.date_of_birth, 'the child’s birth').check();
    const checkId = randomUUID();
    await ledger.insert('health_check', {
      la_code: actor.user.laCode,
      check_id: checkId,
      child_id: childId,
      kind: input.kind,
      done_on: input.doneOn,
      notes: input.notes ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle(entry(input.doneOn, 'health', HEALTH_CHECK_KIND[input.kind], 'health-check', checkId));
    return { checkId };
  });
}

export async function recordHealthOutcome(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHealthOutcome>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('recordedOn', input.recordedOn).check();
    if ((input.sdqScore === null) === (input.sdqReason === null))
      throw invalid([
        {
          field: input.sdqScore === null ? 'sdqScore' : 'sdqReason',
          rule: 'sdq-score-or-reason',
          message: 'Record the SDQ score (0–40) or the reason there is none, not both',
        },
      ]);
    if (input.substanceMisuse && input.interventionOffered === null)
      throw invalid([{ field: 'interventionOffered', rule: 'required-with-substanceMisuse', message: 'Say whether an intervention was offered' }]);
    const outcomeId = randomUUID();
    await ledger.insert('health_outcome', {
      la_code: actor.user.laCode,
      outcome_id: outcomeId,
      child_id: childId,
      recorded_on: input.recordedOn,
      immunisations_up_to_date: input.immunisationsUpToDate,
      sdq_score: input.sdqScore,
      sdq_reason: input.sdqReason,
      substance_misuse: input.substanceMisuse,
      intervention_received: input.interventionReceived,
      intervention_offered: input.interventionOffered,
      convicted: input.convicted,
      created_by: actor.user.userId,
    });
    const sdq = input.sdqScore !== null ? `SDQ ${input.sdqScore}` : `no SDQ (${input.sdqReason})`;
    ledger.chronicle(
      entry(
        input.recordedOn,
        'health',
        `Health outcomes: immunisations ${input.immunisationsUpToDate ? 'up to date' : 'not up to date'}; ${sdq}`,
        'health-outcome',
        outcomeId,
      ),
    );
    return { outcomeId };
  });
}

export async function recordPep(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPep>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('heldOn', input.heldOn).check();
    const pepId = randomUUID();
    await ledger.insert('pep', {
      la_code: actor.user.laCode,
      pep_id: pepId,
      child_id: childId,
      held_on: input.heldOn,
      school: input.school ?? null,
      notes: input.notes ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle(entry(input.heldOn, 'education', `Personal education plan${input.school ? ` (${input.school})` : ''}`, 'pep', pepId));
    return { pepId };
  });
}

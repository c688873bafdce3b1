/** The health and education of looked-after children: health checks, outcomes, personal education plans. */
import { HEALTH_CHECK_KIND, type newHealthCheck, type newHealthOutcome, type newPep } from '@lantern/core/care';
import type { Kysely } from 'kysely';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { type In, recordForChild } from './shared.ts';

// ---------------------------------------------------------------------------
// Health and education

export async function recordHealthCheck(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHealthCheck>) {
  return step(db, actor, childId, async (ledger, child) => {
    new DateRules().notInFuture('doneOn', input.doneOn).notBefore('doneOn', input.doneOn, child.date_of_birth, 'the child’s birth').check();
    const check = await recordForChild(
      ledger,
      'health_check',
      { kind: input.kind, done_on: input.doneOn, notes: input.notes ?? null },
      { occurredOn: input.doneOn, category: 'health', summary: HEALTH_CHECK_KIND[input.kind] },
    );
    return { checkId: check.check_id };
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
    const sdq = input.sdqScore !== null ? `SDQ ${input.sdqScore}` : `no SDQ (${input.sdqReason})`;
    const outcome = await recordForChild(
      ledger,
      'health_outcome',
      {
        recorded_on: input.recordedOn,
        immunisations_up_to_date: input.immunisationsUpToDate,
        sdq_score: input.sdqScore,
        sdq_reason: input.sdqReason,
        substance_misuse: input.substanceMisuse,
        intervention_received: input.interventionReceived,
        intervention_offered: input.interventionOffered,
        convicted: input.convicted,
      },
      {
        occurredOn: input.recordedOn,
        category: 'health',
        summary: `Health outcomes: immunisations ${input.immunisationsUpToDate ? 'up to date' : 'not up to date'}; ${sdq}`,
      },
    );
    return { outcomeId: outcome.outcome_id };
  });
}

export async function recordPep(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPep>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('heldOn', input.heldOn).check();
    const pep = await recordForChild(
      ledger,
      'pep',
      { held_on: input.heldOn, school: input.school ?? null, notes: input.notes ?? null },
      { occurredOn: input.heldOn, category: 'education', summary: `Personal education plan${input.school ? ` (${input.school})` : ''}` },
    );
    return { pepId: pep.pep_id };
  });
}

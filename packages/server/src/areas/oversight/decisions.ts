/** Management decisions at key points on a child's case: who decided, the reasons and the evidence seen. */
import { DECISION_KIND, type newDecision } from '@lantern/core/workforce';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { currentEpisode } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { DateRules } from '../../kernel/rules.ts';

export async function recordDecision(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newDecision>) {
  return step(db, actor, childId, async (ledger, child) => {
    new DateRules().notInFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, child.date_of_birth, 'the child’s birth').check();
    const episode = await currentEpisode(ledger.db, actor.user.laCode, childId);
    const { decision_id: decisionId } = await insertNew(
      ledger,
      'management_decision',
      {
        child_id: childId,
        episode_id: episode?.episode_id ?? null,
        kind: input.kind,
        decided_on: input.decidedOn,
        decided_by: actor.user.userId,
        reasons: input.reasons,
        evidence_seen: input.evidenceSeen,
      },
      { detail: { kind: input.kind } },
    );
    ledger.chronicle({
      occurredOn: input.decidedOn,
      category: 'management-decision',
      summary: `${DECISION_KIND[input.kind]} (${actor.user.displayName}): ${input.reasons}`,
      recordType: 'management-decision',
      recordId: decisionId,
    });
    return { decisionId };
  });
}

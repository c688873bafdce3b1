/**
 * Work a social worker sends their manager for a decision: a case to close, a step-down to
 * early help, a plan to authorise. The manager of the team holding the case (or the head of
 * service) approves — the closure is then recorded as the manager's decision, the plan as
 * authorised — or returns it with reasons. A returned request is the worker's until they send it
 * again, so "returned by your manager" is exact. Every step through the ledger.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { DECISION_KINDS, type DecisionRequestView, closureProposal, type decisionAnswer, type decisionRequestBody } from '@lantern/core/work';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { currentEpisode } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, forbidden, invalid } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { stepOnRecord } from '../../kernel/record-step.ts';
import { DateRules } from '../../kernel/rules.ts';
import { closeWithin, holdingTeam } from '../referrals/index.ts';

type In<T extends z.ZodType> = z.infer<T>;
type Proposal = In<typeof closureProposal>;
const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Sends work to the manager, or sends a returned request again with the worker's answer. */
export async function sendForDecision(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof decisionRequestBody>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const today = todayInEngland();
    let recordId: string;
    if (input.kind === 'plan') {
      const doc = await ledger.db
        .selectFrom('plan_document')
        .select(['plan_document_id', 'authorised_on'])
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .where('plan_document_id', '=', input.planDocumentId ?? '')
        .executeTakeFirst();
      if (!doc) throw invalid([{ field: 'planDocumentId', rule: 'plan-of-child', message: 'Not a plan of this child' }]);
      if (doc.authorised_on)
        throw conflict('This version of the plan is authorised', [
          { field: 'planDocumentId', rule: 'already-authorised', message: `Authorised on ${doc.authorised_on}` },
        ]);
      recordId = doc.plan_document_id;
    } else {
      const episode = await currentEpisode(ledger.db, laCode, childId);
      if (!episode) throw conflict('The child has no open case to close', [{ field: 'kind', rule: 'open-episode-required', message: 'No open case' }]);
      recordId = episode.episode_id;
    }
    const open = await ledger.db
      .selectFrom('decision_request')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('record_id', '=', recordId)
      .where('kind', input.kind === 'plan' ? '=' : 'in', input.kind === 'plan' ? ['plan'] : ['closure', 'step-down'])
      .where('status', 'in', ['requested', 'returned'])
      .forUpdate()
      .executeTakeFirst();
    if (open?.status === 'requested')
      throw conflict('This is with the manager already', [{ field: 'kind', rule: 'one-open-request', message: 'Wait for the manager’s decision' }]);
    const team = await holdingTeam(ledger.db, laCode, childId);
    const values = {
      kind: input.kind,
      team_id: team?.team_id ?? actor.user.teamId ?? null,
      proposal: JSON.stringify(input.kind === 'plan' ? {} : (input.closure ?? {})),
      reasons: input.reasons,
      status: 'requested' as const,
      sent_on: today,
      sent_by: actor.user.userId,
    };
    const row = open
      ? await ledger.update('decision_request', { request_id: open.request_id }, { ...values, times_sent: open.times_sent + 1 }, { fromVersion: open.version })
      : await insertNew(ledger, 'decision_request', { child_id: childId, record_id: recordId, ...values });
    ledger.chronicle({
      occurredOn: today,
      category: 'management-decision',
      summary: `${DECISION_KINDS[input.kind]} sent to the manager${open ? ' again' : ''} by ${actor.user.displayName} — ${input.reasons}`,
      recordType: 'decision-request',
      recordId: row.request_id,
    });
    return { requestId: row.request_id, version: row.version };
  });
}

/** The manager approves (closing the case, or authorising the plan) or returns the work with reasons. */
export async function answerRequest(db: Kysely<Database>, actor: Actor, requestId: string, input: In<typeof decisionAnswer>) {
  // Who decides is set by the team the work was sent to.
  return stepOnRecord(db, actor, 'decision_request', { request_id: requestId }, 'request', async (ledger, request) => {
    if (!mayDecide(actor, request.team_id, request.kind)) throw forbidden('The manager of the team holding the case decides');
    if (request.status !== 'requested')
      throw conflict(`This was already ${request.status}`, [{ field: 'approve', rule: 'already-decided', message: 'It has an answer' }]);
    const on = input.decidedOn ?? todayInEngland();
    new DateRules().notInFuture('decidedOn', on).notBefore('decidedOn', on, request.sent_on, 'the work was sent').check();
    if (request.sent_by === actor.user.userId && input.approve)
      throw invalid([{ field: 'approve', rule: 'second-person', message: 'Another person approves work you sent' }]);
    await ledger.update(
      'decision_request',
      { request_id: requestId },
      { status: input.approve ? 'approved' : 'returned', decided_on: on, decided_by: actor.user.userId, decision_reasons: input.reasons },
      { fromVersion: input.version },
    );
    const what = DECISION_KINDS[request.kind];
    if (!input.approve) {
      ledger.chronicle({
        childId: request.child_id,
        occurredOn: on,
        category: 'management-decision',
        summary: `${what} returned by ${actor.user.displayName} — ${input.reasons}`,
        recordType: 'decision-request',
        recordId: requestId,
      });
      return { status: 'returned' as const };
    }
    if (request.kind === 'plan') {
      const doc = await ledger.find('plan_document', { plan_document_id: request.record_id }, 'plan');
      await ledger.update(
        'plan_document',
        { plan_document_id: request.record_id },
        { authorised_on: on, authorised_by: actor.user.userId },
        { fromVersion: doc.version },
      );
      ledger.chronicle({
        childId: request.child_id,
        occurredOn: on,
        category: 'plan',
        summary: `Plan authorised by ${actor.user.displayName} — ${input.reasons}`,
        recordType: 'decision-request',
        recordId: requestId,
      });
    } else {
      // The closure as the worker proposed it (read through its schema, whose defaults fill what
      // was not said), on the manager's day with the manager's reasons.
      const proposed = closureProposal.parse(parse(request.proposal));
      await closeWithin(ledger, actor, request.child_id, { ...proposed, closureDate: on, reasons: input.reasons });
    }
    return { status: 'approved' as const };
  });
}

function mayDecide(actor: Actor, teamId: string | null, kind: string) {
  const scope = scopeFor(actor.user.role, kind === 'plan' ? 'casework:authorise' : 'case:close');
  return scope === 'council' || (scope === 'team' && teamId !== null && teamId === actor.user.teamId);
}

/** The child's requests, newest first: for the child's page and the decision form. */
export async function childRequests(db: Kysely<Database>, actor: Actor, childId: string): Promise<DecisionRequestView[]> {
  const rows = await sql<{
    request_id: string;
    child_id: string;
    kind: keyof typeof DECISION_KINDS;
    record_id: string;
    team_id: string | null;
    reasons: string;
    proposal: unknown;
    status: DecisionRequestView['status'];
    sent_on: string;
    sent_name: string | null;
    times_sent: number;
    decided_on: string | null;
    decided_name: string | null;
    decision_reasons: string | null;
    version: number;
  }>`select r.*, su.display_name as sent_name, du.display_name as decided_name
    from decision_request r
    left join app_user su on su.la_code = r.la_code and su.user_id = r.sent_by
    left join app_user du on du.la_code = r.la_code and du.user_id = r.decided_by
    where r.la_code = ${actor.user.laCode} and r.child_id = ${childId}
    order by r.created_at desc`.execute(db);
  return rows.rows.map((r) => ({
    requestId: r.request_id,
    childId: r.child_id,
    kind: r.kind,
    what: DECISION_KINDS[r.kind],
    recordId: r.record_id,
    reasons: r.reasons,
    closure: r.kind === 'plan' ? null : parse<Proposal>(r.proposal),
    status: r.status,
    sentOn: r.sent_on,
    sentBy: r.sent_name,
    timesSent: Number(r.times_sent),
    decidedOn: r.decided_on,
    decidedBy: r.decided_name,
    decisionReasons: r.decision_reasons,
    mayDecide: r.status === 'requested' && mayDecide(actor, r.team_id, r.kind),
    version: Number(r.version),
  }));
}

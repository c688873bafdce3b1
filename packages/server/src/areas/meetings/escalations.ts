/**
 * The IRO's concerns, through the dispute resolution stages of the IRO Handbook (team manager →
 * service manager → head of service → director). Each stage is owed by the person at it (rule
 * iro-escalation-stage) and ends when they resolve the concern or it moves to the next stage.
 */
import { ESCALATION_STAGE, type EscalationStage, type escalationAnswer, type newEscalation, nextStage, plainDate } from '@lantern/core/meetings';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { scopeFor } from '@lantern/core/permissions';
import { childrenInScope } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { type FieldError, forbidden, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { workerName } from './record.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** Who answers at a stage when no one is named: the case's team manager, else the council's worker in that role. */
async function defaultOwner(ledger: Ledger, childId: string, stage: EscalationStage): Promise<string | null> {
  if (stage === 'team-manager') {
    const tm = await ledger.db
      .selectFrom('allocation as a')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
      .select('t.manager_worker_id')
      .where('a.la_code', '=', ledger.laCode)
      .where('a.child_id', '=', childId)
      .where('a.allocation_role', '=', 'social-worker')
      .orderBy(sql`a.end_date is null`, 'desc')
      .orderBy('a.start_date', 'desc')
      .executeTakeFirst();
    if (tm?.manager_worker_id) return tm.manager_worker_id;
  }
  const w = await ledger.db
    .selectFrom('worker')
    .select('worker_id')
    .where('la_code', '=', ledger.laCode)
    .where('job_role', '=', stage)
    .where('leave_date', 'is', null)
    .orderBy('family_name')
    .orderBy('worker_id')
    .executeTakeFirst();
  return w?.worker_id ?? null;
}

async function ownerFor(
  ledger: Ledger,
  childId: string,
  stage: EscalationStage,
  named: string | null | undefined,
  field: string,
): Promise<{ id: string; name: string }> {
  const id = named ?? (await defaultOwner(ledger, childId, stage));
  const name = id ? await workerName(ledger, id) : null;
  if (!id || !name)
    throw invalid([
      named
        ? { field, rule: 'exists', message: 'Choose a worker of this council' }
        : { field, rule: 'required', message: `No ${ESCALATION_STAGE[stage].toLowerCase()} was found: choose who answers` },
    ]);
  return { id, name };
}

/** The child's IRO raises a concern; the first stage goes to the team manager. */
export async function raiseEscalation(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newEscalation>) {
  if (actor.user.role !== 'iro' || !actor.user.workerId) throw forbidden('Only an independent reviewing officer raises a dispute resolution concern');
  const iroWorkerId = actor.user.workerId;
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('raisedOn', input.raisedOn).check();
    const owner = await ownerFor(ledger, childId, 'team-manager', input.ownerWorkerId, 'ownerWorkerId');
    const escalation = await insertNew(ledger, 'iro_escalation', {
      child_id: childId,
      raised_by_worker_id: iroWorkerId,
      raised_on: input.raisedOn,
      concern: input.concern,
      stage: 'team-manager',
      recorded_by: actor.user.userId,
    });
    const stage = await insertNew(ledger, 'iro_escalation_stage', {
      escalation_id: escalation.escalation_id,
      child_id: childId,
      stage: 'team-manager',
      raised_on: input.raisedOn,
      owner_worker_id: owner.id,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.raisedOn,
      category: 'escalation',
      summary: `The IRO raised a concern (dispute resolution, team manager stage, for ${owner.name}): ${input.concern}`,
      recordType: 'iro-escalation',
      recordId: escalation.escalation_id,
    });
    return { escalationId: escalation.escalation_id, stageId: stage.stage_id, version: escalation.version, stageVersion: stage.version };
  });
}

/**
 * The person at the current stage answers: the concern is resolved, or moves to the next stage.
 * The IRO who raised it may also close it or move it on (when no answer comes); and the head of
 * service may answer at any stage.
 */
export async function answerEscalation(db: Kysely<Database>, actor: Actor, childId: string, escalationId: string, input: In<typeof escalationAnswer>) {
  return step(
    db,
    actor,
    childId,
    async (ledger) => {
      const escalation = await ledger.find('iro_escalation', { escalation_id: escalationId, child_id: childId }, 'escalation');
      const current = await ledger.row('iro_escalation_stage', { escalation_id: escalationId, answered_on: null });
      if (!current || escalation.resolved_on) throw invalid([{ field: 'outcome', rule: 'escalation-open', message: 'This concern is already resolved' }]);
      const me = actor.user.workerId;
      if (me !== current.owner_worker_id && me !== escalation.raised_by_worker_id && actor.user.role !== 'head-of-service')
        throw forbidden('Only the person at this stage, the IRO who raised it, or the head of service may answer');
      new DateRules().notInFuture('answeredOn', input.answeredOn).notBefore('answeredOn', input.answeredOn, current.raised_on, 'the stage was raised').check();
      const stage = current.stage as EscalationStage;
      const next = input.outcome === 'escalated' ? nextStage(stage) : null;
      const errors: FieldError[] = [];
      if (input.outcome === 'escalated' && !next)
        errors.push({ field: 'outcome', rule: 'last-stage', message: 'The director’s stage is the last: record the outcome as resolved' });
      if (errors.length) throw invalid(errors);
      const nextOwner = next ? await ownerFor(ledger, childId, next, input.nextOwnerWorkerId, 'nextOwnerWorkerId') : null;
      const answered = await ledger.update(
        'iro_escalation_stage',
        { stage_id: current.stage_id },
        { answered_on: input.answeredOn, outcome: input.outcome, note: input.note },
        { fromVersion: input.version },
      );
      let nextStageId: string | null = null;
      if (next && nextOwner) {
        const row = await insertNew(ledger, 'iro_escalation_stage', {
          escalation_id: escalationId,
          child_id: childId,
          stage: next,
          raised_on: input.answeredOn,
          owner_worker_id: nextOwner.id,
          recorded_by: actor.user.userId,
        });
        nextStageId = row.stage_id;
        await ledger.update('iro_escalation', { escalation_id: escalationId }, { stage: next });
      } else {
        await ledger.update('iro_escalation', { escalation_id: escalationId }, { resolved_on: input.answeredOn, resolution: input.note });
      }
      ledger.chronicle({
        occurredOn: input.answeredOn,
        category: 'escalation',
        summary: next
          ? `IRO concern moved from the ${ESCALATION_STAGE[stage].toLowerCase()} stage to the ${ESCALATION_STAGE[next].toLowerCase()} (${nextOwner?.name}): ${input.note}`
          : `IRO concern resolved at the ${ESCALATION_STAGE[stage].toLowerCase()} stage on ${plainDate(input.answeredOn)}: ${input.note}`,
        recordType: 'iro-escalation',
        recordId: escalationId,
      });
      return { escalationId, stageVersion: answered.version, nextStageId, resolved: !next };
    },
    { action: 'child:read' },
  );
}

const escalationColumns = [
  'e.escalation_id',
  'e.child_id',
  'e.raised_on',
  'e.concern',
  'e.stage',
  'e.resolved_on',
  'e.resolution',
  'e.version',
  'e.raised_by_worker_id',
] as const;

/** Stages of these escalations, with who is at each. */
async function stagesOf(db: Kysely<Database>, laCode: string, escalationIds: string[]) {
  if (!escalationIds.length) return [];
  return db
    .selectFrom('iro_escalation_stage as s')
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 's.la_code').onRef('w.worker_id', '=', 's.owner_worker_id'))
    .select(['s.stage_id', 's.escalation_id', 's.stage', 's.raised_on', 's.owner_worker_id', 's.answered_on', 's.outcome', 's.note', 's.version'])
    .select(sql<string>`w.given_name || ' ' || w.family_name`.as('owner_name'))
    .where('s.la_code', '=', laCode)
    .where('s.escalation_id', 'in', escalationIds)
    .orderBy('s.raised_on')
    .orderBy('s.created_at')
    .execute();
}

export type EscalationView = Awaited<ReturnType<typeof escalationsOfChild>>[number];

/** A child's escalations, each with its stages (the child's read access is checked by the caller). */
export async function escalationsOfChild(db: Kysely<Database>, laCode: string, childId: string) {
  const rows = await db
    .selectFrom('iro_escalation as e')
    .innerJoin('worker as r', (j) => j.onRef('r.la_code', '=', 'e.la_code').onRef('r.worker_id', '=', 'e.raised_by_worker_id'))
    .select(escalationColumns)
    .select(sql<string>`r.given_name || ' ' || r.family_name`.as('raised_by_name'))
    .where(ofChild('e', laCode, childId))
    .orderBy('e.raised_on', 'desc')
    .execute();
  return withStages(db, laCode, rows);
}

async function withStages<R extends { escalation_id: string }>(db: Kysely<Database>, laCode: string, rows: R[]) {
  const stages = await stagesOf(
    db,
    laCode,
    rows.map((r) => r.escalation_id),
  );
  return rows.map((r) => ({
    ...r,
    stages: stages
      .filter((s) => s.escalation_id === r.escalation_id)
      .map((s) => ({
        stageId: s.stage_id,
        stage: s.stage,
        stageLabel: ESCALATION_STAGE[s.stage as EscalationStage],
        raisedOn: s.raised_on,
        ownerWorkerId: s.owner_worker_id,
        ownerName: s.owner_name,
        answeredOn: s.answered_on,
        outcome: s.outcome,
        note: s.note,
        version: s.version,
      })),
  }));
}

/**
 * Open escalations: the whole council's for the head of service (and others with a council-wide
 * worklist), else those the user raised or must answer.
 */
export async function openEscalations(db: Kysely<Database>, actor: Actor) {
  const laCode = actor.user.laCode;
  const councilWide = actor.user.role === 'head-of-service' || actor.user.role === 'performance-analyst';
  const me = actor.user.workerId;
  let q = db
    .selectFrom('iro_escalation as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .innerJoin('worker as r', (j) => j.onRef('r.la_code', '=', 'e.la_code').onRef('r.worker_id', '=', 'e.raised_by_worker_id'))
    .select(escalationColumns)
    .select(sql<string>`r.given_name || ' ' || r.family_name`.as('raised_by_name'))
    .select(sql<string>`concat_ws(' ', p.given_name, p.family_name)`.as('child_name'))
    .where('e.la_code', '=', laCode)
    .where('e.resolved_on', 'is', null)
    .where(childrenInScope(actor.user, scopeFor(actor.user.role, 'child:read') ?? 'own'))
    .orderBy('e.raised_on');
  if (!councilWide) {
    if (!me) return [];
    q = q.where((eb) =>
      eb.or([
        eb('e.raised_by_worker_id', '=', me),
        eb.exists(
          eb
            .selectFrom('iro_escalation_stage as s')
            .select('s.stage_id')
            .whereRef('s.la_code', '=', 'e.la_code')
            .whereRef('s.escalation_id', '=', 'e.escalation_id')
            .where('s.owner_worker_id', '=', me)
            .where('s.answered_on', 'is', null),
        ),
      ]),
    );
  }
  const rows = await withStages(db, laCode, await q.execute());
  await audit(db, actor, { action: 'read', recordType: 'iro-escalations', detail: { shown: rows.length } });
  return rows;
}

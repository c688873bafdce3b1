/**
 * Supervision and induction: a manager records a practitioner's supervision with the direction
 * given on each child discussed (which then shows on each child's record and counts as
 * management oversight), and signs off a new starter's induction. Both keep the worker's
 * deadlines (worker_obligation) fresh in the same transaction.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { type newSupervision, SUPERVISED_ROLES } from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childFor, childrenInScope } from '../../kernel/access.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { type FieldError, forbidden, invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { DateRules } from '../../kernel/rules.ts';
import { refreshWorkerObligations } from '../../kernel/worker-obligations.ts';
import { countsOf, DEADLINE_COLUMNS, type DeadlineRow, deadlineFacts, dueCounts, openOn, worklistView } from '../timescales/index.ts';

export function workerFor(db: Kysely<Database>, laCode: string, workerId: string) {
  return findByKey(db, laCode, 'worker', { worker_id: workerId }, 'worker');
}

/** Whether the user may act for this worker with the action's scope: their own team's, the workers they supervise, or everyone. */
export function mayActFor(
  actor: Actor,
  action: 'supervision:record' | 'supervision:read' | 'induction:manage',
  worker: { worker_id: string; team_id: string | null; supervisor_worker_id: string | null },
) {
  const scope = scopeFor(actor.user.role, action);
  if (scope === 'council') return true;
  if (scope === 'own') return worker.worker_id === actor.user.workerId || worker.supervisor_worker_id === actor.user.workerId;
  if (scope === 'team')
    return (
      worker.worker_id === actor.user.workerId ||
      worker.supervisor_worker_id === actor.user.workerId ||
      (!!worker.team_id && worker.team_id === actor.user.teamId)
    );
  return false;
}

export async function recordSupervision(db: Kysely<Database>, actor: Actor, input: z.infer<typeof newSupervision>) {
  const laCode = actor.user.laCode;
  const supervisorId = actor.user.workerId;
  if (!supervisorId)
    throw invalid([{ field: 'workerId', rule: 'supervisor-worker-record', message: 'Your user has no worker record, so cannot be recorded as supervisor' }]);
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const worker = await workerFor(trx, laCode, input.workerId);
    if (!mayActFor(actor, 'supervision:record', worker)) throw forbidden('You may record supervision for the workers you manage');
    if (worker.worker_id === supervisorId) throw invalid([{ field: 'workerId', rule: 'not-self', message: 'You cannot record your own supervision' }]);
    if (!(SUPERVISED_ROLES as readonly string[]).includes(worker.job_role))
      throw invalid([{ field: 'workerId', rule: 'supervised-role', message: 'Formal supervision is recorded for practitioners' }]);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, worker.start_date, 'the worker’s start date').check();
    if (worker.leave_date && input.heldOn > worker.leave_date)
      throw invalid([{ field: 'heldOn', rule: 'worker-has-left', message: `The worker left on ${worker.leave_date}` }]);

    // Each child discussed must be one the practitioner held on the day, or holds now.
    const childIds = input.children.map((c) => c.childId);
    const held = childIds.length
      ? await trx
          .selectFrom('allocation')
          .select('child_id')
          .distinct()
          .where('la_code', '=', laCode)
          .where('worker_id', '=', worker.worker_id)
          .where('child_id', 'in', childIds)
          .where((eb) =>
            eb.or([
              eb('end_date', 'is', null),
              eb.and([eb('start_date', '<=', input.heldOn), eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.heldOn)])]),
            ]),
          )
          .execute()
      : [];
    const heldIds = new Set(held.map((h) => h.child_id));
    const errors: FieldError[] = [];
    for (const [i, c] of input.children.entries()) {
      if (!heldIds.has(c.childId))
        errors.push({ field: `children.${i}.childId`, rule: 'held-by-worker', message: 'Discuss children the worker holds, or held on the day' });
    }
    if (errors.length) throw invalid(errors);
    const children = [];
    for (const c of input.children) children.push({ ...c, child: await childFor(trx, actor.user, c.childId, 'child:read') });

    const { supervision_id: supervisionId } = await insertNew(
      ledger,
      'supervision',
      {
        worker_id: worker.worker_id,
        supervisor_worker_id: supervisorId,
        held_on: input.heldOn,
        notes: input.notes ?? null,
        recorded_by: actor.user.userId,
      },
      { detail: { workerId: worker.worker_id, children: childIds.length } },
    );
    // A direction on the child's case is management oversight of it: each child's deadlines are
    // derived again when the change settles.
    await ledger.insertMany(
      'supervision_child',
      children.map((c) => ({ la_code: laCode, supervision_id: supervisionId, child_id: c.childId, direction: c.direction })),
      { recordType: 'supervision-direction' },
    );
    const supervisor = await workerFor(trx, laCode, supervisorId);
    for (const c of children) {
      ledger.chronicle({
        childId: c.childId,
        occurredOn: input.heldOn,
        category: 'management-decision',
        summary: `Supervision direction (${supervisor.given_name} ${supervisor.family_name} with ${worker.given_name} ${worker.family_name}): ${c.direction}`,
        recordType: 'supervision',
        recordId: supervisionId,
      });
    }
    await refreshWorkerObligations(trx, laCode, { workerIds: [worker.worker_id] });
    return { supervisionId };
  });
}

/** A practitioner's supervisions, newest first, with the children discussed (those the reader may see). */
export async function workerSupervisions(db: Kysely<Database>, actor: Actor, workerId: string) {
  const laCode = actor.user.laCode;
  const worker = await workerFor(db, laCode, workerId);
  if (!mayActFor(actor, 'supervision:read', worker)) throw forbidden('You may read the supervision of the workers you manage, and your own');
  const rows = await db
    .selectFrom('supervision as s')
    .innerJoin('worker as sv', (j) => j.onRef('sv.la_code', '=', 's.la_code').onRef('sv.worker_id', '=', 's.supervisor_worker_id'))
    .select(['s.supervision_id', 's.held_on', 's.notes', sql<string>`sv.given_name || ' ' || sv.family_name`.as('supervisor')])
    .where('s.la_code', '=', laCode)
    .where('s.worker_id', '=', workerId)
    .orderBy('s.held_on', 'desc')
    .execute();
  const readScope = scopeFor(actor.user.role, 'child:read');
  const discussed =
    rows.length && readScope
      ? await db
          .selectFrom('supervision_child as sc')
          .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'sc.la_code').onRef('p.person_id', '=', 'sc.child_id'))
          .select(['sc.supervision_id', 'sc.child_id', 'sc.direction', 'p.given_name', 'p.family_name', 'p.la_child_id'])
          .where('sc.la_code', '=', laCode)
          .where(
            'sc.supervision_id',
            'in',
            rows.map((r) => r.supervision_id),
          )
          .where(childrenInScope(actor.user, readScope))
          .execute()
      : [];
  const due = await workerDeadlines(db, laCode, workerId);
  return {
    worker: { workerId, name: `${worker.given_name} ${worker.family_name}`, asyeStart: worker.asye_start, protectedCaseload: worker.protected_caseload },
    nextDue: due.find((d) => (d.ruleId === 'supervision' || d.ruleId === 'supervision-asye') && (d.state === 'due' || d.state === 'overdue')) ?? null,
    supervisions: rows.map((r) => ({
      supervisionId: r.supervision_id,
      heldOn: r.held_on,
      supervisor: r.supervisor,
      notes: r.notes,
      children: discussed
        .filter((d) => d.supervision_id === r.supervision_id)
        .map((d) => ({ childId: d.child_id, laChildId: d.la_child_id ?? '', name: `${d.given_name} ${d.family_name}`, direction: d.direction })),
    })),
  };
}

/** The directions given on a child in supervision, newest first: part of the child's record. */
export async function childDirections(db: Kysely<Database>, actor: Actor, childId: string) {
  const laCode = actor.user.laCode;
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('supervision_child as sc')
    .innerJoin('supervision as s', (j) => j.onRef('s.la_code', '=', 'sc.la_code').onRef('s.supervision_id', '=', 'sc.supervision_id'))
    .innerJoin('worker as sv', (j) => j.onRef('sv.la_code', '=', 's.la_code').onRef('sv.worker_id', '=', 's.supervisor_worker_id'))
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 's.la_code').onRef('w.worker_id', '=', 's.worker_id'))
    .select([
      's.supervision_id',
      's.held_on',
      'sc.direction',
      's.supervisor_worker_id',
      sql<string>`sv.given_name || ' ' || sv.family_name`.as('supervisor'),
      sql<string>`w.given_name || ' ' || w.family_name`.as('worker'),
    ])
    .where(ofChild('sc', laCode, childId))
    .orderBy('s.held_on', 'desc')
    .execute();
  return {
    directions: rows.map((r) => ({
      supervisionId: r.supervision_id,
      heldOn: r.held_on,
      supervisor: r.supervisor,
      supervisorWorkerId: r.supervisor_worker_id,
      worker: r.worker,
      direction: r.direction,
    })),
  };
}

type WorkerDeadlineRow = DeadlineRow & { worker_id: string; given_name: string; family_name: string };

function deadlineView(r: WorkerDeadlineRow, asOf: string) {
  return {
    workerId: r.worker_id,
    workerName: `${r.given_name} ${r.family_name}`,
    ...deadlineFacts(r, asOf),
    team: r.team_name,
  };
}

function deadlines(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('worker_obligation as o')
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'o.la_code').onRef('w.worker_id', '=', 'o.worker_id'))
    .leftJoin('worker as rw', (j) => j.onRef('rw.la_code', '=', 'o.la_code').onRef('rw.worker_id', '=', 'o.responsible_worker_id'))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'o.la_code').onRef('t.team_id', '=', 'o.responsible_team_id'))
    .select(['o.worker_id', 'w.given_name', 'w.family_name', ...DEADLINE_COLUMNS])
    .where('o.la_code', '=', laCode);
}

/** A worker's supervision and induction deadlines, the latest first. */
export async function workerDeadlines(db: Kysely<Database>, laCode: string, workerId: string, asOf = todayInEngland()) {
  const rows = await deadlines(db, laCode).where('o.worker_id', '=', workerId).orderBy('o.due_date', 'desc').limit(24).execute();
  return rows.map((r) => deadlineView(r, asOf));
}

/**
 * Supervision and induction deadlines open on a day, overdue first: those I owe as supervisor
 * and my own ("mine"), my team's ("team"), or everyone's ("service").
 */
export async function workerWorklist(
  db: Kysely<Database>,
  actor: Actor,
  q: { view: 'mine' | 'team' | 'service'; asOf?: string | undefined; teamId?: string | undefined; state?: 'due' | 'overdue' | undefined; limit: number },
) {
  const user = actor.user;
  const shown = worklistView(actor, q);
  const asOf = q.asOf ?? todayInEngland();
  let query = deadlines(db, user.laCode).where(openOn(asOf));
  if (shown.view === 'mine') {
    const me = shown.workerId;
    query = query.where((eb) => eb.or([eb('o.responsible_worker_id', '=', me), eb('o.worker_id', '=', me)]));
  } else if (shown.teamId) query = query.where('o.responsible_team_id', '=', shown.teamId);
  if (q.state === 'overdue') query = query.where('o.due_date', '<', asOf);
  if (q.state === 'due') query = query.where('o.due_date', '>=', asOf);
  const counted = await query.clearSelect().select(dueCounts(asOf)).executeTakeFirstOrThrow();
  const rows = await query.orderBy('o.due_date').orderBy('w.family_name').limit(q.limit).execute();
  return { asOf, deadlines: rows.map((r) => deadlineView(r, asOf)), counts: countsOf(counted) };
}

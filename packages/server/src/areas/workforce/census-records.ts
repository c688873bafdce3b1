/**
 * What the workforce census asks of a worker beyond their post: their absences (the working days
 * lost to sickness in the census year, and who was away on 30 September, and why) and, when they
 * leave, the day, the reason and where they went. And their moves between teams, kept so a team's
 * figures for a past month count the worker where they were then.
 */
import { CSWW_ABSENCE, CSWW_LEAVER_DESTINATION, CSWW_REASON_LEAVE, type CswwAbsenceReason } from '@lantern/core/csww';
import { scopeFor } from '@lantern/core/permissions';
import type { newAbsence, teamMove, workerLeaving } from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { forbidden, invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { DateRules } from '../../kernel/rules.ts';
import { refreshWorkerObligations } from '../../kernel/worker-obligations.ts';

const FAR_FUTURE = '9999-12-31';

async function workerFor(db: Kysely<Database>, laCode: string, workerId: string, forUpdate = false) {
  return findByKey(db, laCode, 'worker', { worker_id: workerId }, 'worker', { lock: forUpdate });
}

/** A manager records the absences of their own team and of those they supervise; council scope, anyone's. */
function mayRecordAbsence(actor: Actor, worker: { worker_id: string; team_id: string | null; supervisor_worker_id: string | null }) {
  const scope = scopeFor(actor.user.role, 'absence:record');
  if (scope === 'council') return true;
  if (scope !== 'team') return false;
  const me = actor.user.workerId;
  return (!!me && worker.supervisor_worker_id === me) || (!!worker.team_id && worker.team_id === actor.user.teamId);
}

export async function recordAbsence(db: Kysely<Database>, actor: Actor, workerId: string, input: z.infer<typeof newAbsence>) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const worker = await workerFor(trx, laCode, workerId, true);
    if (!mayRecordAbsence(actor, worker)) throw forbidden('You may record the absences of your own team');
    new DateRules().notInFuture('startDate', input.startDate).notBefore('startDate', input.startDate, worker.start_date, 'the worker’s start date').check();
    if (worker.leave_date && (input.startDate > worker.leave_date || (input.endDate ?? FAR_FUTURE) > worker.leave_date))
      throw invalid([
        { field: input.startDate > worker.leave_date ? 'startDate' : 'endDate', rule: 'worker-has-left', message: `The worker left on ${worker.leave_date}` },
      ]);
    // One absence at a time: the census counts each day lost once.
    const overlapping = await trx
      .selectFrom('worker_absence')
      .select(['start_date', 'end_date'])
      .where('la_code', '=', laCode)
      .where('worker_id', '=', workerId)
      .where('start_date', '<=', input.endDate ?? FAR_FUTURE)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.startDate)]))
      .executeTakeFirst();
    if (overlapping)
      throw invalid([
        {
          field: 'startDate',
          rule: 'no-overlap',
          message: `This overlaps the absence from ${overlapping.start_date}${overlapping.end_date ? ` to ${overlapping.end_date}` : ' (still running)'}`,
        },
      ]);
    const { absence_id: absenceId } = await insertNew(
      ledger,
      'worker_absence',
      {
        worker_id: workerId,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        reason: input.reason,
        recorded_by: actor.user.userId,
      },
      { detail: { workerId, reason: input.reason } },
    );
    return { absenceId };
  });
}

/** A worker's absences, newest first, with the working days each cost; and their leaving, if they have left. */
export async function workerCensusRecords(db: Kysely<Database>, actor: Actor, workerId: string) {
  const laCode = actor.user.laCode;
  const worker = await workerFor(db, laCode, workerId);
  if (!mayRecordAbsence(actor, worker)) throw forbidden('You may see the absences of your own team');
  const rows = (
    await sql<{ absence_id: string; start_date: string; end_date: string | null; reason: string; working_days: number | string }>`
    select x.absence_id, x.start_date::text as start_date, x.end_date::text as end_date, x.reason,
      (select count(*) from calendar_day c where c.is_working_day and c.day between x.start_date and coalesce(x.end_date, current_date)) as working_days
    from worker_absence x where x.la_code = ${laCode} and x.worker_id = ${workerId}
    order by x.start_date desc`.execute(db)
  ).rows;
  return {
    workerId,
    name: `${worker.given_name} ${worker.family_name}`,
    version: worker.version,
    leaving: worker.leave_date
      ? {
          leaveDate: worker.leave_date,
          reason: worker.leave_reason,
          reasonLabel: worker.leave_reason ? (CSWW_REASON_LEAVE[worker.leave_reason as keyof typeof CSWW_REASON_LEAVE] ?? null) : null,
          destination: worker.leaver_destination,
          destinationLabel: worker.leaver_destination
            ? (CSWW_LEAVER_DESTINATION[worker.leaver_destination as keyof typeof CSWW_LEAVER_DESTINATION] ?? null)
            : null,
        }
      : null,
    absences: rows.map((r) => ({
      absenceId: r.absence_id,
      startDate: r.start_date,
      endDate: r.end_date,
      reason: r.reason,
      reasonLabel: CSWW_ABSENCE[r.reason as CswwAbsenceReason] ?? r.reason,
      workingDays: Number(r.working_days),
    })),
  };
}

/** A worker leaves: the day, the census's reason and destination. Their supervision deadlines end on the day. */
export async function recordLeaving(db: Kysely<Database>, actor: Actor, workerId: string, input: z.infer<typeof workerLeaving>) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const worker = await workerFor(ledger.db, laCode, workerId, true);
    new DateRules().notBefore('leaveDate', input.leaveDate, worker.start_date, 'the worker’s start date').check();
    const { version } = await ledger.update(
      'worker',
      { worker_id: workerId },
      { leave_date: input.leaveDate, leave_reason: input.reason, leaver_destination: input.destination },
      { fromVersion: input.version, detail: { leaveDate: input.leaveDate, reason: input.reason, destination: input.destination } },
    );
    await refreshWorkerObligations(ledger.db, laCode, { workerIds: [workerId] });
    return { workerId, version };
  });
}

/**
 * A worker moves team on a day: the move is kept (from, to), the worker's current team changes,
 * and the deadlines they owe or are owed follow them to the new team.
 */
export async function moveTeam(db: Kysely<Database>, actor: Actor, workerId: string, input: z.infer<typeof teamMove>) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const worker = await workerFor(trx, laCode, workerId, true);
    const team = await trx.selectFrom('team').select('team_id').where('la_code', '=', laCode).where('team_id', '=', input.teamId).executeTakeFirst();
    if (!team) throw invalid([{ field: 'teamId', rule: 'exists', message: 'Choose a team of this council' }]);
    if (input.teamId === worker.team_id) throw invalid([{ field: 'teamId', rule: 'different-team', message: 'The worker is in this team already' }]);
    const last = await trx
      .selectFrom('worker_team_move')
      .select(sql<string>`max(moved_on)::text`.as('on'))
      .where('la_code', '=', laCode)
      .where('worker_id', '=', workerId)
      .executeTakeFirst();
    new DateRules().notInFuture('movedOn', input.movedOn).notBefore('movedOn', input.movedOn, worker.start_date, 'the worker’s start date').check();
    if (last?.on && input.movedOn <= last.on)
      throw invalid([{ field: 'movedOn', rule: 'after-last-move', message: `The worker last moved team on ${last.on}: a new move comes after it` }]);
    if (worker.leave_date && input.movedOn > worker.leave_date)
      throw invalid([{ field: 'movedOn', rule: 'worker-has-left', message: `The worker left on ${worker.leave_date}` }]);
    await ledger.insert('worker_team_move', {
      la_code: laCode,
      worker_id: workerId,
      moved_on: input.movedOn,
      from_team_id: worker.team_id,
      to_team_id: input.teamId,
      recorded_by: actor.user.userId,
    });
    const { version } = await ledger.update(
      'worker',
      { worker_id: workerId },
      { team_id: input.teamId },
      { fromVersion: input.version, detail: { movedOn: input.movedOn, fromTeamId: worker.team_id, toTeamId: input.teamId } },
    );
    await refreshWorkerObligations(trx, laCode, { workerIds: [workerId] });
    const held = await trx
      .selectFrom('allocation')
      .select('child_id')
      .distinct()
      .where('la_code', '=', laCode)
      .where('worker_id', '=', workerId)
      .where('end_date', 'is', null)
      .execute();
    // The deadlines of the children they hold follow them to the new team.
    ledger.touch(...held.map((h) => h.child_id));
    return { workerId, version };
  });
}

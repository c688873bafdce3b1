import { ALLOCATION_ROLE, type AllocationRole, JOB_ROLE, type JobRole, MAY_HOLD_ALLOCATION } from '@lantern/core/codes';
import { scopeFor } from '@lantern/core/permissions';
import type { newTeam, newWorker } from '@lantern/core/schemas';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childrenInScope } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { forbidden, invalid, notFound, Problem } from '../../kernel/http/problem.ts';
import { change, step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { refreshWorkerObligations } from '../../kernel/worker-obligations.ts';

/** Open allocations as a worker's caseload, counted in one pass. */
function caseloads(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('allocation')
    .select(['worker_id', sql<number>`count(*)`.as('caseload')])
    .where('la_code', '=', laCode)
    .where('end_date', 'is', null)
    .groupBy('worker_id');
}

export async function listTeams(db: Kysely<Database>, laCode: string) {
  const rows = await db
    .selectFrom('team as t')
    .leftJoin('worker as m', (j) => j.onRef('m.la_code', '=', 't.la_code').onRef('m.worker_id', '=', 't.manager_worker_id'))
    .select([
      't.team_id',
      't.name',
      't.service',
      't.manager_worker_id',
      sql<string | null>`m.given_name || ' ' || m.family_name`.as('manager_name'),
      (eb) =>
        eb
          .selectFrom('worker as w')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('w.la_code', '=', 't.la_code')
          .whereRef('w.team_id', '=', 't.team_id')
          .where((e) => e.or([e('w.leave_date', 'is', null), e('w.leave_date', '>=', sql<string>`current_date`)]))
          .as('workers'),
    ])
    .where('t.la_code', '=', laCode)
    .orderBy('t.service')
    .orderBy('t.name')
    .execute();
  return rows.map((t) => ({
    teamId: t.team_id,
    name: t.name,
    service: t.service,
    managerWorkerId: t.manager_worker_id,
    managerName: t.manager_name,
    workers: Number(t.workers ?? 0),
  }));
}

export async function listWorkers(db: Kysely<Database>, laCode: string, filter: { teamId?: string | undefined; includeLeavers?: boolean | undefined }) {
  const rows = await db
    .selectFrom('worker as w')
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
    .leftJoin(caseloads(db, laCode).as('c'), 'c.worker_id', 'w.worker_id')
    .select([
      'w.worker_id',
      'w.given_name',
      'w.family_name',
      'w.job_role',
      'w.employment',
      'w.team_id',
      't.name as team_name',
      'w.start_date',
      'w.leave_date',
      'w.fte',
      'w.swe_number',
      'c.caseload',
    ])
    .where('w.la_code', '=', laCode)
    .$if(!!filter.teamId, (q) => q.where('w.team_id', '=', filter.teamId as string))
    .$if(!filter.includeLeavers, (q) => q.where((e) => e.or([e('w.leave_date', 'is', null), e('w.leave_date', '>=', sql<string>`current_date`)])))
    .orderBy('w.family_name')
    .orderBy('w.given_name')
    .execute();
  return rows.map((w) => ({
    workerId: w.worker_id,
    name: `${w.given_name} ${w.family_name}`,
    jobRole: w.job_role,
    jobRoleLabel: JOB_ROLE[w.job_role as keyof typeof JOB_ROLE] ?? w.job_role,
    employment: w.employment,
    teamId: w.team_id,
    teamName: w.team_name,
    startDate: w.start_date,
    leaveDate: w.leave_date,
    fte: Number(w.fte),
    sweNumber: w.swe_number,
    caseload: Number(w.caseload ?? 0),
  }));
}

/** A worker and the children they hold (children listed only for roles that may read them). */
export async function getWorker(db: Kysely<Database>, actor: Actor, workerId: string) {
  const laCode = actor.user.laCode;
  const worker = (await listWorkers(db, laCode, { includeLeavers: true })).find((w) => w.workerId === workerId);
  if (!worker) throw notFound('worker');
  const readScope = scopeFor(actor.user.role, 'child:read');
  const cases = readScope
    ? await db
        .selectFrom('allocation as a')
        .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.person_id', '=', 'a.child_id'))
        .select(['p.person_id', 'p.la_child_id', 'p.given_name', 'p.family_name', 'p.date_of_birth', 'a.allocation_role', 'a.start_date'])
        .where('a.la_code', '=', laCode)
        .where('a.worker_id', '=', workerId)
        .where('a.end_date', 'is', null)
        .where(childrenInScope(actor.user, readScope))
        .orderBy('p.family_name')
        .execute()
    : [];
  return {
    worker,
    cases: cases.map((c) => ({
      childId: c.person_id,
      laChildId: c.la_child_id ?? '',
      name: `${c.given_name} ${c.family_name}`,
      dateOfBirth: c.date_of_birth,
      role: c.allocation_role,
      since: c.start_date,
    })),
  };
}

export async function createTeam(db: Kysely<Database>, actor: Actor, input: z.infer<typeof newTeam>) {
  const team = await change(db, actor, async (ledger) => {
    const taken = await ledger.db
      .selectFrom('team')
      .select('team_id')
      .where('la_code', '=', actor.user.laCode)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) throw new Problem(409, 'Conflict', 'A team has that name', [{ field: 'name', rule: 'team-name-unique', message: 'Choose another name' }]);
    return insertNew(ledger, 'team', { name: input.name, service: input.service, manager_worker_id: null });
  });
  return { teamId: team.team_id };
}

export async function createWorker(db: Kysely<Database>, actor: Actor, input: z.infer<typeof newWorker>) {
  const laCode = actor.user.laCode;
  const worker = await change(db, actor, async (ledger) => {
    const trx = ledger.db;
    if (input.teamId) {
      const team = await trx.selectFrom('team').select('team_id').where('la_code', '=', laCode).where('team_id', '=', input.teamId).executeTakeFirst();
      if (!team) throw invalid([{ field: 'teamId', rule: 'exists', message: 'Choose a team of this council' }]);
    }
    if (input.sweNumber) {
      const taken = await trx
        .selectFrom('worker')
        .select('worker_id')
        .where('la_code', '=', laCode)
        .where('swe_number', '=', input.sweNumber)
        .executeTakeFirst();
      if (taken)
        throw new Problem(409, 'Conflict', 'Another worker has this Social Work England number', [
          { field: 'sweNumber', rule: 'swe-number-unique', message: 'Check the registration number' },
        ]);
    }
    const row = await insertNew(ledger, 'worker', {
      given_name: input.givenName,
      family_name: input.familyName,
      job_role: input.jobRole,
      employment: input.employment,
      team_id: input.teamId ?? null,
      start_date: input.startDate,
      leave_date: input.leaveDate ?? null,
      fte: input.fte,
      swe_number: input.sweNumber ?? null,
      email: input.email ?? null,
    });
    // A practitioner's supervision clock starts on their start date.
    await refreshWorkerObligations(trx, laCode, { workerIds: [row.worker_id] });
    return row;
  });
  return { workerId: worker.worker_id };
}

/**
 * Allocates a worker to a child. A new allocation of a kind the child already has (a new
 * social worker, say) ends the current one on the same day, so the history has no gaps or overlaps.
 */
export async function allocate(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  input: { workerId: string; role: AllocationRole; startDate: string; reason?: string | null | undefined },
) {
  const laCode = actor.user.laCode;
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const worker = await trx
      .selectFrom('worker as w')
      .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
      .select(['w.worker_id', 'w.given_name', 'w.family_name', 'w.job_role', 'w.team_id', 'w.start_date', 'w.leave_date', 't.name as team_name'])
      .where('w.la_code', '=', laCode)
      .where('w.worker_id', '=', input.workerId)
      .executeTakeFirst();
    if (!worker) throw invalid([{ field: 'workerId', rule: 'exists', message: 'Choose a worker of this council' }]);
    // IROs are independent of the teams holding cases: an IRO manager or the head of service allocates them.
    if (input.role === 'iro' && !scopeFor(actor.user.role, 'iro:allocate')) throw forbidden('An IRO manager or the head of service allocates IROs');
    if (scopeFor(actor.user.role, 'allocation:manage') === 'team' && worker.team_id !== actor.user.teamId) {
      throw forbidden('A team manager allocates workers from their own team');
    }
    if (!MAY_HOLD_ALLOCATION[input.role].includes(worker.job_role as JobRole)) {
      throw invalid([
        {
          field: 'workerId',
          rule: 'job-role-may-hold',
          message: `A ${JOB_ROLE[worker.job_role as keyof typeof JOB_ROLE] ?? worker.job_role} cannot be the ${ALLOCATION_ROLE[input.role].toLowerCase()}`,
        },
      ]);
    }
    if (worker.leave_date && worker.leave_date < input.startDate)
      throw invalid([{ field: 'workerId', rule: 'worker-has-left', message: 'This worker has left' }]);
    if (input.startDate < worker.start_date)
      throw invalid([{ field: 'startDate', rule: 'after-worker-start', message: 'The worker had not started by this date' }]);

    const current = await trx
      .selectFrom('allocation')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('allocation_role', '=', input.role)
      .where('end_date', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (current) {
      if (current.worker_id === input.workerId)
        throw new Problem(409, 'Conflict', 'This worker is already allocated', [
          { field: 'workerId', rule: 'already-allocated', message: 'Choose a different worker' },
        ]);
      if (input.startDate < current.start_date)
        throw invalid([
          {
            field: 'startDate',
            rule: 'after-current-allocation',
            message: `The current allocation began on ${current.start_date}; a new one cannot start before it`,
          },
        ]);
      await ledger.update(
        'allocation',
        { allocation_id: current.allocation_id },
        { end_date: input.startDate, end_reason: input.reason ?? 'Reallocated', ended_by: actor.user.userId },
        { action: 'end-allocation' },
      );
    }
    const { allocation_id: allocationId } = await insertNew(
      ledger,
      'allocation',
      {
        child_id: childId,
        worker_id: input.workerId,
        allocation_role: input.role,
        start_date: input.startDate,
        start_reason: input.reason ?? null,
        allocated_by: actor.user.userId,
      },
      { action: 'allocate', detail: { workerId: input.workerId, role: input.role, replaced: current?.allocation_id ?? null } },
    );
    const team = worker.team_name ? ` (${worker.team_name})` : '';
    // The child's deadlines move to the new worker with the case when the step settles.
    ledger.chronicle({
      occurredOn: input.startDate,
      category: 'allocation',
      summary: `${ALLOCATION_ROLE[input.role]}: ${worker.given_name} ${worker.family_name}${team}${input.reason ? ` — ${input.reason}` : ''}`,
      recordType: 'allocation',
      recordId: allocationId,
    });
    return { allocationId };
  });
}

export async function endAllocation(db: Kysely<Database>, actor: Actor, childId: string, allocationId: string, input: { endDate: string; reason: string }) {
  return step(db, actor, childId, async (ledger) => {
    const current = await ledger.find('allocation', { allocation_id: allocationId, child_id: childId }, 'allocation', { lock: true });
    if (current.end_date)
      throw new Problem(409, 'Conflict', 'This allocation has already ended', [
        { field: 'allocationId', rule: 'already-ended', message: `Ended on ${current.end_date}` },
      ]);
    if (input.endDate < current.start_date)
      throw invalid([{ field: 'endDate', rule: 'end-after-start', message: `The allocation began on ${current.start_date}` }]);
    await ledger.update(
      'allocation',
      { allocation_id: allocationId },
      { end_date: input.endDate, end_reason: input.reason, ended_by: actor.user.userId },
      { action: 'end-allocation' },
    );
    ledger.chronicle({
      occurredOn: input.endDate,
      category: 'allocation',
      summary: `${ALLOCATION_ROLE[current.allocation_role as AllocationRole] ?? current.allocation_role} allocation ended — ${input.reason}`,
      recordType: 'allocation',
      recordId: allocationId,
    });
    return { allocationId };
  });
}

/**
 * Routing and transfers: the team holding a case. The front door's referral decision routes the
 * child to a team (case_team); that team's manager then sees the child on their landing page
 * (the `allocation` deadline falls to them) and allocates a worker from their team. A manager may
 * offer a case to another team; on acceptance the case, its open deadlines and worklist items
 * move (they are derived from the holder, so re-deriving them moves them). Every step through
 * the ledger, with who and why.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { ALLOCATION_ROLE, type AllocationRole, JOB_ROLE, type JobRole, MAY_HOLD_ALLOCATION } from '@lantern/core/codes';
import { scopeFor } from '@lantern/core/permissions';
import type { caseRouting, iroAllocation, transferDecision, transferRequest } from '@lantern/core/work';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { NO_ID } from '../../kernel/access.ts';
import { currentEpisode } from '../../kernel/casework.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, forbidden, invalid, Problem } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { stepOnRecord } from '../../kernel/record-step.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

async function teamNamed(ledger: Ledger, teamId: string, field: string) {
  const team = await ledger.row('team', { team_id: teamId });
  if (!team) throw invalid([{ field, rule: 'exists', message: 'Choose a team of this council' }]);
  return team;
}

/** The team holding the child's case now: the allocated social worker's, else the team it was routed to. */
export async function holdingTeam(db: Kysely<Database>, laCode: string, childId: string): Promise<{ team_id: string; name: string } | null> {
  const row = await sql<{ team_id: string; name: string }>`
    select t.team_id, t.name from (
      select w.team_id, 0 as k from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
      where a.la_code = ${laCode} and a.child_id = ${childId} and a.allocation_role = 'social-worker' and a.end_date is null
      union all
      select ct.team_id, 1 from case_team ct where ct.la_code = ${laCode} and ct.child_id = ${childId} and ct.ended_on is null
    ) h join team t on t.la_code = ${laCode} and t.team_id = h.team_id order by h.k limit 1`.execute(db);
  return row.rows[0] ?? null;
}

/** Writes the routing through the ledger: the current team's row ends, the new team's begins. */
export async function routeWithin(
  ledger: Ledger,
  childId: string,
  input: { teamId: string; reason: string; on: string; episodeId?: string | null; transferId?: string | null },
) {
  const team = await teamNamed(ledger, input.teamId, 'teamId');
  const current = await ledger.row('case_team', { child_id: childId, ended_on: null }, { lock: true });
  if (current?.team_id === input.teamId && !input.transferId) return current.routing_id;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max would make them NaN
  if (current) await ledger.update('case_team', { routing_id: current.routing_id }, { ended_on: input.on < current.routed_on ? current.routed_on : input.on });
  const row = await insertNew(ledger, 'case_team', {
    child_id: childId,
    team_id: input.teamId,
    episode_id: input.episodeId ?? null,
    routed_on: input.on,
    routed_by: ledger.actor?.user.userId ?? null,
    reason: input.reason,
    transfer_id: input.transferId ?? null,
  });
  ledger.chronicle({
    childId,
    occurredOn: input.on,
    category: 'allocation',
    summary: `${input.transferId ? 'Case transferred' : 'Referred'} to ${team.name} by ${ledger.actor?.user.displayName ?? 'Lantern'} — ${input.reason}`,
    recordType: 'case-team',
    recordId: row.routing_id,
  });
  return row.routing_id;
}

/** Routes a child to a team on its own (a re-route by the front door or the head of service). */
export async function routeChild(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof caseRouting>) {
  return step(db, actor, childId, async (ledger) => {
    const episode = await currentEpisode(ledger.db, actor.user.laCode, childId);
    if (!episode)
      throw conflict('The child has no open referral to route', [{ field: 'childId', rule: 'open-episode-required', message: 'Record the referral first' }]);
    const routingId = await routeWithin(ledger, childId, { ...input, on: todayInEngland(), episodeId: episode.episode_id });
    return { routingId };
  });
}

/** The teams a referral may go to, each with the children it holds now. */
export async function routingTeams(db: Kysely<Database>, laCode: string) {
  const rows = await sql<{ team_id: string; name: string; service: string; caseload: number; awaiting: number }>`
    select t.team_id, t.name, t.service,
      (select count(distinct a.child_id) from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where a.la_code = t.la_code and w.team_id = t.team_id and a.end_date is null and a.allocation_role = 'social-worker')::int as caseload,
      (select count(*) from case_team ct where ct.la_code = t.la_code and ct.team_id = t.team_id and ct.ended_on is null
        and not exists (select 1 from allocation a where a.la_code = ct.la_code and a.child_id = ct.child_id and a.allocation_role = 'social-worker' and a.end_date is null))::int as awaiting
    from team t where t.la_code = ${laCode} and t.service <> 'Front door' and t.service <> 'Quality assurance'
    order by t.service, t.name`.execute(db);
  return rows.rows.map((r) => ({
    teamId: r.team_id,
    name: r.name,
    service: r.service,
    caseload: Number(r.caseload) + Number(r.awaiting),
    awaitingAllocation: Number(r.awaiting),
  }));
}

/** A manager offers a case held by their team to another team. */
export async function requestTransfer(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof transferRequest>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const to = await teamNamed(ledger, input.toTeamId, 'toTeamId');
    const from = await holdingTeam(ledger.db, laCode, childId);
    if (scopeFor(actor.user.role, 'transfer:request') === 'team' && from && from.team_id !== actor.user.teamId)
      throw forbidden('A team manager offers only cases their own team holds');
    if (from?.team_id === input.toTeamId) throw invalid([{ field: 'toTeamId', rule: 'another-team', message: `${to.name} holds the case already` }]);
    const open = await ledger.db
      .selectFrom('case_transfer')
      .select('transfer_id')
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (open)
      throw conflict('A transfer of this case is already waiting for an answer', [
        { field: 'toTeamId', rule: 'one-open-transfer', message: 'Wait for the answer' },
      ]);
    const row = await insertNew(ledger, 'case_transfer', {
      child_id: childId,
      from_team_id: from?.team_id ?? null,
      to_team_id: input.toTeamId,
      requested_on: todayInEngland(),
      requested_by: actor.user.userId,
      reason: input.reason,
      status: 'requested',
    });
    ledger.chronicle({
      occurredOn: row.requested_on,
      category: 'allocation',
      summary: `Transfer to ${to.name} requested by ${actor.user.displayName} — ${input.reason}`,
      recordType: 'case-transfer',
      recordId: row.transfer_id,
    });
    return { transferId: row.transfer_id };
  });
}

/**
 * The receiving team's manager (or the head of service) accepts or declines. On acceptance the
 * allocated social worker's allocation ends, the case is routed to the receiving team, and the
 * child's open deadlines are derived again, so they move to that team and its manager.
 */
export async function decideTransfer(db: Kysely<Database>, actor: Actor, transferId: string, input: In<typeof transferDecision>) {
  // Who may decide is set by the receiving team, not by who holds the child now.
  return stepOnRecord(db, actor, 'case_transfer', { transfer_id: transferId }, 'transfer', async (ledger, transfer) => {
    if (scopeFor(actor.user.role, 'transfer:decide') === 'team' && transfer.to_team_id !== actor.user.teamId)
      throw forbidden('The receiving team’s manager decides on a transfer');
    if (transfer.status !== 'requested')
      throw conflict(`This transfer was already ${transfer.status}`, [{ field: 'accept', rule: 'already-decided', message: 'The transfer has an answer' }]);
    const today = todayInEngland();
    const to = await teamNamed(ledger, transfer.to_team_id, 'toTeamId');
    await ledger.update(
      'case_transfer',
      { transfer_id: transferId },
      {
        status: input.accept ? 'accepted' : 'declined',
        decided_on: today,
        decided_by: actor.user.userId,
        decision_reason: input.reason ?? null,
      },
      { fromVersion: input.version },
    );
    if (!input.accept) {
      ledger.chronicle({
        occurredOn: today,
        category: 'allocation',
        summary: `Transfer to ${to.name} declined by ${actor.user.displayName} — ${input.reason}`,
        recordType: 'case-transfer',
        recordId: transferId,
      });
      return { status: 'declined' as const };
    }
    const held = await ledger.row('allocation', { child_id: transfer.child_id, allocation_role: 'social-worker', end_date: null }, { lock: true });
    if (held) {
      await ledger.update(
        'allocation',
        { allocation_id: held.allocation_id },
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max would make them NaN
        { end_date: today < held.start_date ? held.start_date : today, end_reason: `Transferred to ${to.name}`, ended_by: actor.user.userId },
        { action: 'end-allocation' },
      );
    }
    await routeWithin(ledger, transfer.child_id, { teamId: transfer.to_team_id, reason: transfer.reason, on: today, transferId });
    return { status: 'accepted' as const };
  });
}

/** The child's latest transfer (open or the last answered), for the child's page. */
export async function latestTransfer(db: Kysely<Database>, laCode: string, childId: string) {
  const r = await db
    .selectFrom('case_transfer as x')
    .innerJoin('team as tt', (j) => j.onRef('tt.la_code', '=', 'x.la_code').onRef('tt.team_id', '=', 'x.to_team_id'))
    .leftJoin('team as ft', (j) => j.onRef('ft.la_code', '=', 'x.la_code').onRef('ft.team_id', '=', 'x.from_team_id'))
    .select([
      'x.transfer_id',
      'x.child_id',
      'ft.name as from_team',
      'tt.name as to_team',
      'x.to_team_id',
      'x.requested_on',
      'x.reason',
      'x.status',
      'x.decided_on',
      'x.decision_reason',
      'x.version',
    ])
    .where(ofChild('x', laCode, childId))
    .orderBy('x.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return null;
  return {
    transferId: r.transfer_id,
    childId: r.child_id,
    fromTeam: r.from_team,
    toTeam: r.to_team,
    toTeamId: r.to_team_id,
    requestedOn: r.requested_on,
    reason: r.reason,
    status: r.status,
    decidedOn: r.decided_on,
    decisionReason: r.decision_reason,
    version: r.version,
  };
}

/**
 * The people this user may allocate to this kind of role: a team manager their own team's, the
 * head of service anyone's; an IRO only by those who allocate IROs. Leavers and job roles that
 * cannot hold the allocation are left out, so nothing offered is then refused.
 */
export async function allocatableWorkers(db: Kysely<Database>, actor: Actor, role: AllocationRole) {
  const user = actor.user;
  const scope = scopeFor(user.role, role === 'iro' ? 'iro:allocate' : 'allocation:manage');
  if (!scope) return [];
  const today = todayInEngland();
  let q = db
    .selectFrom('worker as w')
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
    .select([
      'w.worker_id',
      'w.given_name',
      'w.family_name',
      'w.job_role',
      't.name as team_name',
      sql<number>`(select count(*) from allocation a where a.la_code = w.la_code and a.worker_id = w.worker_id and a.end_date is null)::int`.as('caseload'),
    ])
    .where('w.la_code', '=', user.laCode)
    .where('w.job_role', 'in', [...MAY_HOLD_ALLOCATION[role]])
    .where('w.start_date', '<=', today)
    .where((eb) => eb.or([eb('w.leave_date', 'is', null), eb('w.leave_date', '>=', today)]));
  if (scope !== 'council') q = q.where('w.team_id', '=', user.teamId ?? NO_ID);
  const rows = await q.orderBy('w.family_name').orderBy('w.given_name').execute();
  return rows.map((r) => ({
    workerId: r.worker_id,
    name: `${r.given_name} ${r.family_name}`,
    jobRole: JOB_ROLE[r.job_role as JobRole] ?? r.job_role,
    teamName: r.team_name,
    caseload: Number(r.caseload),
  }));
}

/** An IRO manager (or the head of service) allocates the child's IRO. */
export async function allocateIro(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof iroAllocation>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    new DateRules().notInFuture('startDate', input.startDate).check();
    const worker = await ledger.db
      .selectFrom('worker')
      .select(['worker_id', 'given_name', 'family_name', 'job_role', 'leave_date', 'start_date'])
      .where('la_code', '=', laCode)
      .where('worker_id', '=', input.workerId)
      .executeTakeFirst();
    if (!worker || !MAY_HOLD_ALLOCATION.iro.includes(worker.job_role as JobRole))
      throw invalid([{ field: 'workerId', rule: 'job-role-may-hold', message: 'Choose an independent reviewing officer' }]);
    if (worker.leave_date && worker.leave_date < input.startDate) throw invalid([{ field: 'workerId', rule: 'worker-has-left', message: 'This IRO has left' }]);
    if (input.startDate < worker.start_date)
      throw invalid([{ field: 'startDate', rule: 'after-worker-start', message: 'The IRO had not started by this date' }]);
    const current = await ledger.row('allocation', { child_id: childId, allocation_role: 'iro', end_date: null }, { lock: true });
    if (current?.worker_id === input.workerId)
      throw new Problem(409, 'Conflict', 'This IRO is already allocated', [
        { field: 'workerId', rule: 'already-allocated', message: 'Choose a different IRO' },
      ]);
    if (current) {
      if (input.startDate < current.start_date)
        throw invalid([{ field: 'startDate', rule: 'after-current-allocation', message: `The current IRO began on ${current.start_date}` }]);
      await ledger.update(
        'allocation',
        { allocation_id: current.allocation_id },
        { end_date: input.startDate, end_reason: input.reason ?? 'New IRO allocated', ended_by: actor.user.userId },
        { action: 'end-allocation' },
      );
    }
    const row = await insertNew(
      ledger,
      'allocation',
      {
        child_id: childId,
        worker_id: input.workerId,
        allocation_role: 'iro',
        start_date: input.startDate,
        start_reason: input.reason ?? null,
        allocated_by: actor.user.userId,
      },
      { action: 'allocate' },
    );
    ledger.chronicle({
      occurredOn: input.startDate,
      category: 'allocation',
      summary: `${ALLOCATION_ROLE.iro}: ${worker.given_name} ${worker.family_name}${input.reason ? ` — ${input.reason}` : ''}`,
      recordType: 'allocation',
      recordId: row.allocation_id,
    });
    return { allocationId: row.allocation_id };
  });
}

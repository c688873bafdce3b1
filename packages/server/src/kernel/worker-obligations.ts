/**
 * Deadlines that belong to a worker, not a child: formal supervision (and the ASYE's closer
 * supervision) and completing induction. Derived from the record by set-based SQL like a child's
 * obligations (kernel/obligations.ts), materialised in `worker_obligation`, and owed by the
 * worker's supervisor: their named supervisor, else their team's manager.
 */
import { SUPERVISED_ROLES } from '@lantern/core/workforce';
import { effectiveDue, ruleById } from '@lantern/core/timescales';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { dueOf } from './obligations.ts';
import { councilTimescaleSettings } from './settings.ts';

export const WORKER_RULES = ['supervision', 'supervision-asye', 'induction'] as const;
export type WorkerRule = (typeof WORKER_RULES)[number];

/**
 * One row per occasion: the worker's start, then each supervision, each met by the next.
 * Occasions in the first 12 months of an ASYE fall under supervision-asye: weekly for six weeks,
 * fortnightly to six months, then monthly (core's asyeSupervisionInterval, as SQL). A leaver's
 * last occasion ends on their leaving day.
 */
function supervisionOccasions(scope: (alias: string) => RawBuilder<unknown>) {
  return sql`
    select o.worker_id, o.source_id, o.on_date, o.asye_start,
      o.next_on, case when o.next_on is null then o.leave_date end, case when o.next_on is null and o.leave_date is not null then 'Left' end,
      (o.asye_start is not null and o.on_date < (o.asye_start + interval '12 months')::date) as in_asye
    from (
      select x.*, lead(on_date) over (partition by la_code, worker_id order by on_date, is_occasion, source_id) as next_on
      from (
        select w.la_code, w.worker_id, w.asye_start, w.leave_date, w.worker_id as source_id, w.start_date as on_date, 0 as is_occasion
        from worker w where ${scope('w')} and w.job_role = any(${[...SUPERVISED_ROLES]}::text[])
        union all
        select w.la_code, w.worker_id, w.asye_start, w.leave_date, s.supervision_id, s.held_on, 1
        from worker w join supervision s on s.la_code = w.la_code and s.worker_id = w.worker_id and s.held_on >= w.start_date
          and (w.leave_date is null or s.held_on <= w.leave_date)
        where ${scope('w')} and w.job_role = any(${[...SUPERVISED_ROLES]}::text[])
      ) x
    ) o`;
}

/** The ASYE interval after an occasion on d.start_date, counted from d.asye_start. */
const ASYE_DUE = sql`(case
  when d.start_date < d.asye_start + 42 then d.start_date + 7
  when d.start_date < (d.asye_start + interval '6 months')::date then d.start_date + 14
  else (d.start_date + interval '1 month')::date end)`;

/** Rebuilds the worker obligations of a council, or of some of its workers, in the caller's transaction if it has one. */
export async function refreshWorkerObligations(db: Kysely<Database>, laCode: string, options: { workerIds?: string[] } = {}): Promise<{ obligations: number }> {
  const workerIds = options.workerIds;
  if (workerIds && workerIds.length === 0) return { obligations: 0 };
  const scope = (alias: string) =>
    workerIds
      ? sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.worker_id`)} = any(${workerIds}::uuid[])`
      : sql`${sql.ref(`${alias}.la_code`)} = ${laCode}`;
  const settings = await councilTimescaleSettings(db, laCode);
  const supervisionDue = dueOf(effectiveDue(ruleById('supervision'), settings));
  const inductionDue = dueOf(effectiveDue(ruleById('induction'), settings));
  // The supervisor: the worker's named supervisor, else their team's manager (never themselves).
  const who = sql`left join worker ww on ww.la_code = ${laCode} and ww.worker_id = d.worker_id
    left join team t on t.la_code = ww.la_code and t.team_id = ww.team_id`;
  const supervisor = sql`nullif(coalesce(ww.supervisor_worker_id, t.manager_worker_id), d.worker_id)`;

  const supervision = sql`
    select d.worker_id, case when d.in_asye then 'supervision-asye' else 'supervision' end, d.source_id, d.start_date,
      case when d.in_asye then ${ASYE_DUE} else ${supervisionDue.expr} end, d.met_on, d.ended_on, d.end_reason, ${supervisor}, ww.team_id
    from (${supervisionOccasions(scope)}) as d (worker_id, source_id, start_date, asye_start, met_on, ended_on, end_reason, in_asye)
    ${supervisionDue.joins}
    ${who}`;
  // Complete when every item of the starter's checklist is signed off: met on the last sign-off.
  const induction = sql`
    select d.worker_id, 'induction', d.worker_id, d.start_date, ${inductionDue.expr},
      d.met_on, case when d.met_on is null then d.leave_date end, case when d.met_on is null and d.leave_date is not null then 'Left' end,
      ${supervisor}, ww.team_id
    from (
      select w.worker_id, w.start_date, w.leave_date,
        case when bool_and(i.completed_on is not null) then max(i.completed_on) end as met_on
      from worker w join induction_item i on i.la_code = w.la_code and i.worker_id = w.worker_id
      where ${scope('w')}
      group by w.worker_id, w.start_date, w.leave_date
    ) d
    ${inductionDue.joins}
    ${who}`;

  const run = async (trx: Kysely<Database>) => {
    await sql`delete from worker_obligation o where ${scope('o')}`.execute(trx);
    const result = await sql`
      insert into worker_obligation (la_code, worker_id, rule_id, source_id, start_date, due_date, met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id)
      select ${laCode}, r.* from (${supervision} union all ${induction}) as r`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  const obligations = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return { obligations };
}

/** Which engine rebuilds a rule's deadlines when its council setting changes. */
export function isWorkerRule(ruleId: string): ruleId is WorkerRule {
  return (WORKER_RULES as readonly string[]).includes(ruleId);
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCensus, validateCensus } from '../src/areas/workforce/index.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';
import { expectBetween } from './helpers/rates.ts';

// The synthetic council's workforce history: believable rates, and the same for the same seed.
const LA = 'E06000019';
const AS_OF = '2026-11-23';
let a: Store;
let b: Store;

beforeAll(async () => {
  [a, b] = await Promise.all([openTestStore(), openTestStore()]);
  await Promise.all([seedCouncil(a.db, { children: 300, seed: 5, asOf: AS_OF }), seedCouncil(b.db, { children: 300, seed: 5, asOf: AS_OF })]);
}, 400_000);
afterAll(() => Promise.all([a?.close(), b?.close()]));

const one = async <T>(store: Store, query: ReturnType<typeof sql<T>>) => (await query.execute(store.db)).rows[0] as T;

describe('the synthetic workforce history', () => {
  it('is the same for the same seed', async () => {
    const history = (s: Store) =>
      sql`select s.worker_id, s.held_on, s.supervisor_worker_id, (select string_agg(c.child_id::text || c.direction, ',' order by c.child_id) from supervision_child c
        where c.supervision_id = s.supervision_id) as discussed from supervision s where s.la_code = ${LA} order by s.supervision_id`.execute(s.db);
    const first = (await history(a)).rows;
    expect(first.length).toBeGreaterThan(100);
    expect((await history(b)).rows).toEqual(first);
  });

  it('supervises most practitioners on time, with gaps: some overdue, a few by months', async () => {
    const r = await one(
      a,
      sql<{ practitioners: number; overdue: number; longOverdue: number; withChildren: number; supervisions: number }>`
      select count(distinct o.worker_id)::int as practitioners,
        count(distinct o.worker_id) filter (where o.due_date < ${AS_OF})::int as overdue,
        count(distinct o.worker_id) filter (where o.due_date < (${AS_OF}::date - 42))::int as "longOverdue",
        (select count(distinct supervision_id)::int from supervision_child where la_code = ${LA}) as "withChildren",
        (select count(*)::int from supervision where la_code = ${LA}) as supervisions
      from worker_obligation o where o.la_code = ${LA} and o.rule_id in ('supervision', 'supervision-asye') and o.met_on is null and o.ended_on is null`,
    );
    expect(r.practitioners).toBeGreaterThan(10);
    expectBetween(r.overdue / r.practitioners, 0.03, 0.5);
    expect(r.withChildren / r.supervisions).toBeGreaterThan(0.5);
  });

  it('puts newly qualified workers in their ASYE with a protected caseload; new starters have inductions; leavers have reasons', async () => {
    const r = await one(
      a,
      sql<{ asye: number; asyeOk: number; inductions: number; inductionsOk: number; leavers: number; leaversWithReason: number }>`
      select (select count(*)::int from worker where la_code = ${LA} and asye_start is not null) as asye,
        (select count(*)::int from worker where la_code = ${LA} and asye_start = start_date and start_date > (${AS_OF}::date - 365)
          and job_role = 'social-worker' and employment = 'permanent' and protected_caseload between 8 and 15) as "asyeOk",
        (select count(distinct worker_id)::int from induction_item where la_code = ${LA}) as inductions,
        (select count(distinct i.worker_id)::int from induction_item i join worker w using (la_code, worker_id)
          where i.la_code = ${LA} and w.start_date > (${AS_OF}::date - 366)) as "inductionsOk",
        (select count(*)::int from worker where la_code = ${LA} and leave_date is not null) as leavers,
        (select count(*)::int from worker where la_code = ${LA} and leave_date is not null and leave_reason is not null) as "leaversWithReason"`,
    );
    expect(r.asyeOk).toBe(r.asye);
    expect(r.inductions).toBeGreaterThan(0);
    expect(r.inductionsOk).toBe(r.inductions);
    expect(r.leavers).toBeGreaterThan(0);
    expect(r.leaversWithReason).toBe(r.leavers);
  });

  it('records managers’ oversight on open cases, with some cases left longer than three months', async () => {
    const r = await one(
      a,
      sql<{ open: number; overdue: number; decisions: number }>`
      select count(distinct o.child_id)::int as open,
        count(distinct o.child_id) filter (where o.due_date < ${AS_OF})::int as overdue,
        (select count(*)::int from management_decision where la_code = ${LA} and kind = 'oversight') as decisions
      from obligation o where o.la_code = ${LA} and o.rule_id = 'management-oversight' and o.met_on is null and o.ended_on is null`,
    );
    expect(r.decisions).toBeGreaterThan(r.open);
    expectBetween(r.overdue / r.open, 0.05, 0.45);
  });

  it('audits cases with every grade, moderates about half, and shows over-optimistic risk assessments', async () => {
    const r = await one(
      a,
      sql<{ audits: number; grades: number; moderated: number; actions: number; viewed: number; optimistic: number }>`
      select count(*)::int as audits, count(distinct grade)::int as grades, count(*) filter (where moderated_on is not null)::int as moderated,
        (select count(*)::int from case_audit_action where la_code = ${LA}) as actions,
        (select count(*)::int from risk_assessment where la_code = ${LA} and manager_scale is not null) as viewed,
        (select count(*)::int from risk_assessment where la_code = ${LA} and worker_scale - manager_scale >= 2) as optimistic
      from case_audit where la_code = ${LA}`,
    );
    expect(r.audits).toBeGreaterThan(5);
    expect(r.grades).toBeGreaterThanOrEqual(3);
    expectBetween(r.moderated / r.audits, 0.2, 0.8);
    expect(r.actions).toBeGreaterThan(0);
    expectBetween(r.optimistic / r.viewed, 0.1, 0.5);
  });

  it('builds a census that passes the schema and the rules, with vacancies and agency staff', async () => {
    const census = await buildCensus(a.db, LA, 2026);
    expect(Number(census.message.vacancies.NumberOfVacancies)).toBeGreaterThan(0);
    expect(Number(census.message.vacancies.NoAgencyHeadcount)).toBeGreaterThan(0);
    expect(census.message.workers.some((w) => w.RoleEndDate)).toBe(true);
    const report = await validateCensus(census.xml);
    expect(report.schemaErrors).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Every leaver has a destination; sickness costs most staff a few days a year, a few many.
    const permanent = census.message.workers.filter((w) => w.AgencyWorker === '0');
    const leavers = permanent.filter((w) => w.RoleEndDate);
    expect(leavers.filter((w) => w.LeaverDestination !== undefined)).toHaveLength(leavers.length);
    expect(leavers.some((w) => w.LeaverDestination === '1')).toBe(true); // to another council
    const lost = permanent.map((w) => Number(w.WorkingDaysLost));
    const mean = lost.reduce((n, d) => n + d, 0) / lost.length;
    expectBetween(mean, 3, 20);
    expect(lost.filter((d) => d === 0).length).toBeGreaterThan(0);
    expect(lost.filter((d) => d >= 20).length).toBeGreaterThan(0);
    // Away on the day: a few in a hundred (too few to be sure of one in a council this small).
    const absent = permanent.filter((w) => w.Absat30Sept?.[0] === '1');
    expect(absent.length).toBeLessThan(permanent.length * 0.15);
    expect(absent.every((w) => w.ReasonAbsence?.length === 1)).toBe(true);
  });

  it('records absences inside each worker’s employment, never overlapping', async () => {
    const r = await one(
      a,
      sql<{ outside: number; overlapping: number; absences: number }>`
      select (select count(*)::int from worker_absence where la_code = ${LA}) as absences,
        (select count(*)::int from worker_absence x join worker w using (la_code, worker_id)
          where x.la_code = ${LA} and (x.start_date < w.start_date or x.start_date > ${AS_OF}::date or x.end_date > coalesce(w.leave_date, ${AS_OF}::date))) as outside,
        (select count(*)::int from worker_absence x join worker_absence y on y.la_code = x.la_code and y.worker_id = x.worker_id and y.absence_id <> x.absence_id
          and y.start_date >= x.start_date and y.start_date <= coalesce(x.end_date, ${AS_OF}::date) where x.la_code = ${LA}) as overlapping`,
    );
    expect(r.absences).toBeGreaterThan(50);
    expect(r).toMatchObject({ outside: 0, overlapping: 0 });
  });
});

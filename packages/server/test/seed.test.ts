import { ROLE_IDS } from '@lantern/core/permissions';
import { checkNhsNumber, checkUpn } from '@lantern/core/identifiers';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { AGENCY, ASSESSMENT_FACTOR, CATEGORY_OF_ABUSE, CLOSURE_REASON } from '@lantern/core/pathway';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/kernel/auth/passwords.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { DEMO_PASSWORD, type SeedSummary, seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';
import { AS_OF, LA, YEAR_BEFORE } from './helpers/seeded.ts';

const CHILDREN = 300;

let a: Store;
let b: Store;
let c: Store;
let summary: SeedSummary;

beforeAll(async () => {
  [a, b, c] = await Promise.all([openTestStore(), openTestStore(), openTestStore()]);
  const progress: string[] = [];
  summary = await seedCouncil(a.db, { children: CHILDREN, seed: 7, asOf: AS_OF, onProgress: (_done, _total, stage) => progress.push(stage) });
  expect(progress).toContain('children');
  expect(progress).toContain('obligations');
  await seedCouncil(b.db, { children: CHILDREN, seed: 7, asOf: AS_OF });
  await seedCouncil(c.db, { children: CHILDREN, seed: 8, asOf: AS_OF });
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

async function children(store: Store) {
  return store.db
    .selectFrom('person')
    .select(['person_id', 'la_child_id', 'given_name', 'family_name', 'date_of_birth', 'upn', 'nhs_number'])
    .where('la_code', '=', LA)
    .where('is_child', '=', true)
    .orderBy('la_child_id')
    .execute();
}

async function allocations(store: Store) {
  return store.db
    .selectFrom('allocation')
    .select(['allocation_id', 'child_id', 'worker_id', 'allocation_role', 'start_date', 'end_date', 'end_reason'])
    .where('la_code', '=', LA)
    .orderBy('allocation_id')
    .execute();
}

describe('the synthetic council generator', () => {
  it('gives identical data for the same seed and different data for another', async () => {
    const [first, again, other] = await Promise.all([children(a), children(b), children(c)]);
    expect(first).toHaveLength(CHILDREN);
    expect(again).toEqual(first);
    expect(await allocations(b)).toEqual(await allocations(a));
    const names = (rows: typeof first) => rows.map((r) => `${r.given_name} ${r.family_name} ${r.date_of_birth}`);
    expect(names(other)).not.toEqual(names(first));
    expect(other.map((r) => r.person_id)).not.toEqual(first.map((r) => r.person_id));
  });

  it('makes the children, adults, staff and teams it reports', async () => {
    const db = a.db;
    const count = async (table: 'person' | 'worker' | 'team', where?: ReturnType<typeof sql>) => {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where la_code = ${LA} and ${where ?? sql`true`}`.execute(db);
      return r.rows[0]?.n;
    };
    expect(summary.children).toBe(CHILDREN);
    expect(await count('person', sql`is_child`)).toBe(CHILDREN);
    expect(await count('person', sql`not is_child`)).toBe(summary.adults);
    expect(summary.adults).toBeGreaterThan(CHILDREN * 0.5);
    expect(await count('worker')).toBe(summary.workers);
    expect(summary.workers).toBeGreaterThanOrEqual(15);
    expect(await count('team')).toBe(summary.teams);
    expect(summary.password).toBe(DEMO_PASSWORD);

    const teams = await db.selectFrom('team').select(['name', 'service', 'team_id', 'manager_worker_id']).where('la_code', '=', LA).execute();
    expect(new Set(teams.map((t) => t.service))).toEqual(
      new Set(['Front door', 'Assessment', 'Children in need', 'Child protection', 'Children looked after', 'Care leavers', 'Quality assurance']),
    );
    const managers = await db.selectFrom('worker').select(['worker_id', 'team_id', 'job_role']).where('job_role', '=', 'team-manager').execute();
    for (const team of teams) {
      const manager = managers.find((m) => m.worker_id === team.manager_worker_id);
      expect(manager?.team_id, team.name).toBe(team.team_id);
    }

    const ids = await db.selectFrom('person').select('la_child_id').where('is_child', '=', true).execute();
    for (const { la_child_id } of ids) expect(la_child_id).toMatch(/^HC\d{6}$/);

    const roles = await db.selectFrom('worker').select('job_role').distinct().execute();
    expect(roles.map((r) => r.job_role)).toEqual(
      expect.arrayContaining([
        'social-worker',
        'senior-practitioner',
        'team-manager',
        'iro',
        'personal-adviser',
        'head-of-service',
        'director',
        'performance-analyst',
        'administrator',
      ]),
    );
    const staff = await db.selectFrom('worker').select(['employment', 'leave_date', 'swe_number', 'job_role']).execute();
    expect(staff.some((w) => w.employment === 'agency')).toBe(true);
    expect(staff.some((w) => w.leave_date !== null && w.leave_date >= YEAR_BEFORE && w.leave_date <= AS_OF)).toBe(true);
    const swe = staff.filter((w) => w.job_role === 'social-worker' || w.job_role === 'team-manager').map((w) => w.swe_number);
    expect(swe.every((s) => s !== null && /^SW\d{6}$/.test(s))).toBe(true);
    expect(new Set(swe).size).toBe(swe.length);

    const versions = await sql<{
      n: number;
    }>`select count(*)::int as n from record_version where la_code = ${LA} and record_type = 'person' and version = 1`.execute(db);
    expect(versions.rows[0]?.n).toBe(CHILDREN + summary.adults);
  });

  it('gives valid UPNs and NHS numbers, and a reason where a child has no UPN', async () => {
    const rows = await a.db
      .selectFrom('person')
      .select(['upn', 'upn_unknown', 'nhs_number', 'date_of_birth', 'expected_date_of_birth', 'sex'])
      .where('is_child', '=', true)
      .execute();
    const upns = rows.flatMap((r) => (r.upn ? [r.upn] : []));
    const nhs = rows.flatMap((r) => (r.nhs_number ? [r.nhs_number] : []));
    expect(upns.length).toBeGreaterThan(CHILDREN * 0.5);
    expect(nhs.length).toBeGreaterThan(CHILDREN * 0.8);
    for (const upn of upns) expect(checkUpn(upn), upn).toBeNull();
    for (const n of nhs) expect(checkNhsNumber(n), n).toBeNull();
    expect(new Set(upns).size).toBe(upns.length);
    expect(new Set(nhs).size).toBe(nhs.length);
    for (const r of rows) {
      expect(r.upn !== null || r.upn_unknown !== null).toBe(true);
      expect(r.date_of_birth !== null || (r.expected_date_of_birth !== null && r.sex === 'U')).toBe(true);
    }
  });

  it('never gives a child two open allocations of the same kind', async () => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from (
        select child_id, allocation_role from allocation where la_code = ${LA} and end_date is null
        group by 1, 2 having count(*) > 1) twice`.execute(a.db);
    expect(r.rows[0]?.n).toBe(0);
  });

  it('ends every allocation to a worker who left on or before their leave date, and starts none before they joined', async () => {
    const r = await sql<{ late: number; early: number; leaverAllocations: number }>`
      select count(*) filter (where w.leave_date is not null and (a.end_date is null or a.end_date > w.leave_date))::int as late,
             count(*) filter (where a.start_date < w.start_date)::int as early,
             count(*) filter (where w.leave_date is not null)::int as "leaverAllocations"
      from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
      where a.la_code = ${LA}`.execute(a.db);
    expect(r.rows[0]).toMatchObject({ late: 0, early: 0 });
    expect(r.rows[0]?.leaverAllocations).toBeGreaterThan(0);
  });

  it('shows churn: about a quarter of open cases had 3 or more social workers in 12 months, and a few are unallocated', async () => {
    const r = await sql<{ open: number; many: number }>`
      with open_cases as (
        select distinct child_id from allocation
        where la_code = ${LA} and allocation_role = 'social-worker' and end_date is null),
      workers as (
        select a.child_id, count(distinct a.worker_id) as n from allocation a join open_cases using (child_id)
        where a.la_code = ${LA} and a.allocation_role = 'social-worker' and (a.end_date is null or a.end_date >= ${YEAR_BEFORE})
        group by a.child_id)
      select count(*)::int as open, count(*) filter (where n >= 3)::int as many from workers`.execute(a.db);
    const { open, many } = r.rows[0] as { open: number; many: number };
    expect(open).toBeGreaterThan(CHILDREN * 0.7);
    expect(many / open).toBeGreaterThan(0.12);
    expect(many / open).toBeLessThan(0.45);

    const reasons = await sql<{ end_reason: string }>`select distinct end_reason from allocation where la_code = ${LA} and end_reason is not null`.execute(
      a.db,
    );
    expect(reasons.rows.map((x) => x.end_reason)).toEqual(
      expect.arrayContaining(['Worker left', 'Team transfer', 'Reallocation to balance caseloads', 'Case closed']),
    );

    // Children with no open allocation of any kind and no closed case: awaiting allocation.
    const waiting = await sql<{ n: number }>`
      select count(*)::int as n from person p where p.la_code = ${LA} and p.is_child
        and not exists (select 1 from allocation x where x.child_id = p.person_id and x.end_date is null)
        and not exists (select 1 from allocation x where x.child_id = p.person_id and x.end_reason = 'Case closed')`.execute(a.db);
    expect(waiting.rows[0]?.n).toBeLessThan(CHILDREN * 0.05);
  });

  it('mixes open, looked-after and closed cases, with IROs and personal advisers', async () => {
    const r = await sql<{ iro: number; pa: number; closed: number }>`
      select count(distinct child_id) filter (where allocation_role = 'iro' and end_date is null)::int as iro,
             count(distinct child_id) filter (where allocation_role = 'personal-adviser' and end_date is null)::int as pa,
             count(distinct child_id) filter (where end_reason = 'Case closed')::int as closed
      from allocation where la_code = ${LA}`.execute(a.db);
    const { iro, pa, closed } = r.rows[0] as { iro: number; pa: number; closed: number };
    expect(iro / CHILDREN).toBeGreaterThan(0.08);
    expect(iro / CHILDREN).toBeLessThan(0.28);
    expect(closed / CHILDREN).toBeGreaterThan(0.07);
    expect(closed / CHILDREN).toBeLessThan(0.25);
    expect(pa).toBeGreaterThan(0);
  });

  it('keeps caseloads believable', async () => {
    const r = await sql<{ perFte: number; most: number }>`
      with loads as (
        select w.worker_id, w.fte, count(a.allocation_id) as n
        from worker w left join allocation a on a.worker_id = w.worker_id and a.end_date is null and a.allocation_role = 'social-worker'
        where w.la_code = ${LA} and w.leave_date is null and w.job_role in ('social-worker', 'senior-practitioner')
        group by w.worker_id, w.fte having count(a.allocation_id) > 0)
      select (sum(n) / sum(fte))::float as "perFte", max(n)::int as most from loads`.execute(a.db);
    expect(r.rows[0]?.perFte).toBeGreaterThan(12);
    expect(r.rows[0]?.perFte).toBeLessThan(30);
    expect(r.rows[0]?.most).toBeLessThan(50);
  });

  it('writes a chronology for every child, with an entry for each allocation', async () => {
    const r = await sql<{ without: number; allocations: number; entries: number; future: number }>`
      select (select count(*) from person p where p.la_code = ${LA} and p.is_child
                and not exists (select 1 from chronology_entry e where e.child_id = p.person_id))::int as without,
             (select count(*) from allocation where la_code = ${LA})::int as allocations,
             (select count(*) from chronology_entry where la_code = ${LA} and category = 'allocation' and record_type = 'allocation')::int as entries,
             (select count(*) from chronology_entry where la_code = ${LA} and occurred_on > ${AS_OF})::int as future`.execute(a.db);
    expect(r.rows[0]).toMatchObject({ without: 0, future: 0 });
    expect(r.rows[0]?.entries).toBe(r.rows[0]?.allocations);
    const sample = await a.db.selectFrom('chronology_entry').select(['summary', 'recorded_by']).where('category', '=', 'allocation').limit(5).execute();
    for (const s of sample) {
      expect(s.summary).toMatch(/^Allocated to \S+ \S+.* \(.+\)$/);
      expect(s.recorded_by).toBeNull();
    }
  });

  it('creates a demo user for every role, with the demo password', async () => {
    const users = await a.db
      .selectFrom('app_user')
      .leftJoin('worker', (j) => j.onRef('worker.la_code', '=', 'app_user.la_code').onRef('worker.worker_id', '=', 'app_user.worker_id'))
      .select(['username', 'role', 'display_name', 'password_hash', 'app_user.worker_id', 'worker.team_id', 'worker.job_role'])
      .where('app_user.la_code', '=', LA)
      .execute();
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLE_IDS));
    expect(summary.users.map((u) => u.username).sort()).toEqual([
      'admin.demo',
      'analyst.demo',
      'fd.demo',
      'ftm.demo',
      'hos.demo',
      'ig.demo',
      'iro.demo',
      'irom.demo',
      'legal.demo',
      'partner.demo',
      'ssw.demo',
      'sw.demo',
      'tm.demo',
    ]);
    const by = (name: string) => users.find((u) => u.username === name);
    expect(by('sw.demo')?.job_role).toBe('social-worker');
    expect(by('sw.demo')?.display_name).toMatch(/^\S+ \S+ \(social worker\)$/);
    expect(by('tm.demo')?.job_role).toBe('team-manager');
    expect(by('tm.demo')?.team_id).toBe(by('sw.demo')?.team_id);
    const team = await a.db
      .selectFrom('team')
      .select(['service', 'manager_worker_id'])
      .where('team_id', '=', by('sw.demo')?.team_id as string)
      .executeTakeFirstOrThrow();
    expect(team.service).toBe('Children in need');
    expect(team.manager_worker_id).toBe(by('tm.demo')?.worker_id);
    const iroLoad = await a.db
      .selectFrom('allocation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('worker_id', '=', by('iro.demo')?.worker_id as string)
      .where('allocation_role', '=', 'iro')
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(iroLoad.n)).toBeGreaterThan(0);
    expect(await verifyPassword(DEMO_PASSWORD, by('admin.demo')?.password_hash as string)).toBe(true);
  });

  it('refuses to seed a council that already has people', async () => {
    await expect(seedCouncil(a.db, { children: 10 })).rejects.toThrow(/already has people/);
  });

  it('reports the rows it wrote', async () => {
    for (const table of ['person', 'allocation', 'chronology_entry', 'contact', 'cin_episode', 'assessment', 'cp_plan', 'visit', 'obligation'] as const) {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where la_code = ${LA}`.execute(a.db);
      expect(summary.records[table], table).toBe(r.rows[0]?.n);
    }
    expect(summary.records.cin_episode).toBeGreaterThan(CHILDREN * 0.8);
  });
});

/** Rows of a query whose rows break a rule (each row says what broke, for the failure message). */
async function broken(store: Store, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(store.db)).rows;
}

describe('the children-in-need and child-protection histories', () => {
  it('gives identical casework for the same seed', async () => {
    const casework = async (store: Store) =>
      (
        await sql`select e.episode_id, e.referral_date, e.closure_date, e.closure_reason,
          (select count(*)::int from visit v where v.episode_id = e.episode_id) as visits,
          (select string_agg(a.authorised_on::text, ',' order by a.start_date) from assessment a where a.episode_id = e.episode_id) as authorised
          from cin_episode e where e.la_code = ${LA} order by e.episode_id`.execute(store.db)
      ).rows;
    const first = await casework(a);
    expect(first.length).toBeGreaterThan(CHILDREN * 0.8);
    expect(await casework(b)).toEqual(first);
  });

  it('keeps every date in order and none after the as-of date', async () => {
    const rows = await broken(
      a,
      sql`
      select 'contact decided before received' as rule, contact_id::text as id from contact where decided_on < received_on
      union all select 'contact date not the timestamp''s', contact_id::text from contact where received_at::date <> received_on
      union all select 'referral contact not decided on the referral date', c.contact_id::text from contact c join cin_episode e on e.contact_id = c.contact_id
        where c.decision <> 'referral' or c.decided_on <> e.referral_date or c.episode_id <> e.episode_id
      union all select 'closure before referral', episode_id::text from cin_episode where closure_date < referral_date
      union all select 'assessment out of order', a.assessment_id::text from assessment a join cin_episode e using (episode_id)
        where a.start_date < e.referral_date or a.completed_on < a.start_date or a.authorised_on < a.completed_on
          or a.child_seen_on < a.start_date or a.child_seen_on > coalesce(a.completed_on, ${AS_OF}::date)
          or a.authorised_on > e.closure_date or (e.closure_date is null and false)
      union all select 'assessment outcome without completion', assessment_id::text from assessment where (completed_on is null) <> (outcome is null)
      union all select 'strategy discussion outside the episode', s.strategy_id::text from strategy_discussion s join cin_episode e using (episode_id)
        where s.held_on < e.referral_date or s.held_on > coalesce(e.closure_date, ${AS_OF}::date)
      union all select 'enquiry not started on its discussion', x.s47_id::text from section47 x join strategy_discussion s using (strategy_id)
        where x.start_date <> s.held_on or x.episode_id <> s.episode_id or x.completed_on < x.start_date
      union all select 'initial conference before its enquiry', k.conference_id::text from cp_conference k join section47 x using (s47_id)
        where k.held_on < x.start_date or k.held_on < x.completed_on
      union all select 'plan not started at its initial conference', p.plan_id::text from cp_plan p
        where not exists (select 1 from cp_conference k where k.plan_id = p.plan_id and k.kind = 'initial' and k.outcome = 'plan' and k.held_on = p.start_date)
      union all select 'plan outside its episode', p.plan_id::text from cp_plan p join cin_episode e using (episode_id)
        where p.start_date < e.referral_date or p.end_date < p.start_date or p.end_date > e.closure_date or (e.closure_date is not null and p.end_date is null)
      union all select 'ended plan without an ending review', p.plan_id::text from cp_plan p where p.end_date is not null
        and (p.end_reason is null or p.what_changed is null or p.change_sustained_weeks is null
          or not exists (select 1 from cp_conference k where k.plan_id = p.plan_id and k.kind = 'review' and k.outcome = 'end-plan' and k.held_on = p.end_date))
      union all select 'review or core group outside its plan', k.conference_id::text from cp_conference k join cp_plan p using (plan_id)
        where k.kind = 'review' and (k.held_on <= p.start_date or k.held_on > coalesce(p.end_date, ${AS_OF}::date))
      union all select 'core group outside its plan', g.core_group_id::text from core_group g join cp_plan p using (plan_id)
        where g.held_on <= p.start_date or g.held_on > coalesce(p.end_date, ${AS_OF}::date)
      union all select 'child in need plan outside its episode', p.cin_plan_id::text from cin_plan p join cin_episode e using (episode_id)
        where p.start_date < e.referral_date or p.end_date > e.closure_date or (e.closure_date is not null and p.end_date is null)
      union all select 'review outside its plan', r.review_id::text from cin_plan_review r join cin_plan p using (cin_plan_id)
        where r.held_on <= p.start_date or r.held_on > coalesce(p.end_date, ${AS_OF}::date)
      union all select 'visit outside its episode', v.visit_id::text from visit v join cin_episode e using (episode_id)
        where v.visited_on < e.referral_date or v.visited_on > coalesce(e.closure_date, ${AS_OF}::date)
      union all select 'closure decision not on the closure date', e.episode_id::text from cin_episode e join management_decision d on d.decision_id = e.closure_decision_id
        where d.decided_on <> e.closure_date or d.kind <> 'closure' or d.episode_id <> e.episode_id
      union all select 'in the future', entry_id::text from chronology_entry where occurred_on > ${AS_OF}
      union all select 'contact in the future', contact_id::text from contact where received_on > ${AS_OF} or decided_on > ${AS_OF}
      union all select 'visit in the future', visit_id::text from visit where visited_on > ${AS_OF}
      union all select 'conference in the future', conference_id::text from cp_conference where held_on > ${AS_OF}
      union all select 'assessment in the future', assessment_id::text from assessment where start_date > ${AS_OF} or authorised_on > ${AS_OF}
      limit 20`,
    );
    expect(rows).toEqual([]);
  });

  it('gives a child at most one open episode, never overlapping ones, and a history that matches the counts', async () => {
    const rows = await broken(
      a,
      sql`
      select 'two open episodes' as rule, child_id::text as id from cin_episode where closure_date is null group by child_id having count(*) > 1
      union all select 'overlapping episodes', e.episode_id::text from cin_episode e join cin_episode f on f.child_id = e.child_id and f.episode_id <> e.episode_id
        and f.referral_date >= e.referral_date and f.referral_date <= coalesce(e.closure_date, ${AS_OF}::date) and f.episode_id > e.episode_id
      union all select 'referrals in the previous 12 months miscounted', e.episode_id::text from cin_episode e
        where e.referrals_previous_12_months <> (select count(*) from cin_episode p where p.child_id = e.child_id and p.referral_date < e.referral_date
          and p.referral_date >= (e.referral_date - interval '12 months')::date)
      union all select 'previous episode not the one closed in the last 12 months', e.episode_id::text from cin_episode e
        left join cin_episode p on p.episode_id = e.previous_episode_id
        where (p.episode_id is not null and (p.child_id <> e.child_id or p.closure_date > e.referral_date or p.closure_date < (e.referral_date - interval '12 months')::date))
      union all select 'episode of a care leaver', e.episode_id::text from cin_episode e join person p on p.person_id = e.child_id and p.date_of_birth <= '2008-11-23'
        where e.closure_date is null
      limit 20`,
    );
    expect(rows).toEqual([]);
  });

  it('puts every child on a plan at an initial conference and closes every episode with a manager’s decision', async () => {
    const r = await sql<{ open: number; withoutInitial: number; closed: number; withoutDecision: number; decidedByOthers: number }>`
      select (select count(*) from cp_plan where la_code = ${LA} and end_date is null)::int as open,
        (select count(*) from cp_plan p where p.la_code = ${LA} and p.end_date is null and not exists (
          select 1 from cp_conference k join section47 x using (s47_id) where k.plan_id = p.plan_id and k.kind = 'initial' and x.outcome = 'conference'))::int as "withoutInitial",
        (select count(*) from cin_episode where la_code = ${LA} and closure_date is not null)::int as closed,
        (select count(*) from cin_episode e where e.la_code = ${LA} and e.closure_date is not null and not exists (
          select 1 from management_decision d where d.decision_id = e.closure_decision_id and d.kind = 'closure'))::int as "withoutDecision",
        (select count(*) from management_decision d where d.la_code = ${LA}
          and d.decided_by <> (select user_id from app_user where username = 'tm.demo' and la_code = ${LA}))::int as "decidedByOthers"`.execute(a.db);
    const x = r.rows[0] as { open: number; withoutInitial: number; closed: number; withoutDecision: number; decidedByOthers: number };
    expect(x.open / CHILDREN).toBeGreaterThan(0.03);
    expect(x.open / CHILDREN).toBeLessThan(0.14);
    expect(x.withoutInitial).toBe(0);
    expect(x.closed).toBeGreaterThan(CHILDREN * 0.1);
    expect(x.withoutDecision).toBe(0);
    expect(x.decidedByOthers).toBe(0);

    // A child who was on a plan: the plan ended before the case closed, with what changed.
    const afterPlan = await broken(
      a,
      sql`select e.episode_id::text from cin_episode e join management_decision d on d.decision_id = e.closure_decision_id
        where e.closure_date is not null and exists (select 1 from cp_plan p where p.episode_id = e.episode_id)
          and (d.what_changed is null or d.change_sustained_weeks is null)`,
    );
    expect(afterPlan).toEqual([]);
    // An open episode belongs to a case that has not been closed.
    const orphans = await broken(
      a,
      sql`select e.episode_id::text from cin_episode e where e.closure_date is null
        and exists (select 1 from allocation x where x.child_id = e.child_id and x.end_reason = 'Case closed')`,
    );
    expect(orphans).toEqual([]);
  });

  it('uses only the census code lists, with factor 21 alone and the reasons the rules ask for', async () => {
    const codes = async (query: ReturnType<typeof sql>) => (await query.execute(a.db)).rows.map((r) => (r as { code: string }).code);
    const sources = await codes(sql`select distinct referral_source as code from cin_episode union select distinct source from contact`);
    for (const s of sources) expect(Object.keys(REFERRAL_SOURCE), s).toContain(s);
    for (const n of await codes(sql`select distinct primary_need as code from cin_episode`)) expect(Object.keys(PRIMARY_NEED), n).toContain(n);
    for (const c of await codes(sql`select distinct closure_reason as code from cin_episode where closure_reason is not null`))
      expect(Object.keys(CLOSURE_REASON), c).toContain(c);
    for (const c of await codes(sql`select distinct initial_category as code from cp_plan union select distinct latest_category from cp_plan`))
      expect(Object.keys(CATEGORY_OF_ABUSE), c).toContain(c);
    for (const c of await codes(sql`select distinct unnest(agencies) as code from strategy_discussion`)) expect(Object.keys(AGENCY), c).toContain(c);
    for (const c of await codes(sql`select distinct unnest(factors) as code from assessment`)) expect(Object.keys(ASSESSMENT_FACTOR), c).toContain(c);
    const needs = await codes(sql`select primary_need as code from cin_episode group by 1 order by count(*) desc limit 1`);
    expect(needs).toEqual(['N1']);

    const rows = await broken(
      a,
      sql`
      select 'factor 21 with others' as rule, assessment_id::text as id from assessment where '21' = any(factors) and cardinality(factors) > 1
      union all select 'completed without factors', assessment_id::text from assessment where completed_on is not null and cardinality(factors) = 0
      union all select 'late without a reason', a.assessment_id::text from assessment a join cin_episode e using (episode_id)
        where a.authorised_on is not null and a.late_reason is null
          and a.start_date = (select min(f.start_date) from assessment f where f.episode_id = a.episode_id)
          and (select count(*) from calendar_day c where c.is_working_day and c.day > e.referral_date and c.day <= a.authorised_on) > 45
      union all select 'referral NFA with an assessment', e.episode_id::text from cin_episode e where e.referral_nfa
        and (e.closure_reason <> 'RC8' or exists (select 1 from assessment a where a.episode_id = e.episode_id))
      union all select 'no conference without a reason', s47_id::text from section47 where completed_on is not null and outcome <> 'conference'
        and (not icpc_not_required or icpc_not_required_reason is null)
      union all select 'child seen without their words', visit_id::text from visit where child_seen and child_words is null
      union all select 'alone but not seen', visit_id::text from visit where seen_alone and not child_seen
      union all select 'strategy discussion without police', strategy_id::text from strategy_discussion where not 'police' = any(agencies)
      union all select 'undecided contact with a reason', contact_id::text from contact where decision is null and decision_reason is not null
      union all select 'decided contact without a reason', contact_id::text from contact where decision is not null and decision_reason is null
      limit 20`,
    );
    expect(rows).toEqual([]);
  });

  it('tells the story in the chronology, each step pointing at its record', async () => {
    const r = await sql<{ category: string; n: number }>`select category, count(*)::int as n from chronology_entry where la_code = ${LA} group by 1`.execute(
      a.db,
    );
    const byCategory = Object.fromEntries(r.rows.map((x) => [x.category, x.n]));
    for (const category of ['contact', 'referral', 'assessment', 'strategy-discussion', 'section-47', 'conference', 'plan', 'core-group', 'visit', 'closure'])
      expect(byCategory[category], category).toBeGreaterThan(0);
    const dangling = await broken(
      a,
      sql`select c.entry_id::text, c.record_type from chronology_entry c where c.la_code = ${LA} and c.record_type is not null and c.record_type <> 'allocation'
        and not exists (
          select 1 from contact x where c.record_type = 'contact' and x.contact_id = c.record_id union all
          select 1 from cin_episode x where c.record_type = 'cin-episode' and x.episode_id = c.record_id and x.child_id = c.child_id union all
          select 1 from assessment x where c.record_type = 'assessment' and x.assessment_id = c.record_id union all
          select 1 from strategy_discussion x where c.record_type = 'strategy-discussion' and x.strategy_id = c.record_id union all
          select 1 from section47 x where c.record_type = 'section-47' and x.s47_id = c.record_id union all
          select 1 from cp_conference x where c.record_type = 'cp-conference' and x.conference_id = c.record_id union all
          select 1 from cp_plan x where c.record_type = 'cp-plan' and x.plan_id = c.record_id union all
          select 1 from core_group x where c.record_type = 'core-group' and x.core_group_id = c.record_id union all
          select 1 from cin_plan x where c.record_type = 'cin-plan' and x.cin_plan_id = c.record_id union all
          select 1 from cin_plan_review x where c.record_type = 'cin-plan-review' and x.review_id = c.record_id union all
          select 1 from visit x where c.record_type = 'visit' and x.visit_id = c.record_id union all
          select 1 from management_decision x where c.record_type = 'management-decision' and x.decision_id = c.record_id union all
          select 1 from partner_request x where c.record_type = 'partner-request' and x.request_id = c.record_id and x.child_id = c.child_id union all
          select 1 from assessment_record x where c.record_type = 'assessment-record' and x.assessment_id = c.record_id and x.child_id = c.child_id union all
          select 1 from section47_findings x where c.record_type = 'section47-findings' and x.s47_id = c.record_id and x.child_id = c.child_id union all
          select 1 from plan_document x where c.record_type = 'plan-document' and x.plan_document_id = c.record_id and x.child_id = c.child_id union all
          select 1 from plan_action x where c.record_type = 'plan-action' and x.action_id = c.record_id and x.child_id = c.child_id union all
          select 1 from plan_action_progress x where c.record_type = 'plan-action-progress' and x.progress_id = c.record_id and x.child_id = c.child_id union all
          select 1 from meeting_record x where c.record_type = 'meeting-record' and x.meeting_id = c.record_id and x.child_id = c.child_id union all
          select 1 from meeting_recommendation x where c.record_type = 'meeting-recommendation' and x.recommendation_id = c.record_id and x.child_id = c.child_id union all
          select 1 from iro_escalation x where c.record_type = 'iro-escalation' and x.escalation_id = c.record_id and x.child_id = c.child_id union all
          select 1 from case_team x where c.record_type = 'case-team' and x.routing_id = c.record_id and x.child_id = c.child_id union all
          select 1 from case_transfer x where c.record_type = 'case-transfer' and x.transfer_id = c.record_id and x.child_id = c.child_id union all
          select 1 from legal_planning_meeting x where c.record_type = 'legal-planning-meeting' and x.meeting_id = c.record_id and x.child_id = c.child_id union all
          select 1 from pre_proceedings x where c.record_type = 'pre-proceedings' and x.pre_proceedings_id = c.record_id and x.child_id = c.child_id union all
          select 1 from pre_proceedings_review x where c.record_type = 'pre-proceedings-review' and x.review_id = c.record_id and x.child_id = c.child_id union all
          select 1 from legal_assessment x where c.record_type = 'legal-assessment' and x.assessment_id = c.record_id and x.child_id = c.child_id union all
          select 1 from care_proceedings x where c.record_type = 'care-proceedings' and x.proceedings_id = c.record_id and x.child_id = c.child_id union all
          select 1 from court_hearing x where c.record_type = 'court-hearing' and x.hearing_id = c.record_id and x.child_id = c.child_id union all
          select 1 from proceedings_extension x where c.record_type = 'proceedings-extension' and x.extension_id = c.record_id and x.child_id = c.child_id union all
          select 1 from court_order x where c.record_type = 'court-order' and x.order_id = c.record_id and x.child_id = c.child_id union all
          select 1 from early_help_episode x where c.record_type = 'early-help-episode' and x.early_help_id = c.record_id and x.child_id = c.child_id union all
          select 1 from early_help_review x where c.record_type = 'early-help-review' and x.review_id = c.record_id and x.child_id = c.child_id union all
          select 1 from subject_access_request x where c.record_type = 'subject-access-request' and x.sar_id = c.record_id and x.child_id = c.child_id)
      limit 10`,
    );
    expect(dangling).toEqual([]);
    const sample = await a.db.selectFrom('chronology_entry').select('summary').where('category', '=', 'closure').limit(3).execute();
    for (const s of sample) expect(s.summary).toMatch(/^Case closed by the team manager \(RC\d: .+\) — .+/);
  });
});

describe('after seeding', () => {
  it('a child recorded in the demo council continues its numbering, and the front door has a demo manager', async () => {
    const { startTestServer, client, signInAs } = await import('./helpers/server.ts');
    const { DEMO_PASSWORD } = await import('../src/seed/generate.ts');
    const server = await startTestServer({ children: 60 });
    try {
      const tm = client(server, await signInAs(server, 'tm.demo', DEMO_PASSWORD));
      const res = await tm.post('/api/children', { givenName: 'Nova', familyName: 'Quill', dateOfBirth: '2021-02-02', sex: 'F' });
      expect(res.status).toBe(201);
      expect(res.body.child.laChildId).toMatch(/^HC\d+$/);
      const highest = await server.store.db
        .selectFrom('person')
        .select('la_child_id')
        .where('la_child_id', 'like', 'HC%')
        .orderBy('la_child_id', 'desc')
        .executeTakeFirstOrThrow();
      expect(res.body.child.laChildId).toBe(highest.la_child_id);
      const fd = client(server, await signInAs(server, 'fd.demo', DEMO_PASSWORD));
      const work = (await fd.get('/api/worklist?view=team')).body;
      expect(work.obligations.every((o: { ruleId: string }) => o.ruleId === 'contact-decision')).toBe(true);
      expect(work.counts.overdue + work.counts.due).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe('permanence, UASC, health and care leavers (src/seed/permanence.ts)', () => {
  const rowsOf = (store: Store, table: 'adoption' | 'uasc_record' | 'leaver_birthday_contact' | 'health_check') =>
    sql<Record<string, unknown>>`select * from ${sql.table(table)} where la_code = ${LA} order by 1, 2, 3`
      .execute(store.db)
      .then((r) => r.rows.map(({ created_at: _c, ...rest }) => rest));

  it('gives identical records for the same seed and different ones for another', async () => {
    for (const table of ['adoption', 'uasc_record', 'leaver_birthday_contact', 'health_check'] as const) {
      const first = await rowsOf(a, table);
      expect(first.length, table).toBeGreaterThan(0);
      expect(await rowsOf(b, table), table).toEqual(first);
    }
    expect(await rowsOf(c, 'health_check')).not.toEqual(await rowsOf(a, 'health_check'));
  });

  it('keeps the adoption timeline in order and within care, and every date on or before the as-of date', async () => {
    expect(
      await broken(
        a,
        sql`select a.child_id, a.decision_on, a.placement_order_on, a.matched_on, a.placed_on from adoption a
          join care_period cp on cp.la_code = a.la_code and cp.child_id = a.child_id
          where a.la_code = ${LA} and (a.decision_on < cp.start_date or a.placement_order_on < a.decision_on or a.matched_on < a.decision_on
            or a.placed_on < a.matched_on or (a.placed_on is not null and a.matched_on is null) or a.placed_on > ${AS_OF}
            or (a.matched_on is not null and (a.adopter_count is null or a.adopter_sex is null)))`,
      ),
    ).toEqual([]);
    expect(
      await broken(
        a,
        sql`select 'health' as t, done_on as d from health_check where la_code = ${LA} and done_on > ${AS_OF}
          union all select 'pep', held_on from pep where la_code = ${LA} and held_on > ${AS_OF}
          union all select 'contact', contact_on from leaver_birthday_contact where la_code = ${LA} and contact_on > ${AS_OF}
          union all select 'visit', visited_on from pa_visit where la_code = ${LA} and visited_on > ${AS_OF}`,
      ),
    ).toEqual([]);
  });

  it('uses only the 903 codes, with codes that agree in each birthday contact', async () => {
    const { birthdayContactProblems } = await import('@lantern/core/care');
    const contacts = await sql<{ birthday_age: number; in_touch: string; activity: string; accommodation: string }>`
      select birthday_age, in_touch, activity, accommodation from leaver_birthday_contact where la_code = ${LA}`.execute(a.db);
    expect(contacts.rows.length).toBeGreaterThan(0);
    const problems = contacts.rows.flatMap((c) =>
      birthdayContactProblems({ birthdayAge: c.birthday_age, inTouch: c.in_touch, activity: c.activity, accommodation: c.accommodation }),
    );
    expect(problems).toEqual([]);
  });
});

describe('the partner agencies (src/seed/partners.ts)', () => {
  const requests = async (store: Store) =>
    (
      await sql<{ request_id: string; sent_on: string; respond_by: string; answered_on: string | null; withdrawn_on: string | null; name: string }>`
        select r.request_id, r.sent_on, r.respond_by, r.answered_on, r.withdrawn_on, o.name from partner_request r
        join partner_organisation o on o.la_code = r.la_code and o.organisation_id = r.organisation_id
        where r.la_code = ${LA} order by r.request_id`.execute(store.db)
    ).rows;

  it('gives identical requests for the same seed, with answers on time, late, and none yet', async () => {
    const first = await requests(a);
    expect(first.length).toBeGreaterThan(20);
    expect(await requests(b)).toEqual(first);
    const late = first.filter((r) => r.answered_on && r.answered_on > r.respond_by);
    const overdue = first.filter((r) => !r.answered_on && !r.withdrawn_on && r.respond_by < AS_OF);
    expect(late.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(first.filter((r) => r.answered_on && r.answered_on <= r.respond_by).length).toBeGreaterThan(late.length);
    expect(first.every((r) => r.sent_on <= AS_OF && (!r.answered_on || (r.answered_on >= r.sent_on && r.answered_on <= AS_OF)))).toBe(true);
  });

  it('gives partner.demo the housing partner, with open requests to answer, and families waiting', async () => {
    const user = await a.db
      .selectFrom('app_user')
      .select(['role', 'partner_organisation_id'])
      .where('la_code', '=', LA)
      .where('username', '=', 'partner.demo')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('partner');
    const open = await a.db
      .selectFrom('partner_request as r')
      .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.organisation_id', '=', 'r.organisation_id'))
      .select(['o.partner_type'])
      .where('r.organisation_id', '=', user.partner_organisation_id as string)
      .where('r.answered_on', 'is', null)
      .where('r.withdrawn_on', 'is', null)
      .execute();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.partner_type === 'housing')).toBe(true);
    const waiting = await sql<{ n: number }>`select count(*)::int as n from housing_need where la_code = ${LA} and resolved_on is null`.execute(a.db);
    expect(waiting.rows[0]?.n).toBeGreaterThan(0);
  });

  it('puts every open request on the worklist of the worker who asked', async () => {
    const r = await sql<{ requests: number; obligations: number; unowned: number }>`
      select (select count(*)::int from partner_request where la_code = ${LA}) as requests,
        (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'partner-response') as obligations,
        (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'partner-response' and responsible_worker_id is null) as unowned`.execute(
      a.db,
    );
    expect(r.rows[0]?.obligations).toBe(r.rows[0]?.requests);
    expect(r.rows[0]?.unowned).toBe(0);
  });
});

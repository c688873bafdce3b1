import { ROLE_IDS } from '@lantern/core/permissions';
import { checkNhsNumber, checkUpn } from '@lantern/core/identifiers';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/kernel/auth/passwords.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { DEMO_PASSWORD, seedCouncil } from '../src/seed/generate.ts';
import { AS_OF, LA, YEAR_BEFORE } from './helpers/seeded.ts';
import { describeCareAndPartners } from './seeded-councils/care-and-partners.ts';
import { describeCaseworkHistories } from './seeded-councils/casework-histories.ts';
import { a, b, c, CHILDREN, seedTheCouncils, summary } from './seeded-councils/councils.ts';

// Three councils seeded once for every subject below; the casework and the care records' subjects are in seeded-councils/.
seedTheCouncils();

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

describeCaseworkHistories();
describeCareAndPartners();

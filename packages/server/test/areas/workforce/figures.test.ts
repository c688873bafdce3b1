import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LA } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// The workforce figures on 31 March 2026, worked out by hand from the fixture's allocations
// (childA: Bea to 2 June 2025 then Ava; childB and the restricted child: Bea) and these:
//  - Olly Churn, referred 10 January 2025: Tom (team manager) to 31 March 2025, Amir to 1 May,
//    Bea to 1 September, then Ava;
//  - Mia (childUnallocated): an episode closed 1 December 2024 (Amir held it), and a new one
//    from 2 February 2026 with nobody allocated;
//  - team A: Lee, agency, 1 June 2025 to 15 January 2026; Sam, permanent half-time, from 3
//    November 2025; 5 funded posts.
const AS_OF = '2026-03-31';
let server: TestServer, ids: FixtureIds;
let tm: Client, hos: Client, sw: Client, admin: Client;
const churnChild = randomUUID();
const lee = randomUUID();
const sam = randomUUID();

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  const db = server.store.db;
  await db
    .insertInto('person')
    .values({
      la_code: LA,
      person_id: churnChild,
      is_child: true,
      la_child_id: 'T5',
      given_name: 'Olly',
      family_name: 'Churn',
      date_of_birth: '2016-04-04',
      sex: 'M',
    })
    .execute();
  const episode = (child_id: string, referral_date: string, closure_date: string | null = null) => ({
    la_code: LA,
    episode_id: randomUUID(),
    child_id,
    referral_date,
    referral_source: '1A',
    primary_need: 'N1',
    closure_date,
    closure_reason: closure_date ? 'RC1' : null,
  });
  const childBEpisode = episode(ids.childB, '2025-02-03');
  await db
    .insertInto('cin_episode')
    .values([
      episode(ids.childA, '2025-01-06'),
      childBEpisode,
      episode(ids.childRestricted, '2025-03-03'),
      episode(churnChild, '2025-01-10'),
      episode(ids.childUnallocated, '2024-01-01', '2024-12-01'),
      episode(ids.childUnallocated, '2026-02-02'),
    ])
    .execute();
  // childB is on a protection plan, so weighs more where the council weights plans.
  await db
    .insertInto('cp_plan')
    .values({
      la_code: LA,
      plan_id: randomUUID(),
      episode_id: childBEpisode.episode_id,
      child_id: ids.childB,
      start_date: '2025-10-01',
      initial_category: 'neglect',
      latest_category: 'neglect',
    })
    .execute();
  const held = (child_id: string, worker_id: string, start_date: string, end_date: string | null) => ({
    la_code: LA,
    allocation_id: randomUUID(),
    child_id,
    worker_id,
    allocation_role: 'social-worker',
    start_date,
    end_date,
  });
  await db
    .insertInto('allocation')
    .values([
      held(churnChild, ids.tmA, '2025-01-10', '2025-03-31'),
      held(churnChild, ids.swA2, '2025-03-31', '2025-05-01'),
      held(churnChild, ids.swB, '2025-05-01', '2025-09-01'),
      held(churnChild, ids.swA, '2025-09-01', null),
      held(ids.childUnallocated, ids.swA2, '2024-01-01', '2024-12-01'),
    ])
    .execute();
  const worker = (worker_id: string, given: string, employment: 'agency' | 'permanent', start_date: string, leave_date: string | null, fte: number) => ({
    la_code: LA,
    worker_id,
    given_name: given,
    family_name: 'Tester',
    job_role: 'social-worker',
    employment,
    team_id: ids.teamA,
    start_date,
    leave_date,
    fte,
  });
  await db
    .insertInto('worker')
    .values([worker(lee, 'Lee', 'agency', '2025-06-01', '2026-01-15', 1), worker(sam, 'Sam', 'permanent', '2025-11-03', null, 0.5)])
    .execute();
  await db.insertInto('team_establishment').values({ la_code: LA, team_id: ids.teamA, effective_from: '2025-01-01', funded_fte: 5 }).execute();
  [tm, hos, sw, admin] = await signedIn(server, 'tm', 'hos', 'sw', 'admin');
});
afterAll(() => server?.close());

type Load = { workerId: string; children: number; weighted: number; ceiling: number; overCeiling: boolean; byKind: Record<string, number> };

describe('caseloads', () => {
  it('counts each worker’s children on the day: Ava 2, Bea 2, the IRO 1, Amir and Tom none', async () => {
    const res = await tm.get(`/api/workforce/caseloads?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const by = (id: string) => res.body.workers.find((w: Load) => w.workerId === id) as Load;
    expect(by(ids.swA)).toMatchObject({ children: 2, weighted: 2, ceiling: 18, overCeiling: false });
    expect(by(ids.swB)).toMatchObject({ children: 2, byKind: { 'child-protection': 1, 'looked-after': 0, 'child-in-need': 1 } });
    expect(by(ids.iro).children).toBe(1);
    expect(by(ids.swA2).children).toBe(0);
    expect(by(ids.tmA).children).toBe(0);
    // Lee had left by then; Sam is in post with no cases.
    expect(by(lee)).toBeUndefined();
    expect(by(sam).children).toBe(0);
    const teamA = res.body.teams.find((t: { id: string }) => t.id === ids.teamA);
    expect(teamA).toMatchObject({ workers: 4, fte: 3.5, children: 2 });
  });

  it('on 1 May 2025 Amir held Olly (handed to Bea that day, so no longer) and Bea held childA too', async () => {
    const before = (await tm.get('/api/workforce/caseloads?asOf=2025-04-30')).body;
    const on = (await tm.get('/api/workforce/caseloads?asOf=2025-05-01')).body;
    const n = (body: { workers: Load[] }, id: string) => body.workers.find((w) => w.workerId === id)?.children;
    expect(n(before, ids.swA2)).toBe(1);
    expect(n(on, ids.swA2)).toBe(0);
    expect(n(on, ids.swB)).toBe(4); // childA, childB, the restricted child, Olly
  });

  it('weights a protection plan double and holds a worker to the council’s ceiling, pro rata', async () => {
    expect((await tm.put('/api/settings/caseload', { ceiling: 2.5, weights: { 'child-protection': 2, 'looked-after': 1.5, 'child-in-need': 1 } })).status).toBe(
      403,
    );
    const set = await hos.put('/api/settings/caseload', { ceiling: 2.5, weights: { 'child-protection': 2, 'looked-after': 1.5, 'child-in-need': 1 } });
    expect(set.status).toBe(200);
    const res = (await tm.get(`/api/workforce/caseloads?asOf=${AS_OF}`)).body;
    const by = (id: string) => res.workers.find((w: Load) => w.workerId === id) as Load;
    expect(by(ids.swB)).toMatchObject({ children: 2, weighted: 3, ceiling: 2.5, overCeiling: true });
    expect(by(ids.swA)).toMatchObject({ weighted: 2, overCeiling: false });
    expect(by(sam).ceiling).toBe(1.3); // 2.5 × 0.5, to one decimal place
    const bad = await hos.put('/api/settings/caseload', { ceiling: -1, weights: { 'child-protection': 2, 'looked-after': 1, 'child-in-need': 1 } });
    expect(bad.status).toBe(400);
  });

  it('gives Ava’s caseload at each month end', async () => {
    const res = await tm.get(`/api/workforce/caseloads/history?workerId=${ids.swA}&asOf=${AS_OF}&months=12`);
    expect(res.status).toBe(200);
    const at = (day: string) => res.body.points.find((p: { day: string }) => p.day === day)?.children;
    expect(res.body.points).toHaveLength(12);
    expect(at('2025-05-31')).toBe(0);
    expect(at('2025-06-30')).toBe(1); // childA from 2 June
    expect(at('2025-09-30')).toBe(2); // and Olly from 1 September
    expect(at(AS_OF)).toBe(2);
  });

  it('gives team A’s caseload and case holders at each month end', async () => {
    const res = await tm.get(`/api/workforce/caseloads/history?teamId=${ids.teamA}&asOf=${AS_OF}&months=12`);
    expect(res.status).toBe(200);
    const at = (day: string) => res.body.points.find((p: { day: string }) => p.day === day);
    // Olly with Amir in April; with Bea (team B) in May; childA to Ava from 2 June; Olly to Ava from 1 September.
    expect(at('2025-04-30')).toEqual({ day: '2025-04-30', children: 1, workers: 3 });
    expect(at('2025-05-31')).toMatchObject({ children: 0 });
    expect(at('2025-06-30')).toEqual({ day: '2025-06-30', children: 1, workers: 4 }); // Lee from 1 June
    expect(at('2025-09-30')).toMatchObject({ children: 2 });
    expect(at(AS_OF)).toEqual({ day: AS_OF, children: 2, workers: 4 }); // Lee gone, Sam from November
  });
});

describe('churn of social workers', () => {
  type Row = { childId: string; socialWorkersLast12Months: number; socialWorkersThisEpisode: number; flagged: boolean };
  it('Olly has had 3 social workers in 12 months (Tom’s ended on the window’s first day) and 4 this episode, and is flagged', async () => {
    const res = await hos.get(`/api/workforce/churn?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const by = (id: string) => res.body.children.find((c: Row) => c.childId === id) as Row;
    expect(by(churnChild)).toMatchObject({ socialWorkersLast12Months: 3, socialWorkersThisEpisode: 4, flagged: true });
    expect(by(ids.childA)).toMatchObject({ socialWorkersLast12Months: 2, socialWorkersThisEpisode: 2, flagged: false });
    expect(by(ids.childB)).toMatchObject({ socialWorkersLast12Months: 1, socialWorkersThisEpisode: 1 });
    // Mia's earlier episode's worker does not count for this episode.
    expect(by(ids.childUnallocated)).toMatchObject({ socialWorkersLast12Months: 0, socialWorkersThisEpisode: 0 });
    expect(res.body.counts).toEqual({ children: 5, flagged: 1 });
    expect(res.body.children[0].childId).toBe(churnChild);
    const flagged = await hos.get(`/api/workforce/churn?asOf=${AS_OF}&flaggedOnly=true`);
    expect(flagged.body.children.map((c: Row) => c.childId)).toEqual([churnChild]);
  });

  it('a team manager does not see the restricted child; a social worker may not run the report', async () => {
    const res = await tm.get(`/api/workforce/churn?asOf=${AS_OF}`);
    expect(res.body.children.some((c: Row) => c.childId === ids.childRestricted)).toBe(false);
    expect((await sw.get('/api/workforce/churn')).status).toBe(403);
  });

  it('shows Mia waiting 57 days for a social worker since her referral on 2 February', async () => {
    const res = await hos.get(`/api/workforce/allocation-gaps?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    // Amir in team A held her last episode.
    expect(res.body.children).toEqual([
      expect.objectContaining({ childId: ids.childUnallocated, unallocatedSince: '2026-02-02', days: 57, lastTeam: 'Children in need 1' }),
    ]);
  });
});

describe('team starters, leavers, turnover and vacancies', () => {
  type Month = {
    day: string;
    headcount: number;
    fte: number;
    agencyFte: number;
    starters: number;
    leavers: number;
    turnoverRate: number | null;
    agencyShare: number | null;
    fundedFte: number | null;
    vacancies: number | null;
  };
  it('team A on 31 March 2026: 4 in post (3.5 FTE), 2 starters, 1 leaver (agency, so turnover 0% as the DfE counts it), 1.5 vacancies', async () => {
    const res = await admin.get(`/api/workforce/team-stats?asOf=${AS_OF}&months=4`);
    expect(res.status).toBe(200);
    const teamA = res.body.teams.find((t: { teamId: string }) => t.teamId === ids.teamA);
    expect(teamA.current).toEqual({
      day: AS_OF,
      headcount: 4,
      fte: 3.5,
      agencyFte: 0,
      starters: 2,
      leavers: 1,
      // Turnover is of permanent staff (DfE): Lee was agency, so 0 of 3.5 permanent FTE.
      turnoverRate: 0,
      agencyShare: 0,
      fundedFte: 5,
      vacancies: 1.5,
    });
    const december = teamA.months.find((m: Month) => m.day === '2025-12-31') as Month;
    // Lee (agency) still in post: 5 staff, 4.5 FTE, 1 of it agency (22.2%); agency cover does not fill a vacancy.
    expect(december).toMatchObject({ headcount: 5, fte: 4.5, agencyFte: 1, agencyShare: 22.2, starters: 2, leavers: 0, turnoverRate: 0, vacancies: 1.5 });
    expect(teamA.months.map((m: Month) => m.day)).toEqual([AS_OF, '2026-02-28', '2026-01-31', '2025-12-31']);
    // Team B has no funded posts recorded: no vacancy figure rather than a made-up one.
    const teamB = res.body.teams.find((t: { teamId: string }) => t.teamId === ids.teamB);
    expect(teamB.current).toMatchObject({ headcount: 1, fundedFte: null, vacancies: null });
  });
});

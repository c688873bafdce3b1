import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LA } from '../../helpers/fixture.ts';
import { type Client, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Benchmarking against published figures, and the improvement plan: an inspection, its
// recommendations, actions with named owners, worklists and the board pack.
let server: TestServer;
let hos: Client;
let tm: Client;
let sw: Client;
let analyst: Client;
let admin: Client;
let userIds: Record<string, string>;

beforeAll(async () => {
  const started = await startFixtureServer();
  server = started.server;
  const { ids } = started;
  // Poppy was referred twice in 2024-25, the second time within 12 months: 1 re-referral in 2.
  for (const [date, closed] of [
    ['2024-06-03', '2024-07-01'],
    ['2024-09-02', null],
  ] as const)
    await server.store.db
      .insertInto('cin_episode')
      .values({
        la_code: LA,
        episode_id: randomUUID(),
        child_id: ids.childA,
        referral_date: date,
        referral_source: '1A',
        primary_need: 'N1',
        closure_date: closed,
        closure_reason: closed ? 'RC8' : null,
      })
      .execute();
  [hos, tm, sw, analyst, admin] = await signedIn(server, 'hos', 'tm', 'sw', 'analyst', 'admin');
  const users = await server.store.db.selectFrom('app_user').select(['username', 'user_id']).execute();
  userIds = Object.fromEntries(users.map((u) => [u.username, u.user_id]));
});
afterAll(() => server?.close());

const HEADER = 'time_period,time_identifier,geographic_level,country_code,region_code,region_name,new_la_code,la_name,indicator,value';
const CSV = [
  HEADER,
  '202425,Financial year,National,E92000001,,,,,re-referrals-12m,22.6',
  '202324,Financial year,National,E92000001,,,,,re-referrals-12m,22.4',
  '202425,Financial year,Regional,E92000001,E12000005,West Midlands,,,re-referrals-12m,21.0',
  '202425,Financial year,Local authority,E92000001,E12000005,West Midlands,E06000019,Herefordshire,re-referrals-12m,30.1',
  '202425,Financial year,Local authority,E92000001,E12000005,West Midlands,E06000051,Shropshire,re-referrals-12m,18.0',
  '202425,Financial year,Local authority,E92000001,E12000009,South West,E06000054,Wiltshire,re-referrals-12m,24.0',
  '202425,Financial year,Local authority,E92000001,E12000009,South West,E06000052,Cornwall,re-referrals-12m,c',
].join('\n');

describe('benchmarking', () => {
  it('refuses a file with a bad line, naming the line and field, and loads nothing', async () => {
    const bad = `${CSV}\n202425,Financial year,Local authority,E92000001,E12000009,South West,E06000059,Dorset,re-referrals-12m,twelve`;
    const res = await analyst.post('/api/benchmarks', { csv: bad });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'csv.line9.value', rule: 'number' })]);
    const none = await hos.get('/api/benchmarks/re-referrals-12m');
    expect(none.body.years).toEqual([]);
    const noColumns = await analyst.post('/api/benchmarks', { csv: 'council,value\nE06000019,3' });
    expect(noColumns.body.errors[0]).toMatchObject({ rule: 'csv-columns' });
  });

  it('loads published figures, skipping those the DfE suppressed (c)', async () => {
    const res = await analyst.post('/api/benchmarks', { csv: CSV });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ values: 6, comparators: 6, skipped: 1 });
    expect((await tm.post('/api/benchmarks', { csv: CSV })).status).toBe(403);
  });

  it('loads statistical neighbours as published, only councils already loaded', async () => {
    const unknown = await analyst.put('/api/benchmarks/neighbours', { csv: 'la_code,neighbour_la_code,rank\nE06000019,E06000099,1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ rule: 'loaded-comparator' });
    const ok = await analyst.put('/api/benchmarks/neighbours', {
      csv: 'la_code,neighbour_la_code,rank\nE06000019,E06000051,1\nE06000019,E06000054,2\nE06000019,E06000052,3\nE06000051,E06000019,1',
    });
    expect(ok.body).toEqual({ neighbours: 3 });
  });

  it('shows the council, counted live, against England, its region and its neighbours', async () => {
    const res = await hos.get('/api/benchmarks/re-referrals-12m');
    expect(res.status).toBe(200);
    expect(res.body.region).toEqual({ code: 'E12000005', name: 'West Midlands' });
    expect(res.body.neighbours.map((n: { name: string }) => n.name)).toEqual(['Shropshire', 'Wiltshire', 'Cornwall']);
    const y = res.body.years.find((x: { year: string }) => x.year === '2024-25');
    expect(y).toMatchObject({ council: 50, councilPublished: 30.1, england: 22.6, region: 21, neighboursAverage: 21 });
    expect(y.neighbours.find((n: { name: string }) => n.name === 'Cornwall').value).toBeNull();
    // Without case access the council's own figure is an aggregate: 1 of 2 is a small count.
    const byAdmin = await admin.get('/api/benchmarks/re-referrals-12m');
    expect(byAdmin.body.years.find((x: { year: string }) => x.year === '2024-25').council).toBeNull();
  });
});

describe('the improvement plan', () => {
  let recommendationId: string;
  let actionId: string;
  let doneActionId: string;

  it('records each judgement separately, and refuses an overall grade from April 2026', async () => {
    const withOverall = await hos.post('/api/improvement/inspections', {
      kind: 'ilacs-standard',
      framework: 'ILACS 2026',
      startedOn: '2026-05-11',
      findings: 'Pace of improvement too slow.',
      judgements: [{ area: 'overall-effectiveness', grade: 'Requires improvement to be good' }],
    });
    expect(withOverall.status).toBe(400);
    expect(withOverall.body.errors[0]).toMatchObject({ field: 'judgements', rule: 'no-overall-grade' });
    const res = await hos.post('/api/improvement/inspections', {
      kind: 'ilacs-standard',
      framework: 'ILACS 2023',
      startedOn: '2025-01-20',
      publishedOn: '2025-03-07',
      findings: 'The improvement board has failed to have the necessary impact.',
      judgements: [
        { area: 'overall-effectiveness', grade: 'Inadequate' },
        { area: 'help-and-protection', grade: 'Inadequate' },
      ],
      recommendations: [{ number: 1, text: 'Ensure re-referrals are understood and reduced.' }],
    });
    expect(res.status).toBe(201);
    recommendationId = res.body.recommendationIds[0];
    expect((await tm.post('/api/improvement/inspections', { kind: 'other', framework: 'x', startedOn: '2025-01-01', findings: 'x' })).status).toBe(403);
  });

  it('adds actions with a named owner, a due date and a measure (an indicator with a target)', async () => {
    const noTarget = await hos.post(`/api/improvement/recommendations/${recommendationId}/actions`, {
      title: 'Audit every re-referral',
      ownerUserId: userIds.tm,
      dueDate: '2026-06-30',
      indicatorId: 're-referrals-12m',
    });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.errors[0]).toMatchObject({ rule: 'measure-needs-target' });
    const res = await hos.post(`/api/improvement/recommendations/${recommendationId}/actions`, {
      title: 'Audit every re-referral',
      ownerUserId: userIds.tm,
      dueDate: '2026-06-30',
      status: 'on-track',
      indicatorId: 're-referrals-12m',
      target: 20,
      baseline: 30.1,
    });
    expect(res.status).toBe(201);
    actionId = res.body.actionId;
    const other = await hos.post(`/api/improvement/recommendations/${recommendationId}/actions`, {
      title: 'Train the front door in thresholds',
      ownerUserId: userIds.tm,
      dueDate: '2026-11-30',
    });
    doneActionId = other.body.actionId;
    const plan = await hos.get('/api/improvement?asOf=2025-03-31');
    const action = plan.body.inspections[0].recommendations[0].actions.find((a: { actionId: string }) => a.actionId === actionId);
    expect(action).toMatchObject({ ownerName: 'tm (test)', dueDate: '2026-06-30', overdue: false, measure: { current: 50, target: 20, targetMet: false } });
    expect(plan.body.inspections[0].judgements).toHaveLength(2);
  });

  it('puts overdue actions on the owner’s and the director’s worklists', async () => {
    const mine = await tm.get('/api/improvement/worklist?asOf=2026-07-01');
    expect(mine.body.actions.map((a: { actionId: string; overdue: boolean }) => [a.actionId, a.overdue])).toEqual([[actionId, true]]);
    const all = await hos.get('/api/improvement/worklist?view=all&asOf=2026-07-01');
    expect(all.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual([actionId]);
    expect((await hos.get('/api/improvement/worklist?asOf=2026-07-01')).body.actions).toEqual([]);
    expect((await tm.get('/api/improvement/worklist?view=all')).status).toBe(403);
  });

  it('the owner marks an action done only with evidence; a stale version is refused; others may not', async () => {
    const noEvidence = await tm.patch(`/api/improvement/actions/${doneActionId}`, { version: 1, status: 'done' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.errors[0]).toMatchObject({ field: 'evidence', rule: 'evidence-required' });
    expect((await sw.patch(`/api/improvement/actions/${doneActionId}`, { version: 1, status: 'on-track' })).status).toBe(403);
    expect((await analyst.patch(`/api/improvement/actions/${doneActionId}`, { version: 1, status: 'on-track' })).status).toBe(403);
    expect((await tm.patch(`/api/improvement/actions/${doneActionId}`, { version: 1, dueDate: '2027-01-31' })).status).toBe(403);
    const done = await tm.patch(`/api/improvement/actions/${doneActionId}`, {
      version: 1,
      status: 'done',
      evidence: 'All 14 front door staff trained; attendance list on file.',
      completedOn: '2026-11-20',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    const stale = await tm.patch(`/api/improvement/actions/${doneActionId}`, { version: 1, status: 'on-track' });
    expect(stale.status).toBe(409);
  });

  it('the director marks an action off track; the board pack shows what slipped since the last board', async () => {
    expect((await hos.patch(`/api/improvement/actions/${actionId}`, { version: 1, status: 'off-track' })).status).toBe(200);
    const pack = await hos.get('/api/improvement/board-pack?asOf=2026-12-01&since=2026-06-01');
    expect(pack.status).toBe(200);
    expect(pack.body.progress).toMatchObject({ total: 2, done: 1, 'off-track': 1, overdue: 1, doneSince: 1 });
    expect(pack.body.slipped.map((a: { actionId: string }) => a.actionId)).toEqual([actionId]);
    expect(pack.body.doneSince.map((a: { actionId: string }) => a.actionId)).toEqual([doneActionId]);
    expect(pack.body.indicators.map((i: { id: string }) => i.id)).toContain('re-referrals-12m');
    const later = await hos.get('/api/improvement/board-pack?asOf=2026-12-01&since=2026-07-15');
    // Due before the last board, but marked off track since: it slipped again.
    expect(later.body.slipped.map((a: { actionId: string }) => a.actionId)).toEqual([actionId]);
  });
});
